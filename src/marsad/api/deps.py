"""Request-scoped dependencies shared by the API and the web UI."""

from __future__ import annotations

import hmac
from collections.abc import Iterator

from fastapi import Request

from marsad.api.errors import ApiError
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


def require_token(request: Request) -> None:
    """Ingest endpoints: the operator's token as ``Authorization: Bearer <token>``."""
    expected: str | None = request.app.state.token
    if not expected:
        raise ApiError(
            403,
            "ingest over the API is disabled: restart with `marsad serve --token TOKEN` (or set"
            " MARSAD_API_TOKEN) and send `Authorization: Bearer TOKEN`",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest: the time taken does not tell how much of a guess was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise ApiError(
            401,
            "missing or wrong API token: send `Authorization: Bearer TOKEN` with the token the"
            " server was started with",
            {"WWW-Authenticate": "Bearer"},
        )
