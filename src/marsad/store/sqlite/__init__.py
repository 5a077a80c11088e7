"""The SQLite backend: every SQLite statement of Marsad lives in this package (articles,
entity counts, facts, the FTS5 search index, the story index)."""

from marsad.store.sqlite.store import SQLiteStore

__all__ = ["SQLiteStore"]
