"""The embedded store: the graph in memory on networkx, persisted durably to a local folder.

Actors are nodes of a networkx `Graph`; an edge joins two actors that share an event and carries the
ids of those events, which is all path-finding needs. Event and actor records live in dicts beside it.
Every upsert is one durable journal batch (see `graph.journal`).
"""

from __future__ import annotations

import functools
import gc
import heapq
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path as FsPath
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from graph import paths as pathfinding
from graph.journal import Journal
from graph.model import ActorRecord, EventRecord, normalize_name, source_key
from graph.store import (
    EVIDENCE_PER_HOP, ActorOut, Counterpart, EventBrief, EventFilter, EventPage, GraphStore, Path, Stats,
    UpsertResult, after_cursor, decode_cursor, encode_cursor, sort_key,
)

COMPACT_AFTER_BYTES = 64 * 1024 * 1024
OCCURRED = "occurred"


def _newest_first(records: Iterable[EventRecord], limit: int) -> list[EventRecord]:
    """The `limit` first records in API order: date descending, then id ascending."""
    return heapq.nsmallest(limit, records, key=lambda r: (_Desc(r["date_start"] or ""), r["id"]))


def _locked(method):  # noqa: ANN001, ANN202 - a decorator for the store's public methods
    """Run a store method under the store's lock, so one store can serve many API threads."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class _Desc:
    """Sort key wrapper that reverses string order."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __lt__(self, other: _Desc) -> bool:
        return self.value > other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.value == other.value


