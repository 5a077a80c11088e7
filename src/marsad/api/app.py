"""The application factory: JSON API under /api, web pages at /."""

from __future__ import annotations

from fastapi import FastAPI

from marsad.web.routes import router as web_router


def create_app(db: str, token: str | None = None) -> FastAPI:
    app = FastAPI(title="Marsad", docs_url="/api/docs", openapi_url="/api/openapi.json")
    app.state.db = db
    app.state.token = token
    app.include_router(web_router)
    return app
