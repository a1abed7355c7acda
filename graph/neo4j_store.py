"""The Neo4j store: the same `GraphStore` contract as the embedded store, on a Neo4j 5.26 server.

Graph shape (see docs/neo4j.md):

    (:Actor:Person|Organisation|State {id, name, kind, country, title, aliases})
        -[:PARTICIPATED_IN {role}]->(:Event:Consult|Cooperate|… {id, type, mode, cameo, date, …})
    (:Event)-[:AT]->(:Place {id, name, country, lat, lon})
    (:Event)-[:REPORTED_IN {sentence, start, end, native_id, extractor, primary}]->(:Source {id, url, …})
    (:Actor)-[:INTERACTED {count, first, last, types}]->(:Actor)   one per unordered pair, occurred events only
    (:Alias {norm, actor})                                         who first claimed a normalized name

Events keep the nested parts of their record (source, also_reported, location, attrs) as JSON strings
beside the native properties, so `get_event`/`events` return records equal to the embedded store's.
Every write is `UNWIND $rows …` in a managed transaction (`execute_write`, retried on transient errors);
an `upsert` larger than `batch_size` events is committed in chunks (each chunk atomic; the whole call
is idempotent, so re-running a failed load completes it).
"""

from __future__ import annotations

import operator
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations, pairwise
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import orjson
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import ConstraintError
from rapidfuzz import fuzz

from graph import codes
from graph import neo4j_cypher as q
from graph.model import ActorRecord, EventRecord, normalize_name, source_key
from graph.store import (
    EVIDENCE_PER_HOP,
    ActorOut,
    Counterpart,
    EventBrief,
    EventFilter,
    EventPage,
    GraphStore,
    Path,
    Stats,
    UpsertResult,
    decode_cursor,
    encode_cursor,
)

OCCURRED = "occurred"
DEFAULT_BATCH = 5000
CONFLICT_RETRIES = 3
MAX_CANDIDATES = 1000  # as graph.paths: at most this many shortest paths are ranked
ENUMERATE_CAP = 100_000  # paths the server may enumerate for one query before ranking
DENSE_SLACK = 4  # the dense evidence plan is chosen when it should scan < 1/DENSE_SLACK of the sparse one
KIND_LABELS = {"person": "Person", "organisation": "Organisation", "state": "State"}
TYPE_LABELS = {t: t.capitalize() for t in sorted(codes.PLOVER_TYPES)}

_ACTOR_KEYS = ("id", "name", "kind", "aliases", "country", "title")
_OPTIONAL_ACTOR_KEYS = ("country", "title")
_EVENT_KEYS = ("id", "type", "mode", "cameo", "date", "precision", "date_start", "date_end", "status",
               "confidence", "location", "actors", "source", "also_reported", "attrs")
_EVENT_SCALARS = ("id", "type", "mode", "cameo", "date", "precision", "date_start", "date_end", "status",
                  "confidence")
_WHITELIST = frozenset(KIND_LABELS.values()) | frozenset(TYPE_LABELS.values())
_SOURCE_NODE_KEYS = ("url", "dataset", "title", "published")
_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


