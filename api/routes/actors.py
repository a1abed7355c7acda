"""Actor search, profiles and who-met-whom."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from api.deps import get_store
from api.errors import ApiError
from api.params import event_filter
from graph.store import ActorOut, Counterpart, GraphStore

router = APIRouter(prefix="/actors", tags=["actors"])


class ActorList(BaseModel):
    items: list[ActorOut]


class CounterpartList(BaseModel):
    items: list[Counterpart]


class ActorProfile(BaseModel):
    actor: ActorOut
    counterparts: int
    top_counterparts: list[Counterpart]


@router.get("", response_model=ActorList)
def search(q: str = Query(min_length=1, max_length=200, description="name or alias, fuzzy"),
           limit: int = Query(10, ge=1, le=100), store: GraphStore = Depends(get_store)) -> ActorList:
    """Actors whose name or aliases match `q`, best first."""
    return ActorList(items=[ActorOut.of(a) for a in store.search_actors(q, limit)])


def _actor(store: GraphStore, actor_id: str) -> ActorOut:
    record = store.get_actor(actor_id)
    if record is None:
        suggestions = [{"id": a["id"], "name": a["name"]} for a in store.search_actors(actor_id, limit=5)]
        raise ApiError(404, f"unknown actor {actor_id!r}", suggestions=suggestions)
    return ActorOut.of(record)


@router.get("/{actor_id}", response_model=ActorProfile)
def profile(actor_id: str, store: GraphStore = Depends(get_store)) -> ActorProfile:
    """An actor, how many counterparts it has (events that occurred) and the ten most frequent."""
    actor = _actor(store, actor_id)
    everyone = store.counterparts(actor.id, event_filter(store, default_status=("occurred",)))
    return ActorProfile(actor=actor, counterparts=len(everyone), top_counterparts=everyone[:10])


@router.get("/{actor_id}/counterparts", response_model=CounterpartList)
def counterparts(actor_id: str, since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
                 until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
                 type: list[str] | None = Query(None, description="PLOVER type, mode or CAMEO prefix"),  # noqa: A002
                 status: list[str] | None = Query(None, description="default: occurred; 'any' for all"),
                 limit: int = Query(100, ge=1, le=1000),
                 store: GraphStore = Depends(get_store)) -> CounterpartList:
    """Who `actor_id` met, phoned, visited, hosted, signed with…: count, first and last date, types."""
    actor = _actor(store, actor_id)
    flt = event_filter(store, types=type, status=status, since=since, until=until, default_status=("occurred",))
    return CounterpartList(items=store.counterparts(actor.id, flt)[:limit])
