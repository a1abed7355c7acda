"""The FastAPI application: thin routers over the store's queries. OpenAPI at /docs."""

from __future__ import annotations

import os

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.routes import actors, events, ingest, meta, paths
from graph.store import GraphStore


def create_app(store: GraphStore, api_key: str | None = None) -> FastAPI:
    """An app serving `store`; writes need `api_key` (default $DIPGRAPH_API_KEY) when one is set."""
    app = FastAPI(title="dipgraph", version="0.1.0",
                  description="Who met, phoned, visited, hosted, signed with or drilled with whom — when, "
                              "where, and from which sentence we know it.")
    app.state.store = store
    app.state.api_key = api_key if api_key is not None else os.environ.get("DIPGRAPH_API_KEY") or None
    install_error_handlers(app)
    for module in (meta, actors, events, paths, ingest):
        app.include_router(module.router)
    return app