class _Rows(list):
    """Query rows whose repr is short: the driver formats every RUN's parameters for its debug log eagerly."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def split_uri(uri: str) -> tuple[str, tuple[str, str] | None]:
    """The URI without credentials, and the auth from it or from NEO4J_USER/NEO4J_PASSWORD (None if neither)."""
    parts = urlsplit(uri)
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    if user is None and password is None:
        user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    if user is None and password is None:
        return clean, None
    return clean, (user or "neo4j", password or "")


# ---------------------------------------------------------------- records <-> properties


def _actor_props(record: ActorRecord) -> dict[str, Any]:
    props: dict[str, Any] = {"id": record["id"], "name": record["name"], "kind": record.get("kind"),
                             "aliases": list(record.get("aliases", [])), "country": record.get("country"),
                             "title": record.get("title")}
    absent = [k for k in _OPTIONAL_ACTOR_KEYS if k not in record]
    if absent:
        props["absent"] = absent
    extra = {k: v for k, v in record.items() if k not in _ACTOR_KEYS}
    if extra:
        props["extra"] = _dumps(extra)
    return props


def _actor_record(props: dict[str, Any]) -> ActorRecord:
    record: dict[str, Any] = {"id": props["id"], "name": props["name"], "kind": props.get("kind"),
                              "aliases": list(props.get("aliases") or []), "country": props.get("country"),
                              "title": props.get("title")}
    for key in props.get("absent") or ():
        record.pop(key, None)
    if props.get("extra"):
        record.update(orjson.loads(props["extra"]))
    return record  # type: ignore[return-value]


def _event_record(props: dict[str, Any]) -> EventRecord:
    record: dict[str, Any] = {k: props.get(k) for k in _EVENT_SCALARS}
    loc, parts = props.get("loc"), props.get("parts")
    record["location"] = orjson.loads(loc) if loc else None
    record["actors"] = orjson.loads(parts) if parts else []
    record["source"] = orjson.loads(props["src"]) if props.get("src") else {}
    record["also_reported"] = orjson.loads(props["also"]) if props.get("also") else []
    record["attrs"] = orjson.loads(props["attrs"]) if props.get("attrs") else {}
    for key in props.get("absent") or ():
        record.pop(key, None)
    if props.get("extra"):
        record.update(orjson.loads(props["extra"]))
    return record  # type: ignore[return-value]


def _report_row(source: dict[str, Any], primary: bool, key: str | None = None) -> dict[str, Any]:
    return {"sid": key or source_key(source), "primary": primary,  # type: ignore[arg-type]
            "native_id": source.get("id"), "sentence": source.get("sentence"), "start": source.get("start"),
            "end": source.get("end"), "extractor": source.get("extractor")}


def _labels(base: str, extra: str | None) -> str:
    """Label text for a query: the base label and at most one whitelisted label (never user input)."""
    if extra is not None and extra not in _WHITELIST:
        raise ValueError(f"label {extra!r} is not whitelisted")
    return f":{base}" + (f":{extra}" if extra else "")


def _event_predicate(var: str, flt: EventFilter, occurred_only: bool = False) -> tuple[str, dict[str, Any]]:
    """A fixed Cypher predicate fragment over event `var` for the type/status/date parts of `flt`, and its parameters."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if occurred_only:
        clauses.append(f"{var}.status = '{OCCURRED}'")
    elif flt.statuses:
        clauses.append(f"{var}.status IN $f_statuses")
        params["f_statuses"] = list(flt.statuses)
    if flt.types:
        names = [t.upper() for t in flt.types if not t.isdigit()]
        modes = [t.lower() for t in flt.types if not t.isdigit()]
        prefixes = [t for t in flt.types if t.isdigit()]
        alternatives = []
        if names:
            alternatives += [f"{var}.type IN $f_types", f"{var}.mode IN $f_modes"]
            params["f_types"], params["f_modes"] = names, modes
        if prefixes:
            alternatives.append(f"any(prefix IN $f_prefixes WHERE {var}.cameo STARTS WITH prefix)")
            params["f_prefixes"] = prefixes
        clauses.append("(" + " OR ".join(alternatives) + ")")
    if flt.since or flt.until:
        clauses.append(f"{var}.date_start IS NOT NULL")
        if flt.since:
            clauses.append(f"{var}.date_end >= $f_since")
            params["f_since"] = flt.since
        if flt.until:
            clauses.append(f"{var}.date_start <= $f_until")
            params["f_until"] = flt.until
    return " AND ".join(clauses) or "true", params


def _interacted_prune(flt: EventFilter, rel: str = "r") -> tuple[str, dict[str, Any]]:
    """A necessary condition on an INTERACTED summary for some occurred event behind it to pass `flt`.

    Per event type the summary keeps the date bounds of its events, so a type and a date window are
    checked together. Type tokens narrow the types only when they name a PLOVER type or a CAMEO prefix of
    two or more digits (an event's type follows its CAMEO root, as `graph.model.Event` enforces); a mode
    token could be any type, so it leaves the types open.
    """
    params: dict[str, Any] = {}
    conditions: list[str] = []
    if flt.types:
        plover: set[str] | None = set()
        for token in flt.types:
            if token.isdigit() and len(token) >= 2 and codes.is_valid_cameo(token[:2]):
                plover.add(codes.plover_for_cameo(token[:2])[0])  # type: ignore[union-attr]
            elif not token.isdigit() and token.upper() in codes.PLOVER_TYPES:
                plover.add(token.upper())  # type: ignore[union-attr]
            else:
                plover = None
                break
        if plover is not None:
            conditions.append(f"{rel}.types[i] IN $p_types")
            params["p_types"] = sorted(plover)
    if flt.since:
        conditions.append(f"{rel}.tlast[i] >= $f_since")
    if flt.until:
        conditions.append(f"{rel}.tfirst[i] <> '' AND {rel}.tfirst[i] <= $f_until")
    if not conditions:
        return "", params
    return f"any(i IN range(0, size({rel}.types) - 1) WHERE {' AND '.join(conditions)}) AND ", params


