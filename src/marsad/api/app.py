"""The application factory: JSON API under /api (OpenAPI at /api/openapi.json, docs at
/api/docs), web pages at /."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI

from marsad.api import docs, errors, ingest, read
from marsad.ingest.addresses import AddressPolicy
from marsad.store import open_store
from marsad.web.routes import router as web_router


def create_app(
    db: str,
    token: str | None = None,
    *,
    max_upload_bytes: int = ingest.DEFAULT_MAX_UPLOAD,
    fetch_allow: Sequence[str] | str | None = None,
) -> FastAPI:
    """The app over the store at ``db``; ``token`` enables the ingest endpoints.

    ``fetch_allow``: networks (CIDR) the server may fetch feeds and pages from although they
    are not public; by default only public addresses (``marsad.ingest.addresses``)."""
    app = FastAPI(
        title="Marsad",
        summary="Structured, searchable knowledge from Arabic and English conflict news.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # served from the package by marsad.api.docs, not from a CDN
        redoc_url=None,
    )
    app.state.fetch_policy = AddressPolicy.parse(fetch_allow)
    # Create or migrate (and index) the store once, before the first request.
    open_store(db).close()
    app.state.db = db
    app.state.token = token or None
    errors.install(app)
    app.add_middleware(ingest.UploadLimit, max_bytes=max_upload_bytes)
    docs.install(app, "/api/openapi.json")
    app.include_router(read.router)
    app.include_router(ingest.router)
    app.include_router(web_router)
    return app