class EmbeddedStore(GraphStore):
    """networkx in memory + snapshot/journal on disk. Open one writer per folder."""

    def __init__(self, folder: str | FsPath, read_only: bool = False) -> None:
        self.folder = FsPath(folder)
        self._lock = threading.RLock()
        self._actors: dict[str, ActorRecord] = {}
        self._events: dict[str, EventRecord] = {}
        self.graph = nx.Graph()
        self._aliases: dict[str, str] = {}
        self._citizens: dict[str, set[str]] = defaultdict(set)  # ISO3 → actors of that country
        self._actor_events: dict[str, list[str]] = defaultdict(list)
        self._edges: dict[tuple[str, str], list[str]] = {}  # event ids per sorted actor pair (= edge "events")
        self._occurred: dict[tuple[str, str], int] = {}  # how many of them occurred
        self._actor_inputs: dict[str, tuple] = {}  # last actor record seen per id, to skip unchanged ones
        self._by_type: dict[str, int] = {}
        self._by_dataset: dict[str, int] = {}
        self._search_choices: list[str] | None = None
        self._search_ids: list[str] = []
        self._journal = Journal(self.folder, read_only=read_only)
        self._journal.replay(self._apply)
        gc.freeze()  # the records just read live as long as the store: keep the cycle collector off them

    # ------------------------------------------------------------ writing

    def _apply(self, batch: list[tuple[str, Any]]) -> None:
        """Apply one committed batch of ("a", actor) / ("e", event) puts to memory."""
        for kind, record in batch:
            if kind == "a":
                self._put_actor(record)
        self._put_events([record for kind, record in batch if kind == "e"])

    def _put_actor(self, record: ActorRecord) -> None:
        self._actors[record["id"]] = record
        self.graph.add_node(record["id"])
        if record.get("country"):
            self._citizens[record["country"]].add(record["id"])
        for alias in (record["name"], *record["aliases"]):
            self._aliases.setdefault(normalize_name(alias), record["id"])
        self._search_choices = None

    def _put_events(self, records: list[EventRecord]) -> None:
        """Store events, indexing new ones: actor → events, and actor–actor edges (added in bulk)."""
        new_edges: dict[tuple[str, str], list[str]] = {}
        events_by_id, actor_events, edges, occurred_count = self._events, self._actor_events, self._edges, self._occurred
        by_type, by_dataset = self._by_type, self._by_dataset
        for record in records:
            event = record["id"]
            known = event in events_by_id
            events_by_id[event] = record
            if known:
                continue
            parts = record["actors"]
            ids = [parts[0]["id"]] if len(parts) == 1 else list(dict.fromkeys([a["id"] for a in parts]))
            for actor in ids:
                actor_events[actor].append(event)
            occurred = record["status"] == OCCURRED
            for u, v in combinations(ids, 2):
                key = (u, v) if u < v else (v, u)
                linked = edges.get(key)
                if linked is None:
                    linked = edges[key] = new_edges[key] = []
                    occurred_count[key] = 0
                linked.append(event)
                if occurred:
                    occurred_count[key] += 1
            kind = record["type"]
            by_type[kind] = by_type.get(kind, 0) + 1
            dataset = record["source"].get("dataset", "unknown")
            by_dataset[dataset] = by_dataset.get(dataset, 0) + 1
        self.graph.add_edges_from((u, v, {"events": linked}) for (u, v), linked in new_edges.items())

    @staticmethod
    def _merge_actor(current: ActorRecord, record: ActorRecord) -> ActorRecord:
        aliases = set(current["aliases"]) | set(record["aliases"]) | {record["name"]}
        aliases.discard(current["name"])
        return {**current, "aliases": sorted(aliases), "country": current.get("country") or record.get("country"),
                "title": current.get("title") or record.get("title")}

    @staticmethod
    def _merge_reports(old: EventRecord, new: EventRecord) -> EventRecord | None:
        seen = {source_key(s) for s in (old["source"], *old["also_reported"])}
        extra = [s for s in (new["source"], *new["also_reported"]) if source_key(s) not in seen]
        if not extra:
            return None
        return {**old, "also_reported": [*old["also_reported"], *extra],
                "confidence": max(old["confidence"], new["confidence"])}

    @_locked
    def upsert(self, actors: Iterable[ActorRecord], events: Sequence[EventRecord]) -> UpsertResult:
        """Insert or merge a batch durably; see `GraphStore.upsert`."""
        result = UpsertResult()
        changed_actors: dict[str, ActorRecord] = {}
        inputs: dict[str, tuple] = {}
        for record in actors:
            signature = (record["name"], tuple(record["aliases"]), record.get("country"), record.get("title"))
            if self._actor_inputs.get(record["id"]) == signature or inputs.get(record["id"]) == signature:
                continue
            inputs[record["id"]] = signature
            current = changed_actors.get(record["id"]) or self._actors.get(record["id"])
            if current is None:
                changed_actors[record["id"]] = {**record, "aliases": sorted(set(record["aliases"]) - {record["name"]})}
                result.new_actors += 1
            else:
                merged = self._merge_actor(current, record)
                if merged != current:
                    changed_actors[record["id"]] = merged
        changed_events: dict[str, EventRecord] = {}
        for record in events:
            for part in record["actors"]:
                if part["id"] not in self._actors and part["id"] not in changed_actors:
                    raise ValueError(f"event {record['id']} names actor {part['id']!r}, which is neither "
                                     "stored nor in this batch")
            old = changed_events.get(record["id"]) or self._events.get(record["id"])
            if old is None:
                changed_events[record["id"]] = record
                result.new_events += 1
                continue
            result.merged_events += 1
            merged_event = self._merge_reports(old, record)
            if merged_event is not None:
                changed_events[record["id"]] = merged_event
        if changed_actors or changed_events:
            self._journal.append(changed_actors.values(), changed_events.values())
        self._actor_inputs.update(inputs)
        for actor in changed_actors.values():
            self._put_actor(actor)
        self._put_events(list(changed_events.values()))
        return result

    @_locked
    def compact(self) -> None:
        """Rewrite the snapshot from memory and empty the journal."""
        self._journal.compact(self._actors.values(), self._events.values())

    @_locked
    def close(self) -> None:
        """Compact a large journal, then release the folder."""
        if not self._journal.read_only:
            journal = self.folder / "journal.jsonl"
            if journal.exists() and journal.stat().st_size > COMPACT_AFTER_BYTES:
                self.compact()
        self._journal.close()

    # ------------------------------------------------------------ reading

    @_locked
    def actors_by_alias(self, normalized: Iterable[str]) -> dict[str, str]:
        """See `GraphStore.actors_by_alias`."""
        return {n: self._aliases[n] for n in normalized if n in self._aliases}

    @_locked
    def get_actor(self, actor_id: str) -> ActorRecord | None:
        """See `GraphStore.get_actor`."""
        return self._actors.get(actor_id)

    @_locked
    def get_actors(self, actor_ids: Iterable[str]) -> dict[str, ActorRecord]:
        """See `GraphStore.get_actors`."""
        return {i: self._actors[i] for i in actor_ids if i in self._actors}

    @_locked
    def get_event(self, event_id: str) -> EventRecord | None:
        """See `GraphStore.get_event`."""
        return self._events.get(event_id)

    @_locked
    def search_actors(self, query: str, limit: int = 10) -> list[ActorRecord]:
        """Fuzzy match on names and aliases (rapidfuzz WRatio), exact and prefix matches first."""
        if self._search_choices is None:
            self._search_ids = []
            self._search_choices = []
            for alias, ident in self._aliases.items():
                self._search_choices.append(alias)
                self._search_ids.append(ident)
        key = normalize_name(query)
        if not key:
            return []
        hits = process.extract(key, self._search_choices, scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=60)
        ranked: dict[str, float] = {}
        for alias, score, index in hits:
            bonus = 100 if alias == key else 50 if alias.startswith(key) or key in alias.split() else 0
            ident = self._search_ids[index]
            ranked[ident] = max(ranked.get(ident, 0), score + bonus)
        best = sorted(ranked.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self._actors[i] for i, _ in best]

    def _group(self, actor_id: str, members: bool) -> set[str]:
        """The actor, and with `members` for a state, every actor of its country."""
        actor = self._actors.get(actor_id)
        if members and actor is not None and actor["kind"] == "state" and actor.get("country"):
            return {actor_id, *self._citizens.get(actor["country"], ())}
        return {actor_id}

    def _candidates(self, flt: EventFilter) -> Iterable[EventRecord]:
        if flt.actor is None and flt.with_actor is None:
            return (r for r in self._events.values() if flt.matches(r))
        sides = [self._group(a, flt.members) for a in dict.fromkeys(x for x in (flt.actor, flt.with_actor) if x)]
        lists = [list(dict.fromkeys(e for a in side for e in self._actor_events.get(a, ()))) for side in sides]
        lists.sort(key=len)
        others = [set(other) for other in lists[1:]]
        return (self._events[e] for e in lists[0] if all(e in o for o in others) and flt.matches(self._events[e]))

    @_locked
    def counterparts(self, actor_id: str, flt: EventFilter) -> list[Counterpart]:
        """See `GraphStore.counterparts`."""
        agg: dict[str, dict[str, Any]] = {}
        for record in self._candidates(EventFilter(actor=actor_id, with_actor=flt.with_actor, types=flt.types,
                                                   statuses=flt.statuses, since=flt.since, until=flt.until)):
            for other in {a["id"] for a in record["actors"]} - {actor_id}:
                entry = agg.setdefault(other, {"events": 0, "first": None, "last": None, "types": set()})
                entry["events"] += 1
                entry["types"].add(record["type"])
                if record["date_start"]:
                    if entry["first"] is None or record["date_start"] < entry["first"][0]:
                        entry["first"] = (record["date_start"], record["date"])
                    if entry["last"] is None or record["date_end"] > entry["last"][0]:
                        entry["last"] = (record["date_end"], record["date"])
        out = [Counterpart(actor=ActorOut.of(self._actors[i]), events=e["events"],
                           first=e["first"][1] if e["first"] else None, last=e["last"][1] if e["last"] else None,
                           types=sorted(e["types"]))
               for i, e in agg.items()]
        out.sort(key=lambda c: (-c.events, c.actor.name, c.actor.id))
        return out

    @_locked
    def events(self, flt: EventFilter, limit: int = 100, cursor: str | None = None) -> EventPage:
        """See `GraphStore.events`."""
        records = self._candidates(flt)
        if cursor is not None:
            position = decode_cursor(cursor)
            records = (r for r in records if after_cursor(r, position))
        page = _newest_first(records, limit + 1)
        more = len(page) > limit
        page = page[:limit]
        return EventPage(items=page, next_cursor=encode_cursor(page[-1]) if more and page else None)

    def _edge_filter(self, flt: EventFilter):  # noqa: ANN202 - returns a networkx edge predicate
        occurred_only = EventFilter(types=flt.types, statuses=(OCCURRED,), since=flt.since, until=flt.until)
        if not (flt.types or flt.since or flt.until):
            return lambda u, v: self._occurred[(u, v) if u < v else (v, u)] > 0
        cache: dict[tuple[str, str], bool] = {}

        def edge_ok(u: str, v: str) -> bool:
            key = (u, v) if u < v else (v, u)
            if key not in cache:
                cache[key] = any(occurred_only.matches(self._events[e]) for e in self.graph[u][v]["events"])
            return cache[key]

        return edge_ok

    def _evidence(self, u: str, v: str, flt: EventFilter) -> list[EventBrief]:
        occurred_only = EventFilter(types=flt.types, statuses=(OCCURRED,), since=flt.since, until=flt.until)
        records = (self._events[e] for e in self.graph[u][v]["events"])
        return [EventBrief.of(r) for r in _newest_first((r for r in records if occurred_only.matches(r)),
                                                        EVIDENCE_PER_HOP)]

    @_locked
    def paths(self, source: str, target: str, flt: EventFilter, max_hops: int = 4, k: int = 1,
              all_shortest: bool = False) -> list[Path]:
        """See `GraphStore.paths`."""
        edge_ok = self._edge_filter(flt)
        if k > 1:
            found = pathfinding.k_shortest_paths(self.graph, source, target, max_hops, k, edge_ok)
        else:
            found = pathfinding.shortest_paths(self.graph, source, target, max_hops, edge_ok, all_shortest)
        return [Path(hops=len(p) - 1, actors=[ActorOut.of(self._actors[a]) for a in p],
                     events=[self._evidence(u, v, flt) for u, v in zip(p, p[1:])]) for p in found]

    @_locked
    def stats(self) -> Stats:
        """See `GraphStore.stats`."""
        return Stats(actors=len(self._actors), events=len(self._events), by_type=dict(self._by_type),
                     by_dataset=dict(self._by_dataset))
