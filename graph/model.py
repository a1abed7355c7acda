"""The event model: actors, places, sources and reified events.

Two representations of the same thing:
- pydantic models (`Actor`, `Event`, …) at the edges: the API, the canonical JSON Lines format;
- plain dicts (`ActorRecord`, `EventRecord`, …) inside: what loaders produce in bulk and stores keep,
  because per-row pydantic validation is too slow for million-row loads.
`Event.to_record()` / `Event.from_record()` convert between them. Ids are deterministic, so loading
the same thing twice changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from enum import StrEnum
from typing import Any, NotRequired, TypedDict

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph import codes


class Kind(StrEnum):
    """What an actor is."""

    person = "person"
    organisation = "organisation"
    state = "state"


class Role(StrEnum):
    """An actor's part in an event: directed (source → target) or undirected (participant)."""

    source = "source"
    target = "target"
    participant = "participant"


class Status(StrEnum):
    """Whether the event happened. Only `occurred` events link actors in path queries."""

    occurred = "occurred"
    planned = "planned"
    denied = "denied"
    cancelled = "cancelled"
    hypothetical = "hypothetical"


class Precision(StrEnum):
    """How much of a date is known."""

    year = "YYYY"
    month = "YYYY-MM"
    day = "YYYY-MM-DD"


# ---------------------------------------------------------------- plain records (hot path)


class ActorRecord(TypedDict):
    id: str
    name: str
    kind: str
    aliases: list[str]
    country: str | None
    title: NotRequired[str | None]


class PlaceRecord(TypedDict):
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class SourceRecord(TypedDict, total=False):
    dataset: str
    id: str | None
    url: str | None
    title: str | None
    published: str | None
    sentence: str | None
    sentence_id: int | None
    start: int | None
    end: int | None
    extractor: str | None


class ParticipationRecord(TypedDict):
    id: str
    role: str


class EventRecord(TypedDict):
    id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    precision: str | None
    date_start: str | None
    date_end: str | None
    status: str
    confidence: float
    location: PlaceRecord | None
    actors: list[ParticipationRecord]
    source: SourceRecord
    also_reported: list[SourceRecord]
    attrs: dict[str, Any]


# ---------------------------------------------------------------- names, ids and dates

_PUNCT = re.compile(r"[^\w\s-]+")
_SPACE = re.compile(r"[\s_-]+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTH_END = {"01": 31, "02": 29, "03": 31, "04": 30, "05": 31, "06": 30,
              "07": 31, "08": 31, "09": 30, "10": 31, "11": 30, "12": 31}


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for matching aliases."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.casefold().replace("'", "").replace("’", ""))
    return _SPACE.sub(" ", text).strip()


def slug(name: str) -> str:
    """URL-safe id fragment of a name: 'Li Shangfu' → 'li-shangfu'."""
    return normalize_name(name).replace(" ", "-") or "unnamed"


def actor_id(name: str, kind: str | Kind, country: str | None = None) -> str:
    """Deterministic actor id: a state's ISO 3166 alpha-3 code, else the slug of its name."""
    if kind == Kind.state and country:
        return country.upper()
    return slug(name)


def place_id(name: str, country: str | None = None) -> str:
    """Deterministic place id from its name and country."""
    return f"{slug(name)}.{country.lower()}" if country else slug(name)


def content_hash(*parts: object, size: int = 16) -> str:
    """Short stable hash of the given parts (used for ids of events without a native id)."""
    digest = hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=size // 2)
    return digest.hexdigest()


