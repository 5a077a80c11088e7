"""The PostgreSQL migrations (``marsad/store/postgresql/migrations/``, see
``marsad.store.schema``), each in its own transaction. An advisory lock makes processes
that open a new database at the same moment apply them once, one after the other."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg

from marsad.store.schema import available

_LOCK = 0x6D617273  # any constant of our own: "mars"


def apply(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply the migrations this database lacks; return their names."""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
        for name, sql in available("marsad.store.postgresql"):
            if name in done:
                continue
            conn.execute(sql.encode())  # our own file; several statements in one call
            conn.execute(
                "INSERT INTO schema_migrations VALUES (%s, %s)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append(name)
    return applied
