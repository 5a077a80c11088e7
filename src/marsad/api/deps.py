"""Request-scoped dependencies shared by the API and the web UI."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from marsad.store import Store, open_store


def get_store(request: Request) -> Iterator[Store]:
    """One store connection per request: SQLite connections are not shared across threads."""
    store = open_store(request.app.state.db)
    try:
        yield store
    finally:
        store.close()
