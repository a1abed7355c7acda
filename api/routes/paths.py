"""Paths between actors through events that occurred."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from api.deps import get_store
from api.params import event_filter, resolve_actor
from graph.store import MAX_HOPS, MAX_K, GraphStore, Path

router = APIRouter(prefix="/paths", tags=["paths"])


class PathList(BaseModel):
    paths: list[Path]


@router.get("/shortest", response_model=PathList)
def shortest(source: str = Query(..., description="actor id or name"),
             target: str = Query(..., description="actor id or name"),
             max_hops: int = Query(4, ge=1, le=MAX_HOPS), k: int = Query(1, ge=1, le=MAX_K),
             all: bool = Query(False, description="every shortest path instead of one"),  # noqa: A002
             since: str | None = None, until: str | None = None,
             type: list[str] | None = Query(None, description="PLOVER type, mode or CAMEO prefix"),  # noqa: A002
             store: GraphStore = Depends(get_store)) -> PathList:
    """Shortest path (k=1), all shortest paths (all=true), or k shortest simple paths, with the events per hop."""
    src = resolve_actor(store, source, "source")
    dst = resolve_actor(store, target, "target")
    flt = event_filter(store, types=type, since=since, until=until, default_status=("occurred",))
    return PathList(paths=store.paths(src, dst, flt, max_hops=max_hops, k=k, all_shortest=all and k == 1))
