"""Every API error is JSON ``{"error": message}``, and the message says what to do.

Read endpoints raise :class:`ApiError`, or a ``MarsadError`` whose message is written for
users (``QueryError`` from a typed query object, ``InputError``), which becomes a 400.
Anything else, a stray ``ValueError`` included, is logged with its traceback and answered
with a 500 that leaks no internals.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import MarsadError

log = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    """What every API error answers."""

    error: str


def declared(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the error ``codes`` a route can answer, all ``ErrorBody``.
    Naming 422 replaces FastAPI's own declaration, whose body is not ours."""
    return {code: {"model": ErrorBody, "description": _MEANING[code]} for code in codes}


_MEANING = {
    400: "A parameter or the input is not valid; the message says which and why.",
    401: "Missing or wrong API token.",
    403: "Ingest is disabled on this server (no token configured).",
    404: "No such item.",
    413: "The upload is larger than the server accepts.",
    422: "A parameter is of the wrong type or out of its bounds.",
    500: "Internal error; the server log has the details.",
    501: "Stories are not available in this installation.",
}
READ_ERRORS = declared(400, 422, 500)


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def _json(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _answer(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """JSON under /api; plain text for the web pages, which render their own errors."""
    if _is_api(request):
        return _json(status, message, headers)
    return PlainTextResponse(message, status_code=status, headers=headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def install(app: FastAPI) -> None:
    """Install the JSON error handlers (web pages keep their own for non-API paths)."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _json(exc.status, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in exc.errors()
        )
        return _json(422, f"invalid request ({problems}); see /api/docs for the parameters")

    @app.exception_handler(MarsadError)
    async def marsad_error(request: Request, exc: MarsadError) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return _answer(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and _is_api(request):
            return _json(404, f"no such endpoint {request.url.path}; see /api/docs")
        if exc.status_code == 405 and _is_api(request):
            # Allow (from the router) says which methods the path takes.
            return _json(405, f"{request.method} is not allowed here; see /api/docs", exc.headers)
        if exc.status_code == 404:
            # An unknown page gets the site's own 404 page, with a way back.
            from marsad.web.routes import not_found

            return not_found(request, request.url.path)
        return _answer(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _answer(request, 500, "internal error; the server log has the details")
