"""Ingest endpoints: upload files or JSON Lines, or name a feed URL. They need the
operator's token (``marsad serve --token`` or ``$MARSAD_API_TOKEN``); without one they are
disabled. Uploads are size-limited by :class:`UploadLimit` before the body is parsed."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from marsad import ops
from marsad.api.asgi import ASGIApp, Message, Receive, Scope, Send
from marsad.api.deps import get_store, require_token
from marsad.api.errors import ApiError, declared
from marsad.ingest import ReadOptions
from marsad.ingest.addresses import url_problem
from marsad.pipeline import CORE_STAGES, DEFAULT_STAGES
from marsad.store import Store

router = APIRouter(
    prefix="/api/ingest",
    dependencies=[Depends(require_token)],
    responses=declared(400, 401, 403, 413, 422, 500),
)
StoreDep = Annotated[Store, Depends(get_store)]

DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\-]+")


def _too_large(limit: int) -> HTTPException:
    return HTTPException(
        413,
        f"upload larger than {limit // (1024 * 1024)} MiB; split it into smaller requests, or"
        " restart the server with a larger --max-upload-mb",
    )


class UploadLimit:
    """ASGI middleware: ingest request bodies over ``max_bytes`` get a 413, whether the
    client declares its length or streams it."""

    def __init__(self, app: ASGIApp, max_bytes: int, prefix: str = "/api/ingest") -> None:
        self.app, self.max_bytes, self.prefix = app, max_bytes, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            from fastapi.responses import JSONResponse

            error = _too_large(self.max_bytes)
            await JSONResponse({"error": error.detail}, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                # Raised inside the body parser; the app's handler answers 413 in JSON.
                raise _too_large(self.max_bytes)
            return message

        await self.app(scope, counted, send)


def _report(report: ops.IngestReport) -> dict[str, Any]:
    return {
        "read": report.read,
        "new": report.new,
        "known": report.known,
        "copies": report.copies,
        "skipped": [{"source": p.source, "reason": p.reason} for p in report.skipped],
        "removed": dict(report.removed),
    }


def _options(request: Request) -> ReadOptions:
    """What a server may read: only public addresses (and the operator's allowed
    networks) for every fetch, feed item links included."""
    return ReadOptions(addresses=request.app.state.fetch_policy)


def _safe_name(index: int, name: str | None) -> str:
    # Only the base name, in safe characters: a client's "../../x" stays inside the folder.
    base = _UNSAFE.sub("_", Path(name or "upload").name).lstrip(".") or "upload"
    return f"{index:04d}-{base[:120]}"


@router.post("/files", summary="Ingest uploaded files (text, HTML, JSONL, WARC, feeds)")
def ingest_files(
    files: Annotated[list[UploadFile], File(min_length=1, description="One or more files.")],
    store: StoreDep,
    request: Request,
    fast: bool = False,
) -> dict[str, Any]:
    """Multipart upload (field `files`, repeatable). Each file is read like `marsad ingest`
    reads a file: scrapes, HTML, JSON Lines with "text" or "html", WARC, RSS/Atom. Needs
    `Authorization: Bearer TOKEN`."""
    with tempfile.TemporaryDirectory(prefix="marsad-upload-") as folder:
        for index, upload in enumerate(files):
            target = Path(folder) / _safe_name(index, upload.filename)
            with target.open("wb") as out:
                while chunk := upload.file.read(1 << 20):
                    out.write(chunk)
        stages = CORE_STAGES if fast else DEFAULT_STAGES

        def shown(source: str) -> str:
            # Stored and answered as "upload:0000-name": the server's folders are no
            # client's business, and the folder is gone when the request ends.
            return source.replace(folder, "upload:", 1)

        report = ops.ingest([folder], store, options=_options(request), stages=stages, rename=shown)
        return _report(report)


# What the schema promises to accept; ``url_problem`` still checks what it parses to.
# A host name or IPv4 address, no user:password@ (see addresses.url_problem), ports 1-65535.
_PORT = r"([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
_URL_PATTERN = rf"^https?://[A-Za-z0-9.-]+(:{_PORT})?(/[!-~]*)?$"


class FeedRequest(BaseModel):
    url: str = Field(
        description="An http(s) URL of an RSS/Atom feed or a page, on a public address.",
        pattern=_URL_PATTERN,
        max_length=2048,
    )
    fast: bool = Field(default=False, description="Only the article stages (no names).")


@router.post("/feeds", summary="Ingest a feed (or page) URL")
def ingest_feed(body: FeedRequest, store: StoreDep, request: Request) -> dict[str, Any]:
    """Fetches the feed and the pages of its items, as `marsad ingest URL` does, from public
    addresses only (see `--fetch-allow`). Needs `Authorization: Bearer TOKEN`."""
    problem = url_problem(body.url)
    if problem is not None:
        raise ApiError(400, f"url {body.url[:200]!r}: {problem}")
    stages = CORE_STAGES if body.fast else DEFAULT_STAGES
    return _report(ops.ingest([body.url.strip()], store, options=_options(request), stages=stages))
