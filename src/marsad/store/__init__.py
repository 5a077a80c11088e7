"""Stores: ``open_store(url_or_path)`` picks the implementation."""

from __future__ import annotations

from pathlib import Path

from marsad.errors import StoreError
from marsad.store.protocol import AddResult, Store, StoreStats
from marsad.store.sqlite import SQLiteStore

__all__ = ["AddResult", "SQLiteStore", "Store", "StoreStats", "open_store"]


def open_store(db: str | Path, *, prepare: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``db``: a file path for SQLite.
    ``prepare=False``: the store is known to be migrated and indexed already."""
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            "PostgreSQL stores are not available in this version; use a SQLite file path for --db"
        )
    parent = Path(text).expanduser().resolve().parent
    if not parent.is_dir():
        raise StoreError(f"folder {parent} does not exist; create it or choose another --db path")
    return SQLiteStore(Path(text).expanduser(), prepare=prepare)
