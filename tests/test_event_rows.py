"""Event tables for PLOVER/ACLED users: one row per event, filters, coordinates."""

from __future__ import annotations

import csv
import io

import pytest
from article_builder import article_from_paragraphs

from marsad.event_rows import COLUMNS, EventFilter, event_rows, write_csv
from marsad.types import Event, Geo, Mention


def _article():  # type: ignore[no-untyped-def]
    text = "A Tajik delegation visited the Department in Qamishlo on 8 April 2022."
    article = article_from_paragraphs([text], published="2022-04-08", id="a1")
    q = text.index("Qamishlo")
    article.mentions = [
        Mention(q, q + 8, "GPE", "marsad:place/qamishli", "Qamishli", geo=Geo(37.05, 41.23, "SY")),
    ]
    article.events = [
        Event("CONSULT", 0, len(text), mode="visit", source="Tajikistan", source_entity_id="Q863",
              target="Department", place="Qamishli", place_entity_id="marsad:place/qamishli",
              date="2022-04-08"),
        Event("ASSAULT", 0, 10, source="ISIS", date=None, aux=["historical"]),
    ]  # fmt: skip
    return article


@pytest.mark.parametrize(
    ("where", "types"),
    [
        (EventFilter(), ["CONSULT", "ASSAULT"]),
        (EventFilter(type="consult"), ["CONSULT"]),
        (EventFilter(actor="Q863"), ["CONSULT"]),
        (EventFilter(actor="isis"), ["ASSAULT"]),
        (EventFilter(place="Qamishli"), ["CONSULT"]),
        (EventFilter(since="2022-04-09"), []),
        (EventFilter(since="2022-04-01"), ["CONSULT", "ASSAULT"]),  # undated: article's date
    ],
)
def test_event_rows_filter(where: EventFilter, types: list[str]) -> None:
    assert [r["event_type"] for r in event_rows([_article()], where)] == types


def test_event_rows_carry_place_coordinates_and_evidence() -> None:
    out = io.StringIO()
    assert write_csv(event_rows([_article()], EventFilter()), out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS
    assert (rows[0]["latitude"], rows[0]["country"], rows[0]["mode"]) == ("37.05", "SY", "visit")
    assert rows[0]["evidence"].startswith("A Tajik delegation") and rows[1]["aux"] == "historical"
    assert rows[1]["latitude"] == ""  # no place: no invented coordinates
