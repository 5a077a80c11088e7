"""The event table's status, date and place precision, read back from every backend: the
default "real" filter of `marsad events` and /api/events is SQL on SQLite and PostgreSQL
alike, and gives the rows made from the articles in memory."""

from __future__ import annotations

import pytest
from article_builder import article_from_paragraphs

from marsad.event_rows import EventFilter, event_rows, stored_event_rows
from marsad.store import Store
from marsad.store.protocol import EventQuery
from marsad.types import Article, Event, Geo, Mention

TEXTS = {
    "en": "ISIS attacked Hasakah. Turkey did not shell Kobani. The delegation will visit Raqqa.",
    "ar": "هاجم داعش الحسكة. لم تقصف تركيا كوباني. سيزور الوفد الرقة.",
}


def _article(lang: str, published: str | None = "2019-11-20") -> Article:
    text = TEXTS[lang]
    article = article_from_paragraphs([text], id=f"s-{lang}", lang=lang, published=published)
    ends = [i + 1 for i, c in enumerate(text) if c == "."]
    # the place of each sentence: its last word before the full stop
    places = [text.rindex(" ", 0, end - 1) + 1 for end in ends]
    kinds = [("city", 36.5, 40.74), ("country", 38.9, 35.2), ("admin1", 35.9, 39.0)]
    article.mentions = [
        Mention(p, end - 1, "GPE", f"P{i}", text[p : end - 1],
                geo=Geo(lat, lon, "SY", kind=kind))
        for i, (p, end, (kind, lat, lon)) in enumerate(zip(places, ends, kinds, strict=True))
    ]  # fmt: skip
    starts = [0, ends[0] + 1, ends[1] + 1]
    article.events = [
        Event("ASSAULT", starts[0], ends[0], place_entity_id="P0", place="Hasakah",
              date="2019-W46", source_entity_id="marsad:org/sdf", source="SDF",
              target_entity_id="Q863"),
        Event("ASSAULT", starts[1], ends[1], place_entity_id="P1", aux=["negation"],
              date="2019-10"),
        Event("CONSULT", starts[2], ends[2], place_entity_id="P2", aux=["future"]),
    ]  # fmt: skip
    return article


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    ("status", "expected"),
    [("real", ["s-0"]), ("negated", ["s-1"]), ("hypothetical", ["s-2"]),
     ("all", ["s-0", "s-1", "s-2"])],
)  # fmt: skip
def test_event_status_filter_is_the_same_on_every_backend(
    store: Store, lang: str, status: str, expected: list[str]
) -> None:
    article = _article(lang)
    store.add([article])
    where = EventFilter(status=status)
    rows = list(stored_event_rows(store, where))
    assert [r["event_id"] for r in rows] == [f"s-{lang}-{e[-1]}" for e in expected]
    assert rows == list(event_rows([article], where))
    assert store.count_events(where.query()) == len(expected)
    assert all(r["status"] == status for r in rows) or status == "all"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_event_dates_are_iso_days_with_their_precision(store: Store, lang: str) -> None:
    store.add([_article(lang)])
    rows = list(stored_event_rows(store, EventFilter()))
    when = [(r["event_date"], r["date_precision"], r["time_precision"], r["date_source"])
            for r in rows]  # fmt: skip
    assert when == [
        ("2019-11-11", "week", 2, "text"),  # 2019-W46 begins on Monday 11 November
        ("2019-10-01", "month", 3, "text"),
        ("2019-11-20", "day", 1, "published"),  # no date in the text: the article's
    ]
    # `since` compares ISO days: a week in November is on or after 1 November
    assert store.count_events(EventQuery(since="2019-11-01")) == 2
    assert store.count_events(EventQuery(since="2019-11-12")) == 1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_event_places_carry_acled_precision_and_country_names(store: Store, lang: str) -> None:
    store.add([_article(lang)])
    rows = list(stored_event_rows(store, EventFilter()))
    assert [r["geo_precision"] for r in rows] == [1, 3, 2]  # town, country, region
    assert {(r["country"], r["iso"], r["iso3"]) for r in rows} == {("Syria", 760, "SYR")}
    # actors' countries (alpha-3, as POLECAT) and sectors from their KB entries; a country
    # is no sector, an actor in no KB has neither
    first = rows[0]
    assert (first["actor1_country"], first["actor1_sector"]) == ("SYR", "Armed group")
    assert (first["actor2_country"], first["actor2_sector"]) == ("TJK", None)
    assert (rows[1]["actor1_country"], rows[1]["actor1_sector"]) == (None, None)


def test_event_rows_give_the_url_never_a_local_path(store: Store) -> None:
    local, fetched = _article("en"), _article("ar")
    local.source = "/home/someone/articles/story.html"
    fetched.source, fetched.url = "https://example.org/news/1", None
    store.add([local, fetched])
    sources = {r["article_id"]: r["source"] for r in stored_event_rows(store, EventFilter())}
    assert sources == {"s-en": None, "s-ar": "https://example.org/news/1"}
