"""Empty stores of every backend for the contract tests: a SQLite file, or a database of
its own on the session's PostgreSQL server; and a dump of each, to tell that an operation
changed nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_dump import dump as sqlite_dump

BACKENDS = ("sqlite", "postgresql")


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server at ``server_url``; dropped afterwards."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")  # a name made here, not input
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


def dump(db: str) -> list[str]:
    """Every row of every table, in a stable order."""
    if not db.startswith("postgresql://"):
        return sqlite_dump(Path(db))
    import psycopg

    lines: list[str] = []
    with psycopg.connect(db) as conn:
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        for (table,) in tables:
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()  # names from the catalog
            lines += sorted(f"{table} {row!r}" for row in rows)
    return lines


@contextmanager
def empty_db(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """An empty store's address on the backend ``request.param``."""
    if request.param == "sqlite":
        yield str(folder / "m.db")
        return
    with fresh_database(request.getfixturevalue("postgres_server")) as url:
        yield url
