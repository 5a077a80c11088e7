"""The five seed articles through the full pipeline into one SQLite file, built once per
test session by whichever package asks first (tests/search, tests/api)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad import ops
from marsad.store import open_store


def build_seed_store(base: Path, seed_dir: Path) -> Path:
    """The seed store under the session's base temp folder ``base``."""
    path = base / "seed-store" / "seeds.db"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        building = path.with_suffix(".building")
        with open_store(building) as store:
            ops.ingest([str(seed_dir)], store, workers=1)
        # Everything into the main file, so that copying that file copies the whole store.
        conn = sqlite3.connect(building)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        building.rename(path)
    return path
