"""The application factory: JSON API under /api (OpenAPI at /api/openapi.json, docs at
/api/docs), web pages at /."""

from __future__ import annotations

from fastapi import FastAPI

from marsad.api import errors, ingest, read
from marsad.store import open_store
from marsad.web.routes import router as web_router


def create_app(
    db: str, token: str | None = None, *, max_upload_bytes: int = ingest.DEFAULT_MAX_UPLOAD
) -> FastAPI:
    """The app over the store at ``db``; ``token`` enables the ingest endpoints."""
    app = FastAPI(
        title="Marsad",
        summary="Structured, searchable knowledge from Arabic and English conflict news.",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    # Create or migrate (and index) the store once, before the first request.
    open_store(db).close()
    app.state.db = db
    app.state.token = token or None
    errors.install(app)
    app.add_middleware(ingest.UploadLimit, max_bytes=max_upload_bytes)
    app.include_router(read.router)
    app.include_router(ingest.router)
    app.include_router(web_router)
    return app
