"""The five seed articles ingested with the full pipeline into each backend read back the
same as the session's SQLite seed store: records, entities, facts, search and stories.
On SQLite this checks that ingest is repeatable; on PostgreSQL, that every read of the
protocol means the same thing there."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from seed_store import build_seed_store
from store_backends import BACKENDS, empty_db

from marsad import ops
from marsad.record import to_record
from marsad.search import SearchQuery, search
from marsad.store import SQLiteStore, Store, open_store
from marsad.store.protocol import EventQuery, QuoteQuery

# Arabic folding on both sides (hamza, taa marbuta), phrases, prefixes, entity names in
# another script, filters and plain listings.
QUERIES = [
    SearchQuery("الإدارة الذاتية"),
    SearchQuery("الادارة الذاتيه"),
    SearchQuery('"autonomous administration"'),
    SearchQuery("deleg*"),
    SearchQuery("قامشلو"),
    SearchQuery("Qamishli"),
    SearchQuery("", lang="ar"),
    SearchQuery("", include_copies=True, limit=3, offset=1),
    SearchQuery("the", lang="en"),
    SearchQuery("", since="2020-01-01"),
]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Iterator[Store]:
    with SQLiteStore(build_seed_store(tmp_path_factory.getbasetemp(), seed_dir)) as store:
        yield store


@pytest.fixture(scope="module", params=BACKENDS)
def ingested(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seed_dir: Path
) -> Iterator[Store]:
    """The seeds ingested once per backend, read by every test here (none writes)."""
    with empty_db(request, tmp_path_factory.mktemp("seeds")) as db, open_store(db) as store:
        ops.ingest([str(seed_dir)], store, workers=1)
        yield store


def _search(store: Store, query: SearchQuery) -> tuple[int, set[str], dict[str, dict[str, int]]]:
    page = search(store, query)
    return page.total, {h.article_id for h in page.hits}, page.facets


def test_store_backends_agree_on_the_seeds(ingested: Store, reference: Store) -> None:
    assert [to_record(a) for a in ingested.iter_articles()] == [
        to_record(a) for a in reference.iter_articles()
    ]
    assert replace(ingested.stats(), schema=[]) == replace(reference.stats(), schema=[])
    for label, query in ((None, None), ("PER", None), (None, "a"), ("GPE", "قا")):
        assert ingested.entity_rows(label, query, limit=500) == reference.entity_rows(
            label, query, limit=500
        )
        assert ingested.count_entities(label, query) == reference.count_entities(label, query)
    top = reference.entity_rows(limit=3)
    assert top, "the seeds name entities"
    for row in top:
        assert ingested.entity_mentions(row.entity_id) == reference.entity_mentions(row.entity_id)
        assert ingested.co_mentioned(row.entity_id) == reference.co_mentioned(row.entity_id)


def test_store_backends_agree_on_facts(ingested: Store, reference: Store) -> None:
    for query in (EventQuery(), EventQuery(copies=False), EventQuery(since="2024-01-01")):
        assert list(ingested.events(query)) == list(reference.events(query))
        assert list(ingested.events(query, 2, 1)) == list(reference.events(query, 2, 1))
        assert ingested.count_events(query) == reference.count_events(query)
    assert list(reference.events(EventQuery())), "the seeds hold events"
    for quotes in (QuoteQuery(), QuoteQuery(lang="ar"), QuoteQuery(copies=False)):
        assert list(ingested.quotes(quotes)) == list(reference.quotes(quotes))
        assert ingested.count_quotes(quotes) == reference.count_quotes(quotes)
    for by in ("place", "day"):
        assert ingested.event_counts(by) == reference.event_counts(by)  # type: ignore[arg-type]
    assert ingested.place_counts() == reference.place_counts()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.text or "filters")
def test_store_backends_agree_on_search(
    ingested: Store, reference: Store, query: SearchQuery
) -> None:
    found = _search(reference, query)
    assert found[0] > 0, "a query that finds nothing proves little"
    assert _search(ingested, query) == found


def test_store_backends_agree_on_stories(ingested: Store, reference: Store) -> None:
    mine, theirs = ingested.story_index(), reference.story_index()
    assert mine.story_rows() == theirs.story_rows()
    assert mine.count_stories(lang="ar") == theirs.count_stories(lang="ar")
    for row in theirs.story_rows():
        assert mine.members(row.id) == theirs.members(row.id)
        assert mine.story(row.id[:8]) == theirs.story(row.id[:8])
