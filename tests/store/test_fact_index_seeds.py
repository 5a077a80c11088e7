"""On the seed articles run through the whole pipeline: what the event and quote index
tables give equals what the articles' annotation documents give, for the event table, the
API's quotes, the map, the timeline and the entity pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad import ops
from marsad.entities.views import entity_page
from marsad.event_rows import EventFilter, event_rows, stored_event_rows
from marsad.record import quote_record
from marsad.store import Store, open_store
from marsad.store.protocol import QuoteQuery
from marsad.types import Article
from marsad.web.mapsvg import collect_places, stored_places
from marsad.web.timeline import event_dates, stored_event_dates, timeline_view


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("facts") / "seeds.db"
    with open_store(path) as s:
        ops.ingest([str(seed_dir)], s, workers=1)
    with open_store(path) as s:
        yield s


def _articles(store: Store, lang: str) -> list[Article]:
    return [a for a in ops.stored_articles(store) if a.lang == lang]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_seed_events_equal_the_annotation_documents(store: Store, lang: str) -> None:
    articles = _articles(store, lang)
    ids = {a.id for a in articles}
    expected = list(event_rows(articles, EventFilter()))
    stored = [r for r in stored_event_rows(store, EventFilter()) if r["article_id"] in ids]
    assert expected, f"the {lang} seeds have events"
    assert stored == expected
    # Every filter value the seeds offer selects the same rows both ways.
    filters = {EventFilter(type=str(r["event_type"])) for r in expected}
    filters |= {EventFilter(actor=str(r[k])) for r in expected for k in ("actor1_id", "actor2")
                if r[k]}  # fmt: skip
    filters |= {EventFilter(place=str(r["location_id"])) for r in expected if r["location_id"]}
    filters |= {EventFilter(since=str(r["published"])) for r in expected if r["published"]}
    for where in filters:
        want = list(event_rows(articles, where))
        got = [r for r in stored_event_rows(store, where) if r["article_id"] in ids]
        assert got == want, where


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_fact_index_seed_quotes_equal_the_export_records(store: Store, lang: str) -> None:
    expected = [
        {"article_id": a.id, "lang": a.lang, **quote_record(a, q)}
        for a in _articles(store, lang)
        for q in a.quotes
    ]
    fields = ("start", "end", "text", "direct", "speaker", "speaker_entity_id", "cue", "backend")
    stored = [
        {"article_id": q.article_id, "lang": q.lang, **{f: getattr(q, f) for f in fields}}
        for q in store.quotes(QuoteQuery(lang=lang))
    ]
    assert expected and stored == expected
    assert store.count_quotes(QuoteQuery(lang=lang)) == len(expected)


def test_fact_index_seed_map_and_timeline_equal_the_article_scan(store: Store) -> None:
    places = stored_places(store)
    assert places and places == collect_places(store.iter_articles())
    counted = timeline_view(stored_event_dates(store))
    assert counted is not None and counted == timeline_view(event_dates(store.iter_articles()))


def test_fact_index_seed_entity_titles_equal_the_articles(store: Store) -> None:
    for row in store.entity_rows(limit=10):
        page = entity_page(store, row.entity_id)
        assert page is not None
        expected = {}
        for article_id in page.mentions_by_article:
            article = store.get(article_id)
            assert article is not None
            expected[article_id] = article.title or " ".join(article.text.split()[:10]) + " …"
        assert page.titles == expected
        assert list(page.titles) == list(expected)
