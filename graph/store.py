"""The store interface every graph backend implements, and the shapes its queries return.

Semantics shared by all stores (the contract tests in `tests/contract/` hold them to it):
- `upsert` is idempotent: an event id seen before gains the new reports, nothing else changes;
- date filters keep an event when its date interval (a year, a month or a day) overlaps [since, until];
  events without a date are dropped by any date filter;
- type filters take PLOVER types ("CONSULT"), modes ("visit") or CAMEO prefixes ("04", "042");
- with `members`, an actor or second actor that is a state also matches the actors whose country it is,
  so "events between China and Belarus" includes the Chinese and Belarusian ministers' meetings;
- actors are linked for path-finding only by events that `occurred`;
- ties are broken by actor ids so both stores give the same answer.
"""

from __future__ import annotations

import base64
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import orjson
from pydantic import BaseModel

from graph.model import ActorRecord, EventRecord

MAX_HOPS = 6
MAX_K = 20
MAX_PAGE = 1000
EVIDENCE_PER_HOP = 5


@dataclass(frozen=True)
class EventFilter:
    """Which events a query considers."""

    actor: str | None = None
    with_actor: str | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    members: bool = False  # in `events`: a state also stands for the actors of its country (its officials…)

    def matches(self, record: EventRecord) -> bool:
        """True when an event record passes the type, status and date parts of this filter."""
        if self.statuses and record["status"] not in self.statuses:
            return False
        if self.types and not type_matches(self.types, record):
            return False
        if self.since or self.until:
            if record["date_start"] is None:
                return False
            if self.since and record["date_end"] < self.since:  # type: ignore[operator]
                return False
            if self.until and record["date_start"] > self.until:
                return False
        return True


def type_matches(tokens: Sequence[str], record: EventRecord) -> bool:
    """True when any token names the event's PLOVER type or mode, or prefixes its CAMEO code."""
    for token in tokens:
        if token.isdigit():
            if record["cameo"] and record["cameo"].startswith(token):
                return True
        elif token.upper() == record["type"] or (record["mode"] and token.lower() == record["mode"]):
            return True
    return False


@dataclass
class UpsertResult:
    """What an upsert changed."""

    new_events: int = 0
    merged_events: int = 0
    new_actors: int = 0


class ActorOut(BaseModel):
    """An actor as queries return it."""

    id: str
    name: str
    kind: str
    aliases: list[str] = []
    country: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, record: ActorRecord) -> ActorOut:
        """From a stored actor record."""
        return cls(id=record["id"], name=record["name"], kind=record["kind"], aliases=sorted(record["aliases"]),
                   country=record.get("country"), title=record.get("title"))


class Counterpart(BaseModel):
    """Someone an actor dealt with: how often, first and last date, and in which event types."""

    actor: ActorOut
    events: int
    first: str | None
    last: str | None
    types: list[str]


class EventBrief(BaseModel):
    """Enough of an event to prove a link: what, when, where, who, and the evidence."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    status: str
    location: str | None
    actors: list[str]
    url: str | None
    sentence: str | None

    @classmethod
    def of(cls, record: EventRecord) -> EventBrief:
        """From a stored event record."""
        src = record["source"]
        loc = record["location"]
        return cls(id=record["id"], type=record["type"], mode=record["mode"], cameo=record["cameo"],
                   date=record["date"], status=record["status"], location=loc["name"] if loc else None,
                   actors=[a["id"] for a in record["actors"]], url=src.get("url"), sentence=src.get("sentence"))


class Path(BaseModel):
    """A chain of actors; `events[i]` are events linking `actors[i]` and `actors[i+1]` (most recent first)."""

    hops: int
    actors: list[ActorOut]
    events: list[list[EventBrief]]


class Stats(BaseModel):
    """Size of the graph."""

    actors: int
    events: int
    by_type: dict[str, int]
    by_dataset: dict[str, int]


@dataclass
class EventPage:
    """One page of events and the cursor of the next page (None on the last)."""

    items: list[EventRecord] = field(default_factory=list)
    next_cursor: str | None = None


def sort_key(record: EventRecord) -> tuple[str, str]:
    """Events are listed newest first, then by id; undated events last."""
    return (record["date_start"] or "", record["id"])


def encode_cursor(record: EventRecord) -> str:
    """Opaque keyset cursor pointing after `record`."""
    return base64.urlsafe_b64encode(orjson.dumps(sort_key(record))).decode()


def decode_cursor(cursor: str) -> tuple[str, str]:
    """Inverse of `encode_cursor`; raises ValueError on anything else."""
    try:
        date, ident = orjson.loads(base64.urlsafe_b64decode(cursor.encode()))
    except Exception as exc:  # noqa: BLE001 - any decoding failure means a bad cursor
        raise ValueError("cursor is not one this API returned") from exc
    if not isinstance(date, str) or not isinstance(ident, str):
        raise ValueError("cursor is not one this API returned")
    return date, ident


def after_cursor(record: EventRecord, cursor: tuple[str, str]) -> bool:
    """True when `record` sorts after the cursor position (date descending, id ascending)."""
    date, ident = sort_key(record)
    return date < cursor[0] or (date == cursor[0] and ident > cursor[1])


class GraphStore(ABC):
    """One interface, two implementations: the embedded networkx store and the Neo4j store."""

    @abstractmethod
    def upsert(self, actors: Iterable[ActorRecord], events: Sequence[EventRecord]) -> UpsertResult:
        """Insert or merge actors (aliases united) and events (reports united) in one durable batch."""

    @abstractmethod
    def actors_by_alias(self, normalized: Iterable[str]) -> dict[str, str]:
        """Map normalized names/aliases to the ids of actors that carry them."""

    @abstractmethod
    def get_actor(self, actor_id: str) -> ActorRecord | None:
        """One actor, or None."""

    @abstractmethod
    def get_actors(self, actor_ids: Iterable[str]) -> dict[str, ActorRecord]:
        """Several actors by id (missing ids are left out)."""

    @abstractmethod
    def get_event(self, event_id: str) -> EventRecord | None:
        """One event, or None."""

    @abstractmethod
    def search_actors(self, query: str, limit: int = 10) -> list[ActorRecord]:
        """Actors whose name or aliases match `query`, best first (fuzzy)."""

    @abstractmethod
    def counterparts(self, actor_id: str, flt: EventFilter) -> list[Counterpart]:
        """Everyone `actor_id` shares a matching event with, most events first."""

    @abstractmethod
    def events(self, flt: EventFilter, limit: int = 100, cursor: str | None = None) -> EventPage:
        """Matching events, newest first, a page at a time."""

    @abstractmethod
    def paths(self, source: str, target: str, flt: EventFilter, max_hops: int = 4, k: int = 1,
              all_shortest: bool = False) -> list[Path]:
        """Shortest (k=1), all shortest, or k shortest simple paths between two actors over occurred events."""

    @abstractmethod
    def stats(self) -> Stats:
        """Counts of actors and events, by type and by dataset."""

    @abstractmethod
    def close(self) -> None:
        """Flush and release the store."""
