"""resolve: the relative grammar, with and without the dates that fix it."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.meta.resolve import resolve

ANCHOR = dt.date(2022, 4, 8)  # a Friday


@pytest.mark.parametrize(
    ("relative", "value"),
    [
        ("0d", "2022-04-08"),
        ("-2d", "2022-04-06"),
        ("+1d", "2022-04-09"),
        ("-1w", "2022-W13"),
        ("0w", "2022-W14"),
        ("-1m", "2022-03"),
        ("-4m", "2021-12"),
        ("+1y", "2023"),
        ("weekday:FRI", "2022-04-08"),  # the anchor itself
        ("weekday:TUE", "2022-04-05"),
        ("weekday:+FRI", "2022-04-15"),  # the next one, never the anchor
        ("weekday:+SAT", "2022-04-09"),
        ("day-month:04-08", "2022-04-08"),
        ("day-month:04-14", "2022-04-14"),  # within a week after the bound
        ("day-month:04-20", "2021-04-20"),
        ("day-month:04-08;weekday:FRI", "2022-04-08"),
        ("day-month:04-08;weekday:THU", "2021-04-08"),
        ("day-month:02-29", "2020-02-29"),
    ],
)
def test_resolve_with_an_anchor(relative: str, value: str) -> None:
    assert resolve(relative, ANCHOR, ANCHOR) == value


@pytest.mark.parametrize("relative", ["-2d", "weekday:TUE", "day-month:04-08", "0y"])
def test_resolve_without_dates_keeps_none(relative: str) -> None:
    assert resolve(relative, None, None) is None


def test_resolve_a_bound_alone_places_days_but_not_offsets() -> None:
    # The bound (a sidebar date) fixes the year of "8 April", not what "yesterday" was.
    assert resolve("day-month:04-08", None, ANCHOR) == "2022-04-08"
    assert resolve("-1d", None, ANCHOR) is None
    assert resolve("weekday:TUE", None, ANCHOR) is None


@pytest.mark.parametrize(
    ("relative", "anchor"),
    [
        ("garbage", ANCHOR),
        ("", ANCHOR),
        ("day-month:13-40", ANCHOR),
        ("weekday:XYZ", ANCHOR),
        ("-9999y", ANCHOR),
        ("+1d", dt.date.max),
        ("-1w", dt.date.min),
        ("day-month:12-31", dt.date.max),
    ],
)
def test_resolve_odd_input_gives_none_or_a_date(relative: str, anchor: dt.date) -> None:
    value = resolve(relative, anchor, anchor)
    assert value is None or value[:4].isdigit()
