"""FastAPI dependencies: the store, and the API key that protects writes."""

from __future__ import annotations

import secrets

from fastapi import Header, Request

from api.errors import ApiError
from graph.store import GraphStore


def get_store(request: Request) -> GraphStore:
    """The store this app serves."""
    return request.app.state.store


def require_api_key(request: Request, x_api_key: str | None = Header(default=None)) -> None:
    """Refuse a write without the configured key (no key configured: writes are open)."""
    expected: str | None = request.app.state.api_key
    if expected and not (x_api_key and secrets.compare_digest(x_api_key, expected)):
        raise ApiError(401, "this write needs the X-API-Key header with the server's API key")
