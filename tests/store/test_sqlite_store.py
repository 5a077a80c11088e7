"""What only the SQLite backend does; the contract every backend keeps is in
test_store_contract.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import SQLiteStore, open_store


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "m.db") as s:
        yield s


def test_sqlite_store_records_named_migrations(store) -> None:  # type: ignore[no-untyped-def]
    assert store.stats().schema == [
        "0001_articles", "0002_entities", "0003_stories", "0004_search", "0005_facts",
        "0006_entity_counts", "0007_facts_counts", "0008_story_vectors", "0009_event_status",
    ]  # fmt: skip


def test_sqlite_store_rejects_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)


def test_sqlite_store_unprepared_connection_skips_migrations(tmp_path: Path) -> None:
    # A server prepares the store once; its per-request connections must not redo it.
    with SQLiteStore(tmp_path / "raw.db", prepare=False) as store:
        tables = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert tables.fetchall() == []
    with SQLiteStore(tmp_path / "ready.db") as store:
        tables = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert {"articles", "events", "story_links"} <= {name for (name,) in tables}
