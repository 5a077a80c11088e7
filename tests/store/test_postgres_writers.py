"""Several processes write to one PostgreSQL store at once: no update is lost, no article
is stored twice, no batch is half written."""

from __future__ import annotations

import multiprocessing
import time

from store_backends import fresh_database

from marsad.ids import article_id
from marsad.store import open_store
from marsad.store.protocol import EventQuery
from marsad.types import Article, Event, LocalEntity, Mention

WRITERS, BATCHES, PER_BATCH = 4, 6, 5
SHARED = ["Q1", "Q2", "L-ORG-shared"]


def _article(text: str) -> Article:
    a = Article(id=article_id(text, None), source="w.txt", raw=text.encode(), raw_text=text)
    a.text, a.lang = text, "en"
    # Every article names the shared entities: their counters are what writers race on.
    a.mentions = [Mention(i * 3, i * 3 + 2, "ORG", entity_id) for i, entity_id in enumerate(SHARED)]
    a.events = [Event(type="CONSULT", start=0, end=len(text))]
    return a


def write(url: str, writer: int, start: float) -> list[str]:
    """One writer process: its own batches, each led by the article every writer adds."""
    statuses = []
    with open_store(url) as store:
        time.sleep(max(0.0, start - time.time()))  # every writer's first batch at once
        for batch in range(BATCHES):
            articles = [_article(f"ab cd ef the same article in batch {batch}")]
            articles += [
                _article(f"ab cd ef writer {writer} batch {batch} article {n} text")
                for n in range(PER_BATCH)
            ]
            entity = LocalEntity("L-ORG-shared", "ORG", {"en": [f"Shared {writer}"]}, "Shared")
            statuses += [r.status for r in store.add(articles, [entity])]
    return statuses


def test_postgres_concurrent_writers_lose_nothing(postgres_server: str) -> None:
    with fresh_database(postgres_server) as url:
        open_store(url).close()  # migrated once; the writers race on the data only
        context = multiprocessing.get_context("spawn")
        with context.Pool(WRITERS) as pool:
            start = time.time() + 5  # after the pool's processes have started
            results = pool.starmap(write, [(url, w, start) for w in range(WRITERS)])
        statuses = [s for r in results for s in r]
        own = WRITERS * BATCHES * PER_BATCH
        assert statuses.count("new") == own + BATCHES  # each shared article stored once
        assert statuses.count("known") == (WRITERS - 1) * BATCHES
        total = own + BATCHES
        with open_store(url) as store:
            assert store.stats().articles == total
            rows = {r.entity_id: r for r in store.entity_rows(limit=10)}
            for entity_id in SHARED:
                assert (rows[entity_id].mentions, rows[entity_id].articles) == (total, total)
            assert store.count_events(EventQuery()) == total
            assert [e.id for e in store.local_entities()] == ["L-ORG-shared"]
            assert len(list(store.iter_articles())) == total
