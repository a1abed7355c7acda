"""Resolve actors given by name to actor records with stable ids, against what a store already holds.

People are matched across documents and sources: by normalized name or alias; by a short form that
only one known person's name contains ("Putin" → "Vladimir Putin"); by the same name in another order
or with an initial ("S. Jaishankar"); and by near spellings ("Victor Khrenin", "Sergei Lavrov"), token
by token. Guards: countries must agree when both are known, an ambiguous short form ("Li" when "Li
Qiang" and "Li Shangfu" are known) merges with nobody, and different given names never merge ("Li
Qiang" is not "Li Shangfu", "Li Keqiang" is not "Li Qiang").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from graph.countries import country_name, iso3_for_name
from graph.model import ActorRecord, ActorRef, Event, EventRecord, Kind, actor_id, normalize_name
from graph.store import GraphStore

_ORG_WORDS = re.compile(
    r"\b(ministry|organi[sz]ation|union|council|party|bank|agency|government|army|forces|committee|nations|"
    r"association|company|corporation|university|office|department|alliance|group|fund|court|parliament|"
    r"assembly|commission|navy|police|institute|front|movement|federation|league|cabinet|senate|congress)\b",
    re.IGNORECASE)
#: name particles that never identify a person on their own
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "da", "de", "del", "della", "di", "do", "dos", "du",
                        "van", "von", "der", "den", "la", "le", "abu", "ben", "mc", "y", "e", "jr", "sr"})
_STORE_CANDIDATES = 8


def guess_kind(name: str) -> tuple[Kind, str | None]:
    """Kind (and ISO3 country for states) of an actor known only by name."""
    iso3 = iso3_for_name(name)
    if iso3:
        return Kind.state, iso3
    if _ORG_WORDS.search(name) or (name.isupper() and len(name) <= 8):
        return Kind.organisation, None
    return Kind.person, None


def name_tokens(name: str) -> tuple[str, ...]:
    """Normalized tokens of a person's name that identify them (particles and dots left out)."""
    return tuple(t for t in normalize_name(name).split() if t not in _PARTICLES)


@dataclass(frozen=True)
class _Person:
    """A person the resolver knows: id, the token sets of their names, country."""

    id: str
    names: tuple[tuple[str, ...], ...]
    country: str | None


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two multi-token names are the same person's: same tokens in any order, one initial for a
    given name, or every token within one edit (tokens under four letters must be equal)."""
    if len(a) < 2 or len(b) < 2:
        return False
    if set(a) == set(b):
        return True
    if len(a) != len(b):
        return set(a) < set(b) or set(b) < set(a)  # "Mohammed bin Salman" / "Mohammed bin Salman Al Saud"
    if _initials_fit(a, b) or _initials_fit(b, a):
        return True
    total = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < 4:
            return False
        d = Levenshtein.distance(x, y)
        if d > 1:
            return False
        total += d
    return total <= 2


def _initials_fit(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """'s jaishankar' fits 'subrahmanyam jaishankar'."""
    return all(x == y or (len(x) == 1 and y.startswith(x)) for x, y in zip(short, full, strict=True)) and any(
        len(x) == 1 for x in short)


class ActorResolver:
    """Turns `Event` models with actors by name into records with deterministic actor ids.

    A name already known to the store (as a name or alias, compared normalized) resolves to that
    actor; a person's name that matches exactly one known person (see the module docstring) resolves
    to them; any other new name gets `actor_id(name, kind, country)`, so resolving again yields the
    same ids. With `fuzzy_store`, people from text sources are also looked up with the store's fuzzy
    search (once per distinct name).
    """

    def __init__(self, store: GraphStore, fuzzy_store: bool = True) -> None:
        self.store = store
        self.fuzzy_store = fuzzy_store
        self._ids: dict[str, str] = {}
        self._people: dict[str, _Person] = {}
        self._by_token: dict[str, set[str]] = {}
        self._searched: set[str] = set()

    def resolve(self, events: Sequence[Event]) -> tuple[list[ActorRecord], list[EventRecord]]:
        """Actor records to upsert and event records, for a batch of events."""
        wanted = {normalize_name(r.name) for e in events for r in e.actors if r.name and not r.id}
        unknown = [n for n in wanted if n not in self._ids]
        if unknown:
            self._ids.update(self.store.actors_by_alias(unknown))
        actors: dict[str, ActorRecord] = {}
        records = []
        for event in events:
            search = self.fuzzy_store and event.source.dataset == "text"
            ids = [self._resolve_ref(ref, actors, search) for ref in event.actors]
            records.append(event.to_record(ids))
        return list(actors.values()), records

    def _resolve_ref(self, ref: ActorRef, actors: dict[str, ActorRecord], search: bool) -> str:
        kind, iso3 = (ref.kind, ref.country) if ref.kind else guess_kind(ref.name or ref.id or "")
        country = ref.country or iso3
        name = ref.name or (country_name(ref.id) if kind == Kind.state and ref.id else None) or ref.id or ""
        if ref.id:
            ident = ref.id
        else:
            key = normalize_name(name)
            ident = self._ids.get(key)
            if ident is None:
                matched = self._match_person(name, country, ref.aliases, search) if kind == Kind.person else None
                ident = matched or actor_id(name, kind, country)
                if matched is None or len(name_tokens(name)) > 1:  # a lone surname is re-judged as people become known
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
        if kind == Kind.person:
            self._remember(ident, [name, *ref.aliases], country)
        return ident

    # ------------------------------------------------------------ people

    def _remember(self, ident: str, names: list[str], country: str | None) -> None:
        known = self._people.get(ident)
        tokens = {name_tokens(n) for n in names if name_tokens(n)}
        if known is not None:
            tokens |= set(known.names)
            country = known.country or country
        self._people[ident] = _Person(ident, tuple(sorted(tokens)), country)
        for toks in tokens:
            for t in toks:
                self._by_token.setdefault(t, set()).add(ident)

    def _match_person(self, name: str, country: str | None, aliases: list[str], search: bool) -> str | None:
        """Id of the one known person this name refers to, or None."""
        tokens = name_tokens(name)
        if not tokens:
            return None
        if search:
            self._load_from_store(name)
        candidates = set()
        for t in tokens:
            candidates |= self._by_token.get(t, set())
        if len(tokens) >= 2:  # near spellings share no exact token ("Victor Khrenin"): look by last token's neighbours
            last = tokens[-1]
            candidates |= {i for t, ids in self._by_token.items() if len(t) >= 4 and t[0] == last[0]
                           and abs(len(t) - len(last)) <= 1 and Levenshtein.distance(t, last) <= 1 for i in ids}
        fits = []
        for ident in sorted(candidates):
            person = self._people[ident]
            if country and person.country and country != person.country:
                continue
            variants = (tokens, *(name_tokens(a) for a in aliases))
            if any(same_person(v, known) for v in variants for known in person.names):
                fits.append(ident)
            elif len(tokens) == 1 and any(tokens[0] in known for known in person.names if len(known) >= 2):
                fits.append(ident)  # a surname or given name alone
        return fits[0] if len(fits) == 1 else None

    def _load_from_store(self, name: str) -> None:
        key = normalize_name(name)
        if key in self._searched:
            return
        self._searched.add(key)
        for record in self.store.search_actors(name, limit=_STORE_CANDIDATES):
            if record["kind"] == Kind.person.value:
                self._remember(record["id"], [record["name"], *record["aliases"]], record.get("country"))
