"""Resolve actors given by name to actor records with stable ids, against what a store already holds."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.countries import country_name, iso3_for_name
from graph.model import ActorRecord, ActorRef, Event, EventRecord, Kind, actor_id, normalize_name
from graph.store import GraphStore

_ORG_WORDS = re.compile(
    r"\b(ministry|organi[sz]ation|union|council|party|bank|agency|government|army|forces|committee|nations|"
    r"association|company|corporation|university|office|department|alliance|group|fund|court|parliament|"
    r"assembly|commission|navy|police|institute|front|movement|federation|league|cabinet|senate|congress)\b",
    re.IGNORECASE)


def guess_kind(name: str) -> tuple[Kind, str | None]:
    """Kind (and ISO3 country for states) of an actor known only by name."""
    iso3 = iso3_for_name(name)
    if iso3:
        return Kind.state, iso3
    if _ORG_WORDS.search(name) or (name.isupper() and len(name) <= 8):
        return Kind.organisation, None
    return Kind.person, None


class ActorResolver:
    """Turns `Event` models with actors by name into records with deterministic actor ids.

    A name already known to the store (as a name or alias, compared normalized) resolves to that
    actor; a new name gets `actor_id(name, kind, country)`, so resolving again yields the same ids.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._ids: dict[str, str] = {}

    def resolve(self, events: Sequence[Event]) -> tuple[list[ActorRecord], list[EventRecord]]:
        """Actor records to upsert and event records, for a batch of events."""
        wanted = {normalize_name(r.name) for e in events for r in e.actors if r.name and not r.id}
        unknown = [n for n in wanted if n not in self._ids]
        if unknown:
            self._ids.update(self.store.actors_by_alias(unknown))
        actors: dict[str, ActorRecord] = {}
        records = []
        for event in events:
            ids = [self._resolve_ref(ref, actors) for ref in event.actors]
            records.append(event.to_record(ids))
        return list(actors.values()), records

    def _resolve_ref(self, ref: ActorRef, actors: dict[str, ActorRecord]) -> str:
        kind, iso3 = (ref.kind, ref.country) if ref.kind else guess_kind(ref.name or ref.id or "")
        country = ref.country or iso3
        name = ref.name or (country_name(ref.id) if kind == Kind.state and ref.id else None) or ref.id or ""
        if ref.id:
            ident = ref.id
        else:
            key = normalize_name(name)
            ident = self._ids.get(key) or actor_id(name, kind, country)
            self._ids[key] = ident
        aliases = {name, *ref.aliases}
        if kind == Kind.state and country:
            name = country_name(country) or name
            aliases.add(name)
        record = actors.get(ident)
        if record is None:
            actors[ident] = {"id": ident, "name": name, "kind": kind.value, "aliases": sorted(aliases),
                             "country": country, "title": ref.title}
        else:
            record["aliases"] = sorted(set(record["aliases"]) | aliases)
            record["country"] = record["country"] or country
            record["title"] = record.get("title") or ref.title
        return ident
