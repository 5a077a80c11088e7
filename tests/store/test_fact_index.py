"""Contract of the event and quote index tables: filters, paging, counts for the map and the
timeline, copies left out where asked, and the catch-up of a store whose tables are empty."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from article_builder import article_from_paragraphs

from marsad.event_rows import EventFilter, event_rows, stored_event_rows
from marsad.store import open_store
from marsad.store.protocol import EventQuery, QuoteQuery
from marsad.types import Article, Event, Geo, Mention, Quote

QAMISHLI = "marsad:place/qamishli"
HASAKAH = "marsad:place/hasakah"
# Per language: the text, the place names as written, the actors' names, the speaker.
CASES = {
    "en": (
        "The Tajik delegation visited Qamishli. ISIS fighters attacked Hasakah. "
        '"We welcome them," the co-chair said.',
        ("Qamishli", "Hasakah"),
        ("Tajikistan", "Islamic State", "Department of External Relations"),
        "Ilham Ahmed",
    ),
    "ar": (
        "زار الوفد الطاجيكي قامشلو. هاجم مرتزقة داعش الحسكة. وقالت الرئيسة المشتركة: «نرحب بهم».",
        ("قامشلو", "الحسكة"),
        ("طاجيكستان", "داعش", "دائرة العلاقات الخارجية"),
        "إلهام أحمد",
    ),
}


def _article(lang: str, id_: str, published: str | None = "2024-03-01") -> Article:
    text, (town, city), (tajik, isis, dept), speaker = CASES[lang]
    article = article_from_paragraphs([text], id=id_, lang=lang, published=published)
    t, h = text.index(town), text.index(city)
    first_end = text.index(".") + 1
    second_end = text.index(".", first_end) + 1
    article.mentions = [
        Mention(t, t + len(town), "GPE", QAMISHLI, "Qamishli", geo=Geo(37.05, 41.23, "SY", "HA")),
        Mention(h, h + len(city), "GPE", HASAKAH, "Hasakah", geo=Geo(36.5, 40.74, "SY")),
    ]
    article.events = [
        Event("CONSULT", 0, first_end, mode="visit", source=tajik, source_entity_id="Q863",
              target=dept, place=town, place_entity_id=QAMISHLI, date="2024-02-28"),
        Event("ASSAULT", first_end + 1, second_end, source=isis, source_entity_id="Q2429253",
              place=city, place_entity_id=HASAKAH, aux=["historical", "negation"]),
    ]  # fmt: skip
    q = text.index("«") + 1 if lang == "ar" else text.index('"') + 1
    q_end = text.index("»") if lang == "ar" else text.index('"', q)
    article.quotes = [
        Quote(q, q_end, True, q_end + 2, q_end + 6, speaker, "Q-ilham", backend="rules"),
        Quote(0, first_end, False, backend="rules"),
    ]
    return article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "facts.db"


def _fill(db: Path, lang: str) -> list[Article]:
    first, undated = _article(lang, "a1"), _article(lang, "a2", published=None)
    undated.text = undated.raw_text = undated.text + " 2"  # another text: not a copy
    copy = _article(lang, "a3")
    copy.source = "elsewhere"
    with open_store(db) as store:
        store.add([first, undated])
        assert [r.status for r in store.add([copy])] == ["copy"]
    return [first, undated, copy]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_events_equal_rows_made_from_the_articles(db: Path, lang: str) -> None:
    articles = _fill(db, lang)
    with open_store(db) as store:
        stored = list(stored_event_rows(store, EventFilter()))
    assert stored == list(event_rows(articles, EventFilter()))
    assert [r["event_id"] for r in stored] == ["a1-0", "a1-1", "a2-0", "a2-1", "a3-0", "a3-1"]
    assert stored[0]["latitude"] == 37.05 and stored[0]["admin1"] == "HA"
    assert stored[1]["aux"] == "historical;negation"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "where",
    [
        EventFilter(type="assault"),
        EventFilter(actor="Q863"),
        EventFilter(actor="TAJIK"),  # case-insensitive part of a name (English)
        EventFilter(actor="داعش"),
        EventFilter(place=HASAKAH),
        EventFilter(place="قامش"),
        EventFilter(since="2024-02-29"),  # a2's undated events have no article date either
        EventFilter(since="2024-02-01", type="CONSULT"),
        EventFilter(actor="nobody"),
    ],
)
def test_fact_index_event_filters_match_the_article_filter(
    db: Path, lang: str, where: EventFilter
) -> None:
    articles = _fill(db, lang)
    expected = list(event_rows(articles, where))
    with open_store(db) as store:
        assert list(stored_event_rows(store, where)) == expected
        assert store.count_events(where.query()) == len(expected)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_pages_events_and_leaves_copies_out(db: Path, lang: str) -> None:
    _fill(db, lang)
    with open_store(db) as store:
        page = list(store.events(EventQuery(), limit=2, offset=3))
        assert [(e.article_id, e.position) for e in page] == [("a2", 1), ("a3", 0)]
        originals = EventQuery(copies=False)
        assert {e.article_id for e in store.events(originals)} == {"a1", "a2"}
        assert store.count_events(originals) == 4
        assert page[0].evidence == CASES[lang][0][page[0].start : page[0].end]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_leaves_out_an_article_marked_a_copy_after_it_was_stored(
    db: Path, lang: str
) -> None:
    _fill(db, lang)
    # What the story clusterer does to a near-copy stored before stories existed.
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET duplicate_of = 'a1' WHERE id = 'a2'")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        assert {e.article_id for e in store.events(EventQuery(copies=False))} == {"a1"}
        assert store.count_quotes(QuoteQuery(copies=False)) == 2
        assert [n for _, _, n in store.event_counts("day")] == [1, 1]
        assert [p.articles for p in store.place_counts()] == [{"a1"}, {"a1"}]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_quotes_filter_by_speaker_and_language(db: Path, lang: str) -> None:
    _fill(db, lang)
    text, speaker = CASES[lang][0], CASES[lang][3]
    with open_store(db) as store:
        everything = list(store.quotes(QuoteQuery()))
        assert len(everything) == 6 and store.count_quotes(QuoteQuery()) == 6
        first = everything[0]
        assert first.text == text[first.start : first.end] and first.direct
        assert first.cue == text[first.end + 2 : first.end + 6]
        assert everything[1].cue is None and not everything[1].direct
        by_name = QuoteQuery(speaker=speaker[2:].upper())
        assert [q.article_id for q in store.quotes(by_name)] == ["a1", "a2", "a3"]
        assert store.count_quotes(QuoteQuery(speaker="Q-ilham", copies=False)) == 2
        other = "ar" if lang == "en" else "en"
        assert store.count_quotes(QuoteQuery(lang=other)) == 0
        assert [q.position for q in store.quotes(QuoteQuery(lang=lang), 1, 1)] == [1]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_counts_events_by_place_and_day_without_copies(db: Path, lang: str) -> None:
    _fill(db, lang)
    with open_store(db) as store:
        by_place = store.event_counts("place")
        by_day = store.event_counts("day")
        places = store.place_counts()
    assert by_place == [(QAMISHLI, "CONSULT", 2), (HASAKAH, "ASSAULT", 2)]
    assert by_day == [("2024-02-28", "CONSULT", 2), ("2024-03-01", "ASSAULT", 1),
                      (None, "ASSAULT", 1)]  # fmt: skip
    assert [(p.id, p.name, p.mentions, p.articles) for p in places] == [
        (QAMISHLI, "Qamishli", 2, {"a1", "a2"}),
        (HASAKAH, "Hasakah", 2, {"a1", "a2"}),
    ]
    assert (places[0].lat, places[0].lon, places[0].country) == (37.05, 41.23, "SY")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_is_filled_again_when_a_store_is_opened(db: Path, lang: str) -> None:
    _fill(db, lang)
    conn = sqlite3.connect(db)
    before = [
        conn.execute(f"SELECT * FROM {t} ORDER BY seq").fetchall() for t in ("events", "quotes")
    ]
    # As a store written before migration 0005 (or one interrupted mid-way) looks: part of
    # the index missing, part left over.
    conn.execute("DELETE FROM fact_docs WHERE article_id != 'a1'")
    conn.execute("DELETE FROM events WHERE article_id = 'a3'")
    conn.commit()
    with open_store(db) as store:
        assert store.count_events(EventQuery()) == 6
    conn.executescript("DELETE FROM events; DELETE FROM quotes; DELETE FROM fact_docs;")
    with open_store(db) as store:
        assert store.count_events(EventQuery()) == 6 and store.count_quotes(QuoteQuery()) == 6
    after = [
        conn.execute(f"SELECT * FROM {t} ORDER BY seq").fetchall() for t in ("events", "quotes")
    ]
    conn.close()
    # Same rows, in the same order (the sequence numbers themselves are new).
    assert [[r[1:] for r in rows] for rows in after] == [[r[1:] for r in rows] for rows in before]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_titles_fall_back_to_the_first_words(db: Path, lang: str) -> None:
    titled, untitled = _article(lang, "t1"), _article(lang, "t2")
    titled.title = "عنوان" if lang == "ar" else "A title"
    untitled.text = untitled.raw_text = "\n".join(CASES[lang][0].split())
    with open_store(db) as store:
        store.add([titled, untitled])
        titles = store.article_titles(["t1", "t2", "missing"])
    words = " ".join(CASES[lang][0].split()[:10])
    assert titles == {"t1": titled.title, "t2": words + " …"}
