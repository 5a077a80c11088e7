"""ASGI types for our middlewares, and query strings as clients send them: an empty
optional parameter means "not given".

Forms and generated clients send ``since=`` for a field left blank. Read as an empty string
it fails every typed check ("since must be an ISO date, not ''"); read as absent it is what
the user meant. Only ``/api`` paths are rewritten; repeated and non-empty values stay.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class DropEmptyParams:
    """ASGI middleware: ``?since=&q=x`` reaches the endpoint as ``?q=x``."""

    def __init__(self, app: ASGIApp, prefix: str = "/api") -> None:
        self.app, self.prefix = app, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefix):
            raw: bytes = scope.get("query_string", b"") or b"&"
            # On the raw bytes: decoding and encoding again could change the other values.
            pairs = raw.split(b"&")
            kept = [p for p in pairs if p.partition(b"=")[2]]
            if len(kept) != len(pairs):
                scope = dict(scope)
                scope["query_string"] = b"&".join(kept)
        await self.app(scope, receive, send)
