"""Named schema migrations, applied in name order and recorded in ``schema_migrations``.

A migration is a ``.sql`` file in ``marsad/store/migrations/``; its file name is its
identity, so a store says exactly which schema it has.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import resources


def available() -> list[tuple[str, str]]:
    folder = resources.files("marsad.store").joinpath("migrations")
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name.removesuffix(".sql"), p.read_text(encoding="utf-8")) for p in files]


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
