"""The store dependency shared by the web pages and the API (the API imports the web
package to mount its pages; nothing here imports the API)."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from marsad.store import Store, open_store


def get_store(request: Request) -> Iterator[Store]:
    """One store connection per request: SQLite connections are not shared across threads.
    ``create_app`` migrated and indexed the store once; requests skip that (a few counts
    over every article each time)."""
    store = open_store(request.app.state.db, prepare=False)
    try:
        yield store
    finally:
        store.close()
