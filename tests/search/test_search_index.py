from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from marsad.search import SearchQuery, search
from marsad.store import SQLiteStore


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_search_index_has_every_stored_article(seed_db: Path) -> None:
    assert _count(seed_db, "search_docs") == _count(seed_db, "articles") == 5
    assert _count(seed_db, "search_fts") == 5
    assert _count(seed_db, "search_names") > 0


@pytest.mark.parametrize("query", ["الادارة", "Qamishli"])
def test_search_index_store_from_before_the_index_is_indexed_on_open(
    seed_copy: Path, query: str
) -> None:
    with SQLiteStore(seed_copy) as store:
        expected = [h.article_id for h in search(store, SearchQuery(query)).hits]
    assert expected
    # Make the copy look like a store built before migration 0004.
    conn = sqlite3.connect(seed_copy)
    conn.executescript(
        "DROP TABLE search_fts; DROP TABLE search_docs; DROP TABLE search_names;"
        " DROP TABLE search_meta; DELETE FROM schema_migrations WHERE name = '0004_search';"
    )
    conn.close()
    with SQLiteStore(seed_copy) as store:
        assert [h.article_id for h in search(store, SearchQuery(query)).hits] == expected
        assert "0004_search" in store.stats().schema


@pytest.mark.parametrize("query", ["الادارة", "ISIS"])
def test_search_index_rebuilds_under_new_key_rules(seed_copy: Path, query: str) -> None:
    conn = sqlite3.connect(seed_copy)
    with conn:
        conn.execute("UPDATE search_meta SET value = 'older-rules'")
        conn.execute("UPDATE search_fts SET body = 'nothing here'")
    conn.close()
    with SQLiteStore(seed_copy) as store:
        assert search(store, SearchQuery(query)).total >= 1
    assert _count(seed_copy, "search_docs") == 5


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_index_is_written_with_the_article(
    seed_copy: Path, seed_texts: dict[str, str], lang: str
) -> None:
    from marsad import ops

    text = seed_texts["003" if lang == "ar" else "002"].replace("\n", " ")[:2000]
    source = Path(seed_copy).parent / f"new-{lang}.jsonl"
    record = {"text": text + " zzfreshword", "title": f"zzfreshword {lang}"}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with SQLiteStore(seed_copy) as store:
        ops.ingest([str(source)], store, stages=("clean", "metadata", "lang", "sentences"))
        # a near-copy of a seed: the stories stage may mark it a duplicate
        page = search(store, SearchQuery("zzfreshword", include_copies=True))
    assert page.total == 1
    assert page.hits[0].title_highlights
