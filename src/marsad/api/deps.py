"""Request-scoped dependencies of the API: the store (shared with the web UI) and the
ingest token."""

from __future__ import annotations

import hmac

from fastapi import Request

from marsad.api.errors import ApiError
from marsad.web.deps import get_store

__all__ = ["get_store", "require_token"]


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