def parse_date(value: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Validate a YYYY / YYYY-MM / YYYY-MM-DD date; return (date, precision, first day, last day)."""
    if value is None or value == "":
        return None, None, None, None
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if month and not "01" <= month <= "12":
        raise ValueError(f"date {value!r} has month {month}")
    if day:
        import datetime as _dt

        _dt.date(int(year), int(month), int(day))  # raises ValueError on 2023-02-30
        return value, Precision.day.value, value, value
    if month:
        last = _MONTH_END[month]
        if month == "02" and not (int(year) % 4 == 0 and (int(year) % 100 != 0 or int(year) % 400 == 0)):
            last = 28
        return value, Precision.month.value, f"{value}-01", f"{value}-{last:02d}"
    return value, Precision.year.value, f"{year}-01-01", f"{year}-12-31"


def source_key(source: SourceRecord) -> str:
    """Identity of the document or dataset record that reports an event."""
    if source.get("url"):
        return str(source["url"])
    if source.get("id"):
        return f"{source.get('dataset', 'unknown')}:{source['id']}"
    return f"{source.get('dataset', 'unknown')}:{content_hash(source.get('title'), source.get('sentence'))}"


def event_id(record: EventRecord) -> str:
    """Deterministic id of an event without a native id.

    The same type, actors-in-roles, status and day is the same event whoever reports it; with a
    coarser or missing date, events are only merged within one document and at the same place.
    """
    actors = sorted((a["id"], a["role"]) for a in record["actors"])
    scope: tuple[str, ...] = ()
    if record["precision"] != Precision.day.value:
        place = record["location"]["id"] if record["location"] else ""
        scope = (source_key(record["source"]), place)
    return "ev-" + content_hash(record["type"], record["mode"], actors, record["status"], record["date"], *scope)


# ---------------------------------------------------------------- pydantic models (edges)


class Actor(BaseModel):
    """A person, organisation or state."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str = Field(min_length=1)
    kind: Kind
    aliases: list[str] = []
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 code")
    title: str | None = None


class Place(BaseModel):
    """Where an event happened."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    name: str = Field(min_length=1)
    country: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    def to_record(self) -> PlaceRecord:
        """The place as a plain record, with its deterministic id."""
        return {"id": self.id or place_id(self.name, self.country), "name": self.name,
                "country": self.country, "lat": self.lat, "lon": self.lon}


class Source(BaseModel):
    """Provenance: the dataset record or document (and sentence span) an event comes from."""

    model_config = ConfigDict(extra="forbid")

    dataset: str = "text"
    id: str | None = Field(default=None, description="dataset's native id or document id")
    url: str | None = None
    title: str | None = None
    published: str | None = None
    sentence: str | None = None
    sentence_id: int | None = Field(default=None, ge=0, description="the sentence's number in the document")
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    extractor: str | None = None

    def to_record(self) -> SourceRecord:
        """The source as a plain record (None fields dropped)."""
        return self.model_dump(exclude_none=True)  # type: ignore[return-value]


class ActorRef(BaseModel):
    """An actor in an event: by id, or by name to be resolved to an actor."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    id: str | None = None
    role: Role = Role.participant
    kind: Kind | None = None
    country: str | None = None
    title: str | None = None
    aliases: list[str] = []

    @model_validator(mode="after")
    def _named(self) -> ActorRef:
        if not (self.name or self.id):
            raise ValueError("an actor needs a name or an id")
        return self


class Event(BaseModel):
    """A reified event: who did what to or with whom, when, where, and who says so."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    type: str = Field(description="PLOVER event type, e.g. CONSULT")
    mode: str | None = Field(default=None, description="PLOVER mode, e.g. visit")
    cameo: str | None = Field(default=None, description="CAMEO code as a string, e.g. 042")
    date: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    precision: Precision | None = None
    status: Status = Status.occurred
    confidence: float = Field(default=1.0, ge=0, le=1)
    location: Place | None = None
    actors: list[ActorRef] = Field(default=[], description="empty when the source names no identifiable actor")
    source: Source
    also_reported: list[Source] = []
    attrs: dict[str, Any] = {}

    @field_validator("cameo")
    @classmethod
    def _cameo(cls, value: str | None) -> str | None:
        if value is not None and not codes.is_valid_cameo(value):
            raise ValueError(f"invalid CAMEO code {value!r}")
        return value

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return parse_date(value)[0]

    @model_validator(mode="after")
    def _fill(self) -> Event:
        self.type = self.type.upper()
        if self.cameo and self.type != codes.plover_for_cameo(self.cameo)[0]:
            raise ValueError(f"type {self.type} does not match CAMEO {self.cameo} "
                             f"({codes.plover_for_cameo(self.cameo)[0]})")
        if self.type not in codes.PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {self.type!r}")
        if self.cameo is None:
            self.cameo = codes.cameo_for_plover(self.type, self.mode)
        if self.mode is None and self.cameo:
            self.mode = codes.plover_for_cameo(self.cameo)[1]
        self.precision = Precision(parse_date(self.date)[1]) if self.date else None
        return self

    def to_record(self, actor_ids: list[str]) -> EventRecord:
        """The event as a plain record; `actor_ids` are the resolved ids of `actors`, in order."""
        date, precision, start, end = parse_date(self.date)
        record: EventRecord = {
            "id": self.id or "",
            "type": self.type, "mode": self.mode, "cameo": self.cameo,
            "date": date, "precision": precision, "date_start": start, "date_end": end,
            "status": self.status.value, "confidence": self.confidence,
            "location": self.location.to_record() if self.location else None,
            "actors": [{"id": i, "role": a.role.value} for i, a in zip(actor_ids, self.actors, strict=True)],
            "source": self.source.to_record(),
            "also_reported": [s.to_record() for s in self.also_reported],
            "attrs": self.attrs,
        }
        if not record["id"]:
            record["id"] = event_id(record)
        return record


class EventOut(BaseModel):
    """An event as the API returns it: actors expanded to id, name, kind and role."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    precision: str | None
    status: str
    confidence: float
    location: Place | None
    actors: list[ActorRef]
    source: Source
    also_reported: list[Source] = []
    attrs: dict[str, Any] = {}

    @classmethod
    def from_record(cls, record: EventRecord, actors: dict[str, ActorRecord]) -> EventOut:
        """Build from a stored record and the records of its actors."""
        refs = []
        for part in record["actors"]:
            a = actors.get(part["id"])
            refs.append(ActorRef(id=part["id"], role=Role(part["role"]), name=a["name"] if a else part["id"],
                                 kind=Kind(a["kind"]) if a else None, country=a.get("country") if a else None,
                                 title=a.get("title") if a else None))
        return cls(id=record["id"], type=record["type"], mode=record["mode"], cameo=record["cameo"],
                   date=record["date"], precision=record["precision"], status=record["status"],
                   confidence=record["confidence"],
                   location=Place(**record["location"]) if record["location"] else None,
                   actors=refs, source=Source(**record["source"]),
                   also_reported=[Source(**s) for s in record["also_reported"]], attrs=record["attrs"])


def actor_record(actor: Actor) -> ActorRecord:
    """An Actor model as a plain record."""
    return {"id": actor.id, "name": actor.name, "kind": actor.kind.value, "aliases": list(actor.aliases),
            "country": actor.country, "title": actor.title}
