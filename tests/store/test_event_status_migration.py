"""Stores written before the event status existed: PostgreSQL fills the status and the ISO
day of the rows it holds in SQL (migration 0002); SQLite re-indexes them on open (0009)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_backends import fresh_database

from marsad.store import open_store
from marsad.store.protocol import EventQuery
from marsad.store.schema import available

# (aux, day as the old index wrote it) -> (status, day as an ISO day)
OLD_ROWS = [
    ("", "2022-04-08", "real", "2022-04-08"),
    ("historical;negation", "2019-W46", "negated", "2019-11-11"),
    ("future", "2009-W1", "hypothetical", "2008-12-29"),
    ("hypothetical", "2019-10", "hypothetical", "2019-10-01"),
    ("historical", "2019", "real", "2019-01-01"),
    ("negation", None, "negated", None),
]


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        yield url


def test_event_status_migration_fills_old_postgresql_rows(pg_url: str) -> None:
    import psycopg

    first = available("marsad.store.postgresql")[0]
    assert first[0] == "0001_schema"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(first[1].encode())
        conn.execute(
            "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO schema_migrations VALUES ('0001_schema', 'then')")
        for position, (aux, day, _, _) in enumerate(OLD_ROWS):
            conn.execute(
                'INSERT INTO events (article_id, position, type, aux, day, start, "end")'
                " VALUES ('a', %s, 'ASSAULT', %s, %s, 0, 1)",
                (position, aux, day),
            )
    with open_store(pg_url) as store:
        assert store.count_events(EventQuery(status="negated")) == 2
        assert store.count_events(EventQuery(status="hypothetical")) == 2
        assert store.count_events(EventQuery(since="2019-11-01")) == 2
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT status, day FROM events ORDER BY position").fetchall()
    assert rows == [(status, day) for _, _, status, day in OLD_ROWS]


def test_event_status_migration_reindexes_an_old_sqlite_store(tmp_path: Path) -> None:
    from article_builder import article_from_paragraphs

    from marsad.types import Event

    db = tmp_path / "old.db"
    article = article_from_paragraphs(["Turkey did not shell Kobani."], id="a", lang="en")
    article.published = "2019-11-20"
    article.events = [Event("ASSAULT", 0, 28, aux=["negation"], date="2019-W46")]
    with open_store(db) as store:
        store.add([article])
    # As 0008 left a store: no status or precision yet, days as the text gave them.
    conn = sqlite3.connect(db)
    conn.executescript(
        "DROP INDEX events_status; ALTER TABLE events DROP COLUMN status;"
        " ALTER TABLE events DROP COLUMN geo_precision; UPDATE events SET day = '2019-W46';"
        " DELETE FROM schema_migrations WHERE name = '0009_event_status';"
    )
    conn.close()
    with open_store(db) as store:
        assert store.count_events(EventQuery(status="negated")) == 1
        assert store.count_events(EventQuery(status="real")) == 0
        (event,) = store.events(EventQuery(since="2019-11-11"))
        assert event.status == "negated"
