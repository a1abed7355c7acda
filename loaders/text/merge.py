"""Fragments of one document → events: join what several sentences say about the same event.

Fragments join when they have the same kind (meeting, visit, hosting, call, signing, cooperation),
status and parties, and compatible dates and places ("on Wednesday" + "in Minsk" + a caption). A
fragment that fits several events goes to the nearest one before it. Captions only ever enrich an
event found in the text. A meeting without a place takes the city of a visit in the same document
that brought one party to the other's country.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graph import codes
from graph.model import ActorRef, Event, Kind, Place, Role, Source, Status, normalize_name
from loaders.text.actors import Actor
from loaders.text.dates import vague
from loaders.text.document import Document
from loaders.text.frames import Fragment
from loaders.text.geo import country_of_place, is_city

_GROUP = {"040": "meet", "044": "meet", "046": "meet", "041": "phone", "042": "visit", "043": "host",
          "057": "sign"}


def _group(cameo: str) -> str:
    return _GROUP.get(cameo, "coop" if cameo.startswith("06") else cameo)


@dataclass
class _Cluster:
    group: str
    status: Status
    parties: frozenset[Actor]
    fragments: list[Fragment] = field(default_factory=list)
    date: str | None = None
    place: Place | None = None

    def accepts(self, f: Fragment) -> bool:
        if not _places_fit(self.place, f.place):
            return False
        if self.date and f.date:
            return _dates_fit(self.date, f.date)
        return all(_whens_fit(g.when, f.when) for g in self.fragments)

    def add(self, f: Fragment) -> None:
        self.fragments.append(f)
        if f.date and (not self.date or len(f.date) > len(self.date)):
            self.date = f.date
        if f.place and (not self.place or _place_rank(f.place) > _place_rank(self.place)):
            self.place = f.place


def merge(fragments: list[Fragment], document: Document, extractor: str) -> list[Event]:
    """The events of a document."""
    clusters: list[_Cluster] = []
    for f in sorted((f for f in fragments if not f.caption), key=lambda f: f.pos):
        _place_fragment(f, clusters, create=True)
    for f in (f for f in fragments if f.caption):
        _place_fragment(f, clusters, create=False)
    _borrow_visit_places(clusters)
    events = [_event(c, document, extractor) for c in clusters]
    return [e for e in events if e is not None]


def _place_fragment(f: Fragment, clusters: list[_Cluster], create: bool) -> None:
    group, parties = _group(f.cameo), frozenset(f.actors)
    fits = [c for c in clusters if c.group == group and c.status == f.status and c.parties == parties and c.accepts(f)]
    if fits:
        exact = [c for c in fits if f.date and c.date == f.date]
        before = [c for c in fits if c.fragments[0].pos <= f.pos]
        chosen = (exact or before or fits)[-1]
        chosen.add(f)
    elif create:
        cluster = _Cluster(group, f.status, parties)
        cluster.add(f)
        clusters.append(cluster)


def _whens_fit(a: str | None, b: str | None) -> bool:
    """Unresolved time expressions: the same words, or one spanning a year, may be the same event."""
    return a is None or b is None or a == b or vague(a) or vague(b)


def _dates_fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _places_fit(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if normalize_name(a.name) == normalize_name(b.name):
        return True
    ca, cb = a.country or country_of_place(a.name), b.country or country_of_place(b.name)
    if ca and cb and ca != cb:
        return False
    # a country and a city in it fit; two different cities do not
    return not (is_city(a.name) and is_city(b.name))


def _place_rank(place: Place) -> int:
    return 2 if is_city(place.name) else 1


def _borrow_visit_places(clusters: list[_Cluster]) -> None:
    visits = [c for c in clusters if c.group == "visit" and c.place is not None and c.status == Status.occurred]
    for c in clusters:
        if c.group not in ("meet", "sign") or c.place is not None:
            continue
        for v in visits:
            visitor = {a for f in v.fragments for a, r in f.roles if r == Role.source}
            host = {a.country for f in v.fragments for a, r in f.roles if r == Role.target}
            others = {a.state for a in c.parties - visitor}
            fits = c.status == v.status and _dates_fit(c.date, v.date)
            if visitor & c.parties and others and others <= host and fits:
                c.place = v.place
                break


def _primary(c: _Cluster) -> Fragment:
    """The fragment whose sentence is the best evidence."""
    return max(c.fragments, key=lambda f: (not f.caption, f.date == c.date, f.confidence, f.place is not None, -f.pos))


def _cameo(c: _Cluster, primary: Fragment) -> str:
    if c.group != "meet":
        return primary.cameo
    states = {a.state for a in c.parties}
    abroad = c.place is not None and c.place.country and None not in states and c.place.country not in states
    if any(f.venue for f in c.fragments) or abroad:
        return "044"
    return "046" if any(f.cameo == "046" for f in c.fragments) else "040"


def _event(c: _Cluster, document: Document, extractor: str) -> Event | None:
    primary = _primary(c)
    status = c.status
    if status == Status.occurred and c.date and document.published and _starts_after(c.date, document.published):
        status = Status.planned
    cameo = _cameo(c, primary)
    roles = _roles(c, primary)
    confidence = min(0.95, max(f.confidence for f in c.fragments) + 0.05 * (len(c.fragments) - 1))
    source = Source(dataset="text", id=document.doc_id, url=document.url, title=document.title,
                    published=document.published.isoformat() if document.published else None,
                    sentence=primary.sentence, start=primary.start, end=primary.end, extractor=extractor)
    attrs = {}
    others = sorted({(f.start, f.end, f.sentence) for f in c.fragments if f.start != primary.start})
    if others:
        attrs["evidence"] = [{"sentence": s, "start": a, "end": b} for a, b, s in others]
    return Event(type=codes.plover_for_cameo(cameo)[0], cameo=cameo, date=c.date, status=status,
                 confidence=round(confidence, 2), location=c.place, actors=[_ref(a, r) for a, r in roles],
                 source=source, attrs=attrs)


def _roles(c: _Cluster, primary: Fragment) -> list[tuple[Actor, Role]]:
    """Roles from the primary fragment; a call is directed if any fragment knows who called."""
    if c.group == "phone":
        directed = next((f for f in c.fragments if any(r != Role.participant for _, r in f.roles)), None)
        return (directed or primary).roles
    return primary.roles


def _starts_after(date: str, published: dt.date) -> bool:
    return date > published.isoformat()[: len(date)]


def _ref(actor: Actor, role: Role) -> ActorRef:
    if actor.person is not None:
        person = actor.person
        aliases = sorted(a for a in person.aliases - {person.name} if len(a.split()) > 1)  # short forms are ambiguous
        return ActorRef(name=person.name, role=role, kind=Kind.person, country=person.country, title=person.title,
                        aliases=aliases)
    return ActorRef(name=actor.name, role=role, kind=actor.kind, country=actor.country,
                    aliases=list(actor.aliases))
