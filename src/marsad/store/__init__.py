"""Stores: ``open_store(url_or_path)`` picks the backend: a file path is a SQLite store
(``marsad.store.sqlite``), a ``postgresql://`` URL a PostgreSQL one
(``marsad.store.postgresql``). Both keep the same protocol (``protocol.Store``) and pass the
same contract tests (tests/store)."""

from __future__ import annotations

from pathlib import Path

from marsad.errors import StoreError
from marsad.store.protocol import AddResult, Store, StoreStats
from marsad.store.sqlite import SQLiteStore

__all__ = [
    "AddResult", "SQLiteStore", "Store", "StoreStats", "is_postgresql", "migrate", "open_store",
]  # fmt: skip


def is_postgresql(db: str | Path) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path, *, prepare: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``db``: a file path for SQLite,
    a ``postgresql://`` URL for PostgreSQL. ``prepare=False``: the store is known to be
    migrated and indexed already."""
    text = str(db)
    if is_postgresql(text):
        # Imported here: SQLite users need no PostgreSQL driver.
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise StoreError(
                f"PostgreSQL stores need the psycopg driver ({exc}):"
                " pip install 'marsad[postgresql]'"
            ) from exc
        from marsad.store.postgresql import PostgresStore

        return PostgresStore(text, prepare=prepare)
    parent = Path(text).expanduser().resolve().parent
    if not parent.is_dir():
        raise StoreError(f"folder {parent} does not exist; create it or choose another --db path")
    return SQLiteStore(Path(text).expanduser(), prepare=prepare)


def migrate(db: str | Path) -> tuple[list[str], list[str]]:
    """Create or migrate the store at ``db``: (migrations applied now, all of them)."""
    try:
        with open_store(db, prepare=False) as store:
            before = set(store.stats().schema)
    except Exception:
        before = set()
    with open_store(db) as store:
        schema = store.stats().schema
    return [name for name in schema if name not in before], schema
