"""The derived columns of the event table: ISO days with their precision, status from the
auxiliary modes, ACLED place precision, country names."""

from __future__ import annotations

import pytest

from marsad.event_fields import country, event_when, geo_precision, iso_day
from marsad.events.status import event_status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-04-08", ("2022-04-08", "day")),
        ("2019-W46", ("2019-11-11", "week")),
        ("2009-W1", ("2008-12-29", "week")),  # ISO week 1 of 2009 begins in 2008
        ("2019-10", ("2019-10-01", "month")),
        ("2019", ("2019-01-01", "year")),
        ("2019-02-30", None),  # no such day
        ("2019-W54", None),
        ("last week", None),
        (None, None),
    ],
)
def test_event_fields_iso_day(value: str | None, expected: tuple[str, str] | None) -> None:
    assert iso_day(value) == expected


def test_event_fields_text_date_wins_over_publication() -> None:
    assert event_when("2019-10", "2019-11-20").source == "text"
    published = event_when(None, "2019-11-20")
    assert (published.date, published.precision, published.source) == (
        "2019-11-20",
        "day",
        "published",
    )
    assert event_when(None, None).time_precision is None


@pytest.mark.parametrize(
    ("aux", "status"),
    [
        ([], "real"),
        (["historical"], "real"),
        (["negation"], "negated"),
        (["future", "negation"], "negated"),  # "will not attack"
        (["hypothetical"], "hypothetical"),
        (["future"], "hypothetical"),  # planned: has not happened
    ],
)
def test_event_status_from_aux(aux: list[str], status: str) -> None:
    assert event_status(aux) == status


@pytest.mark.parametrize(
    ("kind", "precision"),
    [("city", 1), ("town", 1), ("place", 1), ("camp", 1), ("admin1", 2), ("governorate", 2),
     ("country", 3), ("continent", None), (None, None)],
)  # fmt: skip
def test_event_fields_geo_precision(kind: str | None, precision: int | None) -> None:
    assert geo_precision(kind) == precision


def test_event_fields_country_names_not_codes() -> None:
    syria, iran = country("SY"), country("ir")
    assert syria is not None and (syria.name, syria.alpha3, syria.numeric) == ("Syria", "SYR", 760)
    assert iran is not None and iran.name == "Iran"
    assert country("ZZ") is None and country(None) is None
