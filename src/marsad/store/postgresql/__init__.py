"""The PostgreSQL backend (``--db postgresql://…``): the same protocol and contract as the
SQLite one, for a team's shared store with several writers. Every PostgreSQL statement of
Marsad lives in this package."""

from marsad.store.postgresql.store import PostgresStore

__all__ = ["PostgresStore"]
