"""Event tables for PLOVER/ACLED users: one row per event, filters, coordinates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from article_builder import article_from_paragraphs
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.event_formats import write_csv
from marsad.event_rows import COLUMNS, EventFilter, event_rows, stored_event_rows
from marsad.store import open_store
from marsad.types import Article, Event, Geo, Mention

TEXTS = {
    "en": ("A Tajik delegation visited the Department in Qamishlo on 8 April 2022.", "Qamishlo"),
    "ar": ("زار وفد طاجيكي دائرة العلاقات الخارجية   في قامشلو يوم 8 نيسان 2022.", "قامشلو"),
}


def _article(lang: str = "en") -> Article:
    text, town = TEXTS[lang]
    article = article_from_paragraphs([text], published="2022-04-08", id="a1", lang=lang)
    q = text.index(town)
    article.mentions = [
        Mention(q, q + len(town), "GPE", "marsad:place/qamishli", "Qamishli",
                geo=Geo(37.05, 41.23, "SY")),
    ]  # fmt: skip
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
    assert (rows[0]["latitude"], rows[0]["mode"]) == ("37.05", "visit")
    assert (rows[0]["country"], rows[0]["iso"], rows[0]["iso3"]) == ("Syria", "760", "SYR")
    assert rows[0]["evidence"].startswith("A Tajik delegation") and rows[1]["aux"] == "historical"
    assert rows[1]["latitude"] == ""  # no place: no invented coordinates


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_event_rows_from_the_store_make_the_same_csv(tmp_path: Path, lang: str) -> None:
    """`marsad events --csv` reads the store's event index; PLOVER/ACLED users get the file
    they got when it read every article (evidence whitespace folded, same columns)."""
    db = tmp_path / "m.db"
    with open_store(db) as store:
        store.add([_article(lang)])
        assert list(stored_event_rows(store, EventFilter(place="qamishli"))) == list(
            event_rows([_article(lang)], EventFilter(place="qamishli"))
        )
    expected = io.StringIO()
    write_csv(event_rows([_article(lang)], EventFilter()), expected)
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as fh:
        written = fh.read()
    assert written == expected.getvalue()
    assert "  " not in written  # the Arabic evidence's double space is folded


@pytest.mark.parametrize(
    ("where", "says"),
    [({"type": "NOPE"}, "unknown event type"), ({"since": "garbage"}, "ISO date")],
)
def test_event_rows_filter_refuses_what_matches_nothing(where: dict[str, str], says: str) -> None:
    # A typo must be an error, not an empty table that reads as "no such events".
    with pytest.raises(ValueError, match=says):
        EventFilter(**where)
    result = CliRunner().invoke(cli, ["events", "--db", "x.db", *_flags(where)])
    assert result.exit_code == 2 and says in result.output


def _flags(where: dict[str, str]) -> list[str]:
    return [item for key, value in where.items() for item in (f"--{key}", value)]
