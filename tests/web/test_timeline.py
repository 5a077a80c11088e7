"""The timeline as a real time axis: one bucket size chosen by the span, buckets placed by
their time, readable axis labels, totals inside the drawing, undated events apart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from marsad.web.timeline import (
    LABEL_CHAR,
    TOP,
    UNDATED,
    choose_unit,
    timeline_view,
)


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        ("2024-03-01", "2024-03-01", "day"),
        ("2024-03-01", "2024-05-31", "day"),
        ("2024-03-01", "2024-06-30", "week"),
        ("2022-01-01", "2023-12-01", "week"),
        ("2020-01-01", "2024-12-31", "month"),
        ("1946-07-01", "2019-10-05", "year"),
    ],
)
def test_timeline_unit_follows_the_span(first: str, last: str, unit: str) -> None:
    assert choose_unit(date.fromisoformat(first), date.fromisoformat(last)) == unit
    view = timeline_view([(first, "ASSAULT"), (last, "PROTEST")])
    assert view is not None and view.unit == unit


def test_timeline_weeks_are_iso_weeks_and_never_mixed_with_months() -> None:
    days = ["2019-11-11", "2019-11-17", "2019-11-18", "2020-01-01", "2020-03-30"]
    view = timeline_view([(d, "ASSAULT") for d in days])
    assert view is not None and view.unit == "week"
    keys = [c.key for c in view.columns]
    # Monday 11 and Sunday 17 November are one ISO week; 1 January 2020 is in 2020-W01.
    assert keys == ["2019-W46", "2019-W47", "2020-W01", "2020-W14"]
    assert view.columns[0].total == 2
    assert (view.columns[0].since, view.columns[0].until) == ("2019-11-11", "2019-11-17")


def test_timeline_places_buckets_by_time_so_gaps_show() -> None:
    # Months 1, 2 and 12 of 2020 then 2022-12: one month apart must be far closer than a year.
    view = timeline_view(
        [("2020-01-15", "ASSAULT"), ("2020-02-15", "ASSAULT"), ("2022-12-15", "ASSAULT")]
    )
    assert view is not None and view.unit == "month"
    jan, feb, dec = (c.x for c in view.columns)
    assert feb - jan > 0
    assert (dec - feb) == pytest.approx((feb - jan) * 34, rel=0.01)  # 34 months on


def test_timeline_totals_stay_inside_and_undated_sits_apart() -> None:
    dated = [("2024-03-01", "ASSAULT")] * 500 + [("2024-03-02", "PROTEST")] + [(None, "AID")] * 3
    view = timeline_view(dated)
    assert view is not None
    tallest = max(view.columns, key=lambda c: c.total)
    assert tallest.top >= TOP - 0.1 and tallest.top - 5 >= 13  # its total is drawn above it
    undated = view.columns[-1]
    assert undated.key == UNDATED and undated.total == 3
    assert view.undated_x is not None and undated.x > max(c.x + c.width for c in view.columns[:-1])


@pytest.mark.parametrize("span_days", [5, 60, 400, 3000, 20000])
def test_timeline_axis_labels_do_not_overlap_or_leave_the_drawing(span_days: int) -> None:
    start = date(1990, 1, 1)
    dated = [((start + timedelta(days=d)).isoformat(), "ASSAULT") for d in range(0, span_days, 3)]
    view = timeline_view([*dated, ((start + timedelta(days=span_days)).isoformat(), "AID")])
    assert view is not None and len(view.ticks) >= 2
    for a, b in zip(view.ticks, view.ticks[1:], strict=False):
        assert b.x - a.x >= LABEL_CHAR * max(len(a.label), len(b.label)) + 4
    for t in view.ticks:
        half = LABEL_CHAR * len(t.label) / 2
        assert t.x - half >= 0 and t.x + half <= view.width


def test_timeline_month_and_week_dates_of_events_count_as_undated() -> None:
    # An event dated only to a week or a month has no day: it is not put on a wrong day.
    from marsad.web.timeline import _day

    assert _day("2019-W46") is None and _day("2019-10") is None and _day("2019") is None
    assert _day("2019-10-05T10:00:00Z") == "2019-10-05"