def _hop_condition(flt: EventFilter, x: str, y: str, rel: str) -> tuple[str, dict[str, Any]]:
    """The Cypher condition (fixed fragments only) for `rel` between `x` and `y` to be a hop under `flt`'s types/dates."""
    where, params = _event_predicate("e", flt, occurred_only=True)
    prune, prune_params = _interacted_prune(flt, rel)
    return q.HOP_CONDITION.format(prune=prune, where=where, x=x, y=y), {**params, **prune_params}


def _fixed_length(length: int, flt: EventFilter | None, distinct: bool) -> tuple[str, dict[str, Any]]:
    """FIXED_LENGTH for paths of exactly `length` hops (`flt` None: no type/date filter)."""
    names = ["a", *(f"n{i}" for i in range(1, length)), "b"]
    pattern = "(a)" + "".join(f"-[r{i}:INTERACTED]-({names[i]}{':Actor' if i < length else ''})"
                              for i in range(1, length + 1))
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if distinct:  # simple paths only (a path of the shortest length always is one)
        conditions += [f"{u} <> {v}" for i, u in enumerate(names) for v in names[i + 1:] if (u, v) != ("a", "b")]
    if flt is not None:
        for i in range(1, length + 1):
            text, params = _hop_condition(flt, names[i - 1], names[i], f"r{i}")
            conditions.append(text)
    query = q.FIXED_LENGTH.format(pattern=pattern, conditions=" AND ".join(conditions) or "true",
                                  ids=", ".join(f"{n}.id" for n in names))
    return query, params


def _lucene(key: str) -> str:
    """A full-text query for a normalized name: each word exactly, as a prefix, and fuzzily, OR'ed."""
    terms = []
    for word in key.split():
        escaped = "".join("\\" + c if c in _LUCENE_SPECIAL else c for c in word)
        terms.append(f"{escaped}^4")
        if len(word) >= 3:
            terms.append(f"{escaped}*^2")
        if len(word) >= 4:
            terms.append(f"{escaped}~{1 if len(word) < 7 else 2}")
    return " OR ".join(terms)


def _widen(ranges: dict[str, list[str]], etype: str, first: str, last: str) -> None:
    """Widen the per-type [first, last] date bounds of a pair summary ("" = no dated event)."""
    bounds = ranges.get(etype)
    if bounds is None:
        ranges[etype] = [first, last]
        return
    if first and (not bounds[0] or first < bounds[0]):
        bounds[0] = first
    bounds[1] = max(bounds[1], last)


