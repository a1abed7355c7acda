"""News text in, coded events out and loaded."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from api.deps import get_store, require_api_key
from api.params import date_bound
from graph.store import GraphStore
from loaders.load import load_events
from loaders.report import LoadReport

router = APIRouter(prefix="/ingest", tags=["ingest"])
MAX_TEXT = 200_000


class TextIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    url: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD; resolves 'on Wednesday', 'last week'")
    title: str | None = None


@router.post("/text", dependencies=[Depends(require_api_key)])
def ingest_text(doc: TextIn, store: GraphStore = Depends(get_store)) -> dict[str, Any]:
    """Extract diplomatic events from an article and load them; returns the events and the load summary."""
    date_bound(doc.published, "published", end=False)
    from loaders.text import extract_text  # spaCy loads on first use

    events = extract_text(doc.text, url=doc.url, published=doc.published, title=doc.title)
    report = LoadReport()
    load_events(store, events, report)
    return {"events": [e.model_dump(exclude_none=True, mode="json") for e in events], "summary": report.as_dict()}
