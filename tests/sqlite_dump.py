"""The whole content of a SQLite file as SQL text: equal dumps mean nothing was rewritten
(timestamps included)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