class Neo4jStore(GraphStore):
    """A `GraphStore` on a Neo4j server reached over Bolt (`bolt://[user:pass@]host:port` or `neo4j://…`)."""

    def __init__(self, uri: str, *, user: str | None = None, password: str | None = None,
                 database: str | None = None, batch_size: int = DEFAULT_BATCH, create_schema: bool = True,
                 driver: Driver | None = None) -> None:
        self.uri, auth = split_uri(uri)
        if user is not None or password is not None:
            auth = (user or "neo4j", password or "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.batch_size = batch_size
        self._driver = driver or GraphDatabase.driver(self.uri, auth=auth, notifications_min_severity="OFF")
        if create_schema:
            self.create_schema()

    # ------------------------------------------------------------ plumbing

    def _session(self):
        return self._driver.session(database=self.database)

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, params)]

        with self._session() as session:
            return session.execute_read(work)

    def create_schema(self, wait_seconds: int = 300) -> None:
        """Create constraints and indexes if missing (idempotent), then wait until they are online."""
        with self._session() as session:
            for statement in q.SCHEMA:
                session.run(statement).consume()
            session.run(q.AWAIT_INDEXES, seconds=wait_seconds).consume()

    def schema(self) -> dict[str, str]:
        """Index and constraint-backing index names → type (RANGE, TEXT, FULLTEXT, LOOKUP …)."""
        return {r["name"]: r["type"] for r in self._read(q.SCHEMA_NAMES)}

    def clear(self) -> None:
        """Delete every node and relationship (the schema stays). For tests and benchmarks."""
        with self._session() as session:
            for statement in q.CLEAR:
                session.run(statement).consume()

    def close(self) -> None:
        """Release the driver (every write is already committed)."""
        self._driver.close()

    # ------------------------------------------------------------ writing

    def upsert(self, actors: Iterable[ActorRecord], events: Sequence[EventRecord]) -> UpsertResult:
        """Insert or merge actors and events; see `GraphStore.upsert`. Chunks of `batch_size` events commit atomically."""
        actors = list(actors)
        events = list(events)
        in_batch = {a["id"] for a in actors}
        named = {p["id"] for e in events for p in e["actors"]} - in_batch
        if named:
            stored = {r["id"] for r in self._read(q.EXISTING_ACTOR_IDS, ids=sorted(named))}
            for record in events:
                for part in record["actors"]:
                    if part["id"] not in in_batch and part["id"] not in stored:
                        raise ValueError(f"event {record['id']} names actor {part['id']!r}, which is neither "
                                         "stored nor in this batch")
        result = UpsertResult()
        size = max(1, self.batch_size)
        chunks: list[tuple[list[ActorRecord], list[EventRecord]]] = []
        if len(actors) > size:
            chunks += [(actors[i:i + size], []) for i in range(0, len(actors), size)]
            actors = []
        chunks += [(actors if i == 0 else [], events[i:i + size]) for i in range(0, len(events), size)]
        if not events and actors:
            chunks.append((actors, []))
        with self._session() as session:
            for chunk_actors, chunk_events in chunks:
                for attempt in range(CONFLICT_RETRIES + 1):
                    try:
                        part = session.execute_write(self._write_chunk, chunk_actors, chunk_events)
                        break
                    except ConstraintError:
                        # a concurrent writer created the same event, alias or pair first: decide again
                        if attempt == CONFLICT_RETRIES:
                            raise
                result.new_events += part.new_events
                result.merged_events += part.merged_events
                result.new_actors += part.new_actors
        return result

    @staticmethod
    def _write_chunk(tx: ManagedTransaction, actors: list[ActorRecord], events: list[EventRecord]) -> UpsertResult:
        """One transaction: read what exists, decide like the embedded store, write the differences."""
        result = UpsertResult()
        # ---- actors, merged as EmbeddedStore does
        stored_actors: dict[str, ActorRecord] = {}
        stored_sigs: dict[str, str | None] = {}
        if actors:
            ids = list(dict.fromkeys(a["id"] for a in actors))
            for row in tx.run(q.EXISTING_ACTORS, ids=ids):
                stored_actors[row["a"]["id"]] = _actor_record(row["a"])
                stored_sigs[row["a"]["id"]] = row["a"].get("sig")
        changed_actors: dict[str, ActorRecord] = {}
        created: set[str] = set()
        inputs: dict[str, str] = {}  # like EmbeddedStore._actor_inputs: an input seen last time is skipped
        for record in actors:
            signature = _dumps([record["name"], list(record["aliases"]), record.get("country"), record.get("title")])
            if stored_sigs.get(record["id"]) == signature or inputs.get(record["id"]) == signature:
                continue
            inputs[record["id"]] = signature
            current = changed_actors.get(record["id"]) or stored_actors.get(record["id"])
            if current is None:
                changed_actors[record["id"]] = {**record, "aliases": sorted(set(record["aliases"]) - {record["name"]})}
                created.add(record["id"])
                result.new_actors += 1
            else:
                aliases = set(current["aliases"]) | set(record["aliases"]) | {record["name"]}
                aliases.discard(current["name"])
                merged = {**current, "aliases": sorted(aliases), "country": current.get("country") or record.get("country"),
                          "title": current.get("title") or record.get("title")}
                if merged != current:
                    changed_actors[record["id"]] = merged  # type: ignore[assignment]
        # ---- events: new, or known ones gaining reports
        stored_events: dict[str, dict[str, Any]] = {}
        if events:
            ids = list(dict.fromkeys(e["id"] for e in events))
            stored_events = {r["id"]: r for r in tx.run(q.EXISTING_EVENTS, ids=ids)}
        new_events: dict[str, EventRecord] = {}
        reported: dict[str, dict[str, Any]] = {}  # stored event id -> {"old": sources, "also": [...], "confidence", "extra"}
        for record in events:
            ident = record["id"]
            if ident in new_events:
                result.merged_events += 1
                old = new_events[ident]
                seen = {source_key(s) for s in (old["source"], *old["also_reported"])}
                extra = [s for s in (record["source"], *record["also_reported"]) if source_key(s) not in seen]
                if extra:
                    new_events[ident] = {**old, "also_reported": [*old["also_reported"], *extra],
                                         "confidence": max(old["confidence"], record["confidence"])}
                continue
            stored = stored_events.get(ident)
            if stored is None:
                new_events[ident] = record
                result.new_events += 1
                continue
            result.merged_events += 1
            state = reported.get(ident)
            if state is None:
                also = orjson.loads(stored["also"]) if stored["also"] else []
                src = orjson.loads(stored["src"]) if stored["src"] else {}
                state = {"seen": {source_key(s) for s in (src, *also)}, "also": also,
                         "confidence": stored["confidence"], "extra": []}
                reported[ident] = state
            extra = [s for s in (record["source"], *record["also_reported"]) if source_key(s) not in state["seen"]]
            if extra:
                state["seen"].update(source_key(s) for s in extra)
                state["also"] = [*state["also"], *extra]
                state["confidence"] = max(state["confidence"], record["confidence"])
                state["extra"].extend(extra)
        if inputs:
            Neo4jStore._write_actors(tx, changed_actors, created, inputs)
        if new_events or any(s["extra"] for s in reported.values()):
            Neo4jStore._write_events(tx, list(new_events.values()), reported)
        return result

    @staticmethod
    def _write_actors(tx: ManagedTransaction, changed: dict[str, ActorRecord], created: set[str],
                      inputs: dict[str, str]) -> None:
        unchanged = [{"id": i, "sig": sig} for i, sig in inputs.items() if i not in changed]
        if unchanged:
            tx.run(q.SET_ACTOR_SIGS, rows=unchanged).consume()
        if not changed:
            return
        new_rows: dict[str | None, list[dict[str, Any]]] = {}
        update_rows, alias_rows = [], {}
        for record in changed.values():
            kind_label = KIND_LABELS.get(str(record.get("kind")))
            props = {**_actor_props(record), "sig": inputs[record["id"]]}
            if record["id"] in created:
                new_rows.setdefault(kind_label, []).append({"p": props})
            else:
                update_rows.append({"labels": [kind_label] if kind_label else [], "p": props})
            for alias in (record["name"], *record["aliases"]):
                alias_rows.setdefault(normalize_name(alias), record["id"])
        for label, rows in new_rows.items():
            tx.run(q.CREATE_ACTORS.format(labels=_labels("Actor", label)), rows=rows).consume()
        if update_rows:
            tx.run(q.UPDATE_ACTORS, rows=update_rows).consume()
        tx.run(q.CLAIM_ALIASES, rows=[{"norm": n, "actor": a} for n, a in alias_rows.items()]).consume()

    @staticmethod
    def _write_events(tx: ManagedTransaction, new: list[EventRecord], reported: dict[str, dict[str, Any]]) -> None:
        places: dict[str, dict[str, Any]] = {}
        sources: dict[str, dict[str, Any]] = {}
        rows: list[dict[str, Any]] = []
        pairs: dict[tuple[str, str], list[Any]] = {}
        by_type: Counter[str] = Counter()
        by_dataset: Counter[str] = Counter()
        base = tx.run(q.NEXT_SEQ, n=len(new)).single()["base"] if new else 0
        dumps = orjson.dumps
        for seq, record in enumerate(new, start=base):
            source, also, loc, parts = record["source"], record["also_reported"], record["location"], record["actors"]
            dataset = source.get("dataset", "unknown")
            row: dict[str, Any] = {
                "id": record["id"], "type": record["type"], "mode": record["mode"], "cameo": record["cameo"],
                "date": record["date"], "precision": record["precision"], "date_start": record["date_start"],
                "date_end": record["date_end"], "status": record["status"], "confidence": record["confidence"],
                "sd": record["date_start"] or "", "seq": seq, "dataset": dataset,
                "links": [[p["id"], p["role"]] for p in parts], "parts": dumps(parts).decode(),
                "src": dumps(source).decode(), "also": dumps(also).decode() if also else None,
                "loc": dumps(loc).decode() if loc else None,
                "attrs": dumps(record["attrs"]).decode() if record.get("attrs") else None,
                "absent": None, "extra": None, "place": None,
            }
            if len(record) != len(_EVENT_KEYS) or any(k not in record for k in _EVENT_KEYS):
                row["absent"] = [k for k in _EVENT_KEYS if k not in record] or None
                extra = {k: v for k, v in record.items() if k not in _EVENT_KEYS}
                row["extra"] = _dumps(extra) if extra else None
            if loc and loc.get("id") is not None:
                row["place"] = loc["id"]
                if loc["id"] not in places:
                    places[loc["id"]] = {"id": loc["id"], "p": {k: loc.get(k) for k in ("name", "country", "lat", "lon")}}
            reps = []
            for i, s in enumerate((source, *also) if also else (source,)):
                key = source_key(s)  # type: ignore[arg-type]
                if key not in sources:
                    sources[key] = {"id": key, "p": {k: s.get(k) for k in _SOURCE_NODE_KEYS}}
                reps.append(_report_row(s, i == 0, key))
            row["reps"] = reps
            label = TYPE_LABELS.get(record["type"])
            row["labels"] = [label] if label else []
            rows.append(row)
            by_type[record["type"]] += 1
            by_dataset[dataset] += 1
            if record["status"] == OCCURRED and len(parts) > 1:
                ids = sorted({p["id"] for p in parts})
                start, end, etype = record["date_start"] or "", record["date_end"] or "", record["type"]
                for u, v in combinations(ids, 2):
                    agg = pairs.get((u, v))
                    if agg is None:
                        agg = pairs[(u, v)] = [0, {}]
                    agg[0] += 1
                    _widen(agg[1], etype, start, end)
        extra_rows = []
        for ident, state in reported.items():
            if not state["extra"]:
                continue
            reps = []
            for s in state["extra"]:
                key = source_key(s)
                sources.setdefault(key, {"id": key, "p": {k: s.get(k) for k in _SOURCE_NODE_KEYS}})
                reps.append(_report_row(s, False, key))
            extra_rows.append({"id": ident, "also": _dumps(state["also"]), "confidence": state["confidence"],
                               "reps": reps})
        if places:
            tx.run(q.MERGE_PLACES, rows=list(places.values())).consume()
        if sources:
            tx.run(q.MERGE_SOURCES, rows=_Rows(sources.values())).consume()
        if rows:
            tx.run(q.CREATE_EVENTS, rows=_Rows(rows)).consume()
        if extra_rows:
            tx.run(q.ADD_REPORTS, rows=extra_rows).consume()
        if pairs:
            Neo4jStore._write_interacted(tx, pairs)
        counts = [("type", n, c) for n, c in by_type.items()] + [("dataset", n, c) for n, c in by_dataset.items()]
        if counts:
            tx.run(q.ADD_COUNTS, rows=[{"key": f"{g}:{n}", "group": g, "name": n, "n": c} for g, n, c in counts]).consume()

    @staticmethod
    def _write_interacted(tx: ManagedTransaction, pairs: dict[tuple[str, str], list[Any]]) -> None:
        """Fold this batch's occurred-event pairs into the INTERACTED summaries (read, merge, write back)."""
        keyed = sorted((_dumps([u, v]), u, v, agg) for (u, v), agg in pairs.items())
        stored = {r["pair"]: r for r in tx.run(q.READ_INTERACTED, keys=[k for k, *_ in keyed])}
        updates, creates = _Rows(), _Rows()
        for key, u, v, (count, ranges) in keyed:
            old = stored.get(key)
            if old is not None:
                count += old["count"]
                for etype, first, last in zip(old["types"], old["tfirst"], old["tlast"]):
                    _widen(ranges, etype, first, last)
            types = sorted(ranges)
            firsts = [ranges[t][0] for t in types]
            lasts = [ranges[t][1] for t in types]
            row = {"pair": key, "count": count, "types": types, "tfirst": firsts, "tlast": lasts,
                   "first": min((f for f in firsts if f), default=None), "last": max(lasts) or None}
            if old is None:
                row["u"], row["v"] = u, v
                creates.append(row)
            else:
                updates.append(row)
        if updates:
            tx.run(q.UPDATE_INTERACTED, rows=updates).consume()
        if creates:
            tx.run(q.CREATE_INTERACTED, rows=creates).consume()

    # ------------------------------------------------------------ reading

    def actors_by_alias(self, normalized: Iterable[str]) -> dict[str, str]:
        """See `GraphStore.actors_by_alias`: the actor that first carried each normalized name."""
        norms = list(dict.fromkeys(normalized))
        if not norms:
            return {}
        return {r["norm"]: r["actor"] for r in self._read(q.ALIASES, norms=norms)}

    def get_actor(self, actor_id: str) -> ActorRecord | None:
        """See `GraphStore.get_actor`."""
        return self.get_actors([actor_id]).get(actor_id)

    def get_actors(self, actor_ids: Iterable[str]) -> dict[str, ActorRecord]:
        """See `GraphStore.get_actors`."""
        ids = list(dict.fromkeys(actor_ids))
        if not ids:
            return {}
        found = {r["a"]["id"]: _actor_record(r["a"]) for r in self._read(q.GET_ACTORS, ids=ids)}
        return {i: found[i] for i in ids if i in found}

    def get_event(self, event_id: str) -> EventRecord | None:
        """See `GraphStore.get_event`."""
        rows = self._read(q.GET_EVENT, id=event_id)
        return _event_record(rows[0]["e"]) if rows else None

    def search_actors(self, query: str, limit: int = 10) -> list[ActorRecord]:
        """Candidates from the exact alias, alias substrings and the full-text index (fuzzy terms), ranked like
        the embedded store: rapidfuzz WRatio ≥ 60, +100 for an exact name, +50 for a prefix or a whole word."""
        key = normalize_name(query)
        if not key or limit <= 0:
            return []
        lucene = _lucene(key)
        if lucene:
            rows = self._read(q.SEARCH_CANDIDATES, key=key, lucene=lucene, contains_limit=max(200, 20 * limit),
                              fulltext_limit=max(50, 10 * limit))
        else:
            rows = self._read(q.SEARCH_EXACT, key=key)
        hits = []
        for row in {(r["norm"], r["actor"]) for r in rows}:
            score = fuzz.WRatio(key, row[0], score_cutoff=60)
            if score:
                hits.append((score, row[0], row[1]))
        hits.sort(key=lambda h: (-h[0], h[1]))
        ranked: dict[str, float] = {}
        for score, alias, ident in hits[:limit * 5]:
            bonus = 100 if alias == key else 50 if alias.startswith(key) or key in alias.split() else 0
            ranked[ident] = max(ranked.get(ident, 0), score + bonus)
        best = [i for i, _ in sorted(ranked.items(), key=lambda item: (-item[1], item[0]))[:limit]]
        records = self.get_actors(best)
        return [records[i] for i in best if i in records]

    def _events_match(self, flt: EventFilter, after: tuple[str, str] | None = None) -> tuple[str, dict[str, Any]]:
        """The MATCH … WHERE … part selecting `flt`'s events (after a cursor position) as `e`, and its parameters."""
        where, params = _event_predicate("e", flt)
        if after is not None:
            where += " AND e.sd <= $c_date AND (e.sd < $c_date OR e.id > $c_id)"
            params.update(c_date=after[0], c_id=after[1])
        ids = list(dict.fromkeys(a for a in (flt.actor, flt.with_actor) if a is not None))
        if not ids:
            return q.EVENTS_NONE.format(where=where), params
        groups = [self._group(i, flt.members) for i in ids]
        if len(groups) == 1:
            return q.EVENTS_ONE.format(where=where), {**params, "a": groups[0]}
        return q.EVENTS_TWO.format(where=where), {**params, "a": groups[0], "b": groups[1]}

    def _group(self, actor_id: str, members: bool) -> list[str]:
        """The actor, and with `members` for a state, every actor of its country."""
        if not members:
            return [actor_id]
        rows = self._read(q.STATE_GROUP, id=actor_id)
        return sorted({actor_id, *(rows[0]["ids"] if rows else [])})

    def counterparts(self, actor_id: str, flt: EventFilter) -> list[Counterpart]:
        """See `GraphStore.counterparts`."""
        where, params = _event_predicate("e", flt)
        if flt.with_actor is not None and flt.with_actor != actor_id:
            where += " AND EXISTS { (e)<-[:PARTICIPATED_IN]-(:Actor {id: $w}) }"
            params["w"] = flt.with_actor
        rows = self._read(q.COUNTERPARTS.format(where=where), a=actor_id, **params)
        out = [Counterpart(actor=ActorOut.of(_actor_record(r["actor"])), events=r["n"], first=r["first"],
                           last=r["last"], types=sorted(r["types"])) for r in rows]
        out.sort(key=lambda c: (-c.events, c.actor.name, c.actor.id))
        return out

    def events(self, flt: EventFilter, limit: int = 100, cursor: str | None = None) -> EventPage:
        """See `GraphStore.events`."""
        position = decode_cursor(cursor) if cursor is not None else None
        match, params = self._events_match(flt, position)
        limit = max(0, limit)
        rows = self._read(match + q.EVENTS_PAGE, n=limit + 1, **params)
        page = [_event_record(r["e"]) for r in rows]
        more = len(page) > limit
        page = page[:limit]
        return EventPage(items=page, next_cursor=encode_cursor(page[-1]) if more and page else None)

    @staticmethod
    def _filtered(flt: EventFilter) -> bool:
        return bool(flt.types or flt.since or flt.until)

    def _evidence(self, pairs: list[tuple[str, str]], flt: EventFilter) -> dict[tuple[str, str], list[EventBrief]]:
        """The EVIDENCE_PER_HOP newest matching occurred events of each pair, each pair by its cheaper plan."""
        where, params = _event_predicate("e", flt, occurred_only=True)
        sizes = self._read(q.PAIR_SIZES, pairs=[[u, v, _dumps(sorted((u, v)))] for u, v in pairs])
        dense = {(r["u"], r["v"]) for r in sizes
                 if r["shared"] and r["total"] / r["shared"] * EVIDENCE_PER_HOP * DENSE_SLACK < min(r["du"], r["dv"])}
        out: dict[tuple[str, str], list[EventBrief]] = {}
        sparse = [p for p in pairs if p not in dense]
        if sparse:
            rows = self._read(q.EVIDENCE.format(where=where), pairs=[list(p) for p in sparse],
                              per_hop=EVIDENCE_PER_HOP, **params)
            out.update({tuple(r["pr"]): [EventBrief.of(_event_record(e)) for e in r["evs"]]  # type: ignore[misc]
                        for r in rows})
        for u, v in dense:
            rows = self._read(q.EVIDENCE_DENSE.format(where=where), u=u, v=v, per_hop=EVIDENCE_PER_HOP, **params)
            out[(u, v)] = [EventBrief.of(_event_record(r["e"])) for r in rows]
        return out

    def paths(self, source: str, target: str, flt: EventFilter, max_hops: int = 4, k: int = 1,
              all_shortest: bool = False) -> list[Path]:
        """See `GraphStore.paths`; how the Cypher is chosen is explained in docs/neo4j.md."""
        hops, k = operator.index(max_hops), operator.index(k)
        if source == target or hops < 1 or k < 1:
            return []
        filtered = flt if self._filtered(flt) else None
        cap = k if k > 1 else MAX_CANDIDATES if all_shortest else 1
        found: list[list[str]] = []
        if filtered is None:
            rows = self._read(q.SHORTEST_LENGTH.format(hops=hops), s=source, t=target)
            shortest = rows[0]["hops"] if rows else None
        else:
            condition, params = _hop_condition(filtered, "x", "y", "r")
            query = q.ALL_SHORTEST.format(hop=q.HOP_QPP.format(condition=condition), hops=hops)
            found = sorted(r["ids"] for r in self._read(query, s=source, t=target, cap=cap, enumerate=ENUMERATE_CAP,
                                                        **params))
            shortest = len(found[0]) - 1 if found else None
        if shortest is None:
            return []
        lengths = range(shortest + bool(found), hops + 1 if k > 1 else shortest + 1)
        for length in lengths:
            if len(found) >= cap:
                break
            # the shortest paths (unfiltered); for k > 1 the simple paths of the next lengths, as needed
            query, params = _fixed_length(length, filtered, distinct=length > shortest)
            rows = self._read(query, s=source, t=target, cap=cap - len(found), enumerate=ENUMERATE_CAP, **params)
            found += sorted(r["ids"] for r in rows)
        found = found[:k] if k > 1 else found if all_shortest else found[:1]
        if not found:
            return []
        actors = self.get_actors({a for p in found for a in p})
        pairs = list(dict.fromkeys(pair for p in found for pair in pairwise(p)))
        evidence = self._evidence(pairs, flt)
        return [Path(hops=len(p) - 1, actors=[ActorOut.of(actors[a]) for a in p],
                     events=[evidence.get(pair, []) for pair in pairwise(p)]) for p in found]

    def stats(self) -> Stats:
        """See `GraphStore.stats` (actor and event totals from the count store, the rest from counters)."""
        row = self._read(q.STATS_COUNTS)[0]
        by: dict[str, dict[str, int]] = {"type": {}, "dataset": {}}
        for group, name, value in row["counts"]:
            by.setdefault(group, {})[name] = value
        return Stats(actors=row["actors"], events=row["events"], by_type=by["type"], by_dataset=by["dataset"])

    def interactions(self, actor_id: str) -> dict[str, dict[str, Any]]:
        """The derived INTERACTED edges of one actor: counterpart id → {count, first, last, types}."""
        rows = self._read("MATCH (:Actor {id: $a})-[r:INTERACTED]-(o:Actor) "
                          "RETURN o.id AS id, r.count AS count, r.first AS first, r.last AS last, r.types AS types",
                          a=actor_id)
        return {r["id"]: {"count": r["count"], "first": r["first"], "last": r["last"], "types": sorted(r["types"])}
                for r in rows}
