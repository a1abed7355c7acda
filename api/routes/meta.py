"""Health and size of the graph."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from api.deps import get_store
from graph.store import GraphStore, Stats

router = APIRouter(tags=["meta"])


@router.get("/health")
def health(store: GraphStore = Depends(get_store)) -> dict[str, str]:
    """Liveness, and which kind of store answers."""
    return {"status": "ok", "store": type(store).__name__}


@router.get("/stats", response_model=Stats)
def stats(store: GraphStore = Depends(get_store)) -> Stats:
    """Counts of actors and events, by type and by dataset."""
    return store.stats()
