"""Events: filtered, paginated listing; one event; ingest."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, ValidationError

from api.deps import get_store, require_api_key
from api.errors import ApiError
from api.params import event_filter
from graph.model import Event, EventOut
from graph.store import MAX_PAGE, GraphStore
from loaders.canonical import validation_reason
from loaders.load import load_events
from loaders.report import LoadReport

router = APIRouter(prefix="/events", tags=["events"])
MAX_POST = 10000


class EventList(BaseModel):
    items: list[EventOut]
    next_cursor: str | None


def event_out(store: GraphStore, records: list) -> list[EventOut]:
    """Stored records as API events, with their actors' names."""
    actors = store.get_actors({a["id"] for r in records for a in r["actors"]})
    return [EventOut.from_record(r, actors) for r in records]


@router.get("", response_model=EventList)
def list_events(actor: str | None = Query(None, description="actor id or name"),
                with_: str | None = Query(None, alias="with", description="second actor id or name"),
                type: list[str] | None = Query(None, description="PLOVER type, mode or CAMEO prefix"),  # noqa: A002
                status: list[str] | None = Query(None, description="occurred, planned, denied, cancelled, "
                                                                    "hypothetical; default all"),
                since: str | None = None, until: str | None = None,
                members: bool = Query(False, description="a state also stands for the actors of its country: "
                                                         "actor=China&with=Belarus&members=true finds the "
                                                         "Chinese and Belarusian ministers' meetings too"),
                limit: int = Query(100, ge=1, le=MAX_PAGE), cursor: str | None = None,
                store: GraphStore = Depends(get_store)) -> EventList:
    """Matching events, newest first; pass `next_cursor` back as `cursor` for the next page."""
    flt = event_filter(store, actor=actor, with_actor=with_, types=type, status=status, since=since, until=until,
                       members=members)
    try:
        page = store.events(flt, limit=limit, cursor=cursor)
    except ValueError as exc:
        raise ApiError(422, f"cursor: {exc}") from None
    return EventList(items=event_out(store, page.items), next_cursor=page.next_cursor)


@router.get("/{event_id}", response_model=EventOut)
def get_event(event_id: str, store: GraphStore = Depends(get_store)) -> EventOut:
    """One event with all its reports."""
    record = store.get_event(event_id)
    if record is None:
        raise ApiError(404, f"unknown event {event_id!r}")
    return event_out(store, [record])[0]


@router.post("", dependencies=[Depends(require_api_key)])
def post_events(body: list[dict[str, Any]] = Body(..., description="canonical events, as GET /events returns"),
                store: GraphStore = Depends(get_store)) -> dict[str, Any]:
    """Ingest events; each invalid one is reported by index and skipped, the valid ones are loaded."""
    if len(body) > MAX_POST:
        raise ApiError(413, f"at most {MAX_POST} events per request; got {len(body)}")
    report = LoadReport()
    valid: list[Event] = []
    for index, item in enumerate(body):
        try:
            valid.append(Event.model_validate(item))
        except ValidationError as exc:
            report.read += 1
            report.error("body", index, validation_reason(exc))
    load_events(store, valid, report)
    if not valid and report.errors:
        raise ApiError(422, "no valid event in the request", errors=report.as_dict()["errors"])
    return report.as_dict()
