"""API errors: every failure is JSON with a `detail` that says what was wrong, never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

log = logging.getLogger("dipgraph.api")


class ApiError(Exception):
    """An error with an HTTP status, a message, and optional extra JSON fields (e.g. suggestions)."""

    def __init__(self, status: int, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.extra = extra


def install_error_handlers(app: FastAPI) -> None:
    """Map ApiError, ValueError and store outages to JSON responses."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail, **exc.extra}, status_code=exc.status)

    @app.exception_handler(ValueError)
    async def _value_error(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        from neo4j.exceptions import ServiceUnavailable, SessionExpired

        if isinstance(exc, ServiceUnavailable | SessionExpired):
            return JSONResponse({"detail": f"the graph database is unavailable: {exc}"}, status_code=503)
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error; see the server log"}, status_code=500)
