"""A store built before migration 0008 (stories without vectors, redirects or sources)
opens with its embeddings numbered for the graphs and its stories' sources counted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from marsad.store import SQLiteStore
from marsad.store.sqlite.migrations import available


def _old_store(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, sql in available():
        if name >= "0008":
            break
        conn.executescript(sql)
        conn.execute("INSERT INTO schema_migrations VALUES (?, '2026-01-01')", (name,))
    vector = np.ones(4, dtype=np.float16).tobytes()
    for aid, outlet, emb in [("a1", "Outlet", vector), ("a2", "Outlet", None), ("a3", None, None)]:
        conn.execute(
            "INSERT INTO story_features VALUES (?, 'ar', ?, '2024-03-02', '{}', x'00', '', ?)",
            (aid, outlet, emb),
        )
        conn.execute(
            "INSERT INTO story_links VALUES (?, 's-1', 'story', NULL, NULL, ?)",
            (aid, '{"kind":"story"}'),
        )
    conn.execute("INSERT INTO stories VALUES ('s-1', 'a1', '2024-03-02', '2024-03-02', 3, 3)")
    conn.commit()
    conn.close()


def test_migration_0008_numbers_old_embeddings_and_counts_sources(tmp_path: Path) -> None:
    _old_store(tmp_path / "old.db")
    with SQLiteStore(tmp_path / "old.db") as store:
        rows = store.conn.execute("SELECT seq, article_id, shard FROM story_vectors").fetchall()
        assert rows == [(1, "a1", "2024-03_ar")]
        assert store.conn.execute("SELECT * FROM story_shards").fetchall() == [("2024-03_ar", 1, 1)]
        # One outlet twice, one article without an outlet: two independent sources.
        row = store.story_index().story("s-1")
        assert row is not None and (row.articles, row.sources) == (3, 2)
        assert store.story_index().redirect("s-1") is None
