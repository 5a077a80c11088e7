"""The SQLite migrations (``marsad/store/sqlite/migrations/``, see ``marsad.store.schema``)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from marsad.store.schema import available as available_in


def available() -> list[tuple[str, str]]:
    return available_in("marsad.store.sqlite")


def apply_sqlite(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks; return their names."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    applied = []
    for name, sql in available():
        if name in done:
            continue
        # executescript commits first; the BEGIN/COMMIT makes each migration all-or-nothing.
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn.executescript(
            f"BEGIN;\n{sql}\nINSERT INTO schema_migrations VALUES ('{name}', '{now}');\nCOMMIT;"
        )
        applied.append(name)
    return applied
