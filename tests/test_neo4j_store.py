"""Neo4j-specific behaviour of `Neo4jStore`, and a randomized comparison with the embedded store.

Needs a real server (see `tests/neo4j_server.py`: NEO4J_URI, testcontainers, or the local Maven-built one).
The shared semantics are held by `tests/contract/`; here: schema, labels, the derived INTERACTED edges,
injection-shaped input, chunked upserts, and answers identical to `EmbeddedStore` on random data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from graph import neo4j_store
from graph.embedded import EmbeddedStore
from graph.model import normalize_name
from graph.neo4j_store import Neo4jStore, split_uri
from graph.store import EventFilter

pytestmark = pytest.mark.neo4j


@pytest.fixture
def nstore(neo4j_server: tuple[str, str | None, str | None]) -> Iterator[Neo4jStore]:
    """An empty Neo4jStore on the session's server (`neo4j_server` comes from tests/conftest.py)."""
    uri, user, password = neo4j_server
    store = Neo4jStore(uri, user=user, password=password)
    store.clear()
    yield store
    store.close()


def actor(ident: str, name: str | None = None, kind: str = "person", aliases: tuple[str, ...] = (),
          country: str | None = None) -> dict:
    return {"id": ident, "name": name or ident.title(), "kind": kind, "aliases": list(aliases), "country": country}


def event(ident: str, actors: list[str], date: str | None = "2023-04-25", etype: str = "CONSULT",
          mode: str | None = None, cameo: str | None = "040", status: str = "occurred", url: str | None = None,
          dataset: str = "text", location: dict | None = None, confidence: float = 0.9) -> dict:
    precision = None if date is None else {4: "YYYY", 7: "YYYY-MM", 10: "YYYY-MM-DD"}[len(date)]
    start = end = date
    if precision == "YYYY":
        start, end = f"{date}-01-01", f"{date}-12-31"
    elif precision == "YYYY-MM":
        start, end = f"{date}-01", f"{date}-28"
    return {"id": ident, "type": etype, "mode": mode, "cameo": cameo, "date": date, "precision": precision,
            "date_start": start, "date_end": end, "status": status, "confidence": confidence,
            "location": location, "actors": [{"id": a, "role": "participant"} for a in actors],
            "source": {"dataset": dataset, "url": url or f"https://news.example/{ident}", "sentence": f"About {ident}."},
            "also_reported": [], "attrs": {}}


# ---------------------------------------------------------------- unit: credentials from the URI


def test_split_uri_takes_credentials_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert split_uri("bolt://alice:s%40cret@db.example:7687") == ("bolt://db.example:7687", ("alice", "s@cret"))
    assert split_uri("neo4j://127.0.0.1:7687") == ("neo4j://127.0.0.1:7687", None)
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    assert split_uri("bolt://127.0.0.1:7687") == ("bolt://127.0.0.1:7687", ("neo4j", "from-env"))


# ---------------------------------------------------------------- schema and labels


def test_schema_constraints_and_indexes_exist(nstore: Neo4jStore) -> None:
    names = nstore.schema()
    for name in ("actor_id", "event_id", "place_id", "source_id", "alias_norm"):
        assert names.get(name) == "RANGE", name  # the index backing each uniqueness constraint
    for name in ("actor_name", "event_date_start", "event_type", "event_sort", "event_cameo"):
        assert names.get(name) == "RANGE", name
    assert names.get("actor_names") == "FULLTEXT"
    assert names.get("alias_norm_text") == "TEXT"
    constraints = {r["name"]: (r["labelsOrTypes"], r["properties"])
                   for r in nstore._read("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties")}
    assert constraints["actor_id"] == (["Actor"], ["id"])
    assert constraints["event_id"] == (["Event"], ["id"])
    nstore.create_schema()  # idempotent
    assert nstore.schema() == names


def test_labels_by_kind_and_type(nstore: Neo4jStore) -> None:
    nstore.upsert([actor("li", kind="person"), actor("un", kind="organisation"), actor("BLR", "Belarus", "state")],
                  [event("e1", ["li", "BLR"], etype="CONSULT", cameo="042", mode="visit"),
                   event("e2", ["un", "BLR"], etype="AID", cameo="070")])
    labels = {r["id"]: set(r["labels"]) for r in nstore._read("MATCH (n) WHERE n:Actor OR n:Event "
                                                              "RETURN n.id AS id, labels(n) AS labels")}
    assert labels["li"] == {"Actor", "Person"}
    assert labels["un"] == {"Actor", "Organisation"}
    assert labels["BLR"] == {"Actor", "State"}
    assert labels["e1"] == {"Event", "Consult"}
    assert labels["e2"] == {"Event", "Aid"}
    shape = nstore._read("MATCH (a:Actor {id: 'li'})-[p:PARTICIPATED_IN]->(e:Event {id: 'e1'})-[:REPORTED_IN]->(s:Source) "
                         "RETURN p.role AS role, s.url AS url")
    assert shape == [{"role": "participant", "url": "https://news.example/e1"}]


# ---------------------------------------------------------------- INTERACTED


def test_interacted_counts_first_last_types_across_loads(nstore: Neo4jStore) -> None:
    nstore.upsert([actor("a"), actor("b"), actor("c")],
                  [event("e1", ["a", "b"], date="2021-03-04"),
                   event("e2", ["b", "a"], date="2019", etype="AID", cameo="070"),
                   event("e3", ["a", "b"], date="2024-01-01", status="planned"),  # not occurred: not counted
                   event("e4", ["a", "c"], date=None)])
    got = nstore.interactions("a")
    assert got["b"] == {"count": 2, "first": "2019-01-01", "last": "2021-03-04", "types": ["AID", "CONSULT"]}
    assert got["c"] == {"count": 1, "first": None, "last": None, "types": ["CONSULT"]}
    # the same data again, and e1 reported once more: nothing derived changes
    nstore.upsert([actor("a"), actor("b")], [event("e1", ["a", "b"], date="2021-03-04"),
                                               event("e1", ["a", "b"], date="2021-03-04", url="https://other.example/1")])
    assert nstore.interactions("a") == got
    # new events extend the pair; one edge per unordered pair, stored once
    nstore.upsert([], [event("e5", ["b", "a"], date="2025-06", etype="COOPERATE", cameo="060"),
                       event("e6", ["c", "a"], date="2020-02-02")])
    got = nstore.interactions("a")
    assert got["b"] == {"count": 3, "first": "2019-01-01", "last": "2025-06-28",
                        "types": ["AID", "CONSULT", "COOPERATE"]}
    assert got["c"] == {"count": 2, "first": "2020-02-02", "last": "2020-02-02", "types": ["CONSULT"]}
    edges = nstore._read("MATCH (x:Actor)-[r:INTERACTED]->(y:Actor) RETURN x.id AS x, y.id AS y ORDER BY x, y")
    assert edges == [{"x": "a", "y": "b"}, {"x": "a", "y": "c"}]


# ---------------------------------------------------------------- injection-shaped input is data


EVIL = ["Robert'); MATCH (n) DETACH DELETE n; //", 'x"}) DETACH DELETE n //', "})-[:X]->(m) DETACH DELETE m",
        "`Actor` OR 1=1", "\\' $param {a: 1}", "name~ OR *:* AND title:(a b)"]


def test_malicious_names_and_queries_are_plain_data(nstore: Neo4jStore) -> None:
    actors = [actor(f"evil-{i}", name) for i, name in enumerate(EVIL)]
    events = [event(f"ev-{i}", [f"evil-{i}", f"evil-{(i + 1) % len(EVIL)}"], etype="CONSULT") for i in range(len(EVIL))]
    events[0]["attrs"] = {"note": "'}) DETACH DELETE n"}
    events[0]["source"]["sentence"] = 'He said "}) MATCH (n) DETACH DELETE n".'
    assert nstore.upsert(actors, events).new_events == len(EVIL)
    for i, name in enumerate(EVIL):
        assert nstore.get_actor(f"evil-{i}")["name"] == name
        hits = nstore.search_actors(name, limit=3)
        assert hits and hits[0]["id"] == f"evil-{i}", name
        assert nstore.actors_by_alias([normalize_name(name)]) == {normalize_name(name): f"evil-{i}"}
        assert nstore.events(EventFilter(actor=f"evil-{i}")).items
    assert nstore.get_event("ev-0")["attrs"] == {"note": "'}) DETACH DELETE n"}
    for text in ("') DETACH DELETE n //", '"})', "*:*", "AND OR NOT", "~", "\\"):
        nstore.search_actors(text)
        assert nstore.get_actor(text) is None
        assert nstore.events(EventFilter(actor=text, types=(text,), since=text)).items == []
        assert nstore.paths(text, "evil-0", EventFilter(types=(text,))) == []
    assert nstore.stats().events == len(EVIL)
    assert nstore.stats().actors == len(EVIL)


# ---------------------------------------------------------------- chunked upserts


def test_chunked_upsert_reports_like_one_batch(neo4j_server: tuple[str, str | None, str | None]) -> None:
    uri, user, password = neo4j_server
    store = Neo4jStore(uri, user=user, password=password, batch_size=3)
    try:
        store.clear()
        actors = [actor(x) for x in "abcdefg"]
        events = [event(f"e{i}", [random.Random(i).choice("abc"), "defg"[i % 4]]) for i in range(10)]
        events.append(event("e3", ["a", "d"], url="https://again.example/3"))
        result = store.upsert(actors, events)
        assert (result.new_events, result.merged_events, result.new_actors) == (10, 1, 7)
        assert len(store.get_event("e3")["also_reported"]) == 1
        with pytest.raises(ValueError, match="names actor 'nobody'"):
            store.upsert([], [event("e99", ["a", "nobody"])])
        assert store.get_event("e99") is None
    finally:
        store.close()


# ---------------------------------------------------------------- same answers as the embedded store


TYPES = [("CONSULT", None, "040"), ("CONSULT", "visit", "042"), ("CONSULT", "phone", "041"), ("AID", None, "070"),
         ("COOPERATE", None, "061"), ("AGREE", None, "030"), ("SUPPORT", None, "051")]


def random_batches(seed: int, n_actors: int = 40, n_events: int = 420, n_batches: int = 4) -> list[tuple[list, list]]:
    rng = random.Random(seed)
    kinds = ["person", "organisation", "state"]
    names = [f"{rng.choice(['Li', 'Ivan', 'Maria', 'Abdul', 'Chen', 'Olga'])} {rng.choice(['Shangfu', 'Petrov', 'Lopez', 'Wang', 'Khrenin'])} {i}"
             for i in range(n_actors)]
    actors = [actor(f"act-{i:02d}", names[i], kinds[i % 3],
                    aliases=tuple(rng.sample(["Minister", "Chief", names[(i + 1) % n_actors], f"Alias {i}"], rng.randint(0, 2))),
                    country=rng.choice([None, "BLR", "CHN"])) for i in range(n_actors)]
    weights = [1 / (i + 1) for i in range(n_actors)]
    dates = [None, "2019", "2020", "2020-01", "2020-01-01", "2021-07-15", "2021-07", "2022-12-31", "2023-03-03"]
    events = []
    for i in range(n_events):
        size = rng.choice([2, 2, 2, 3, 4])
        members: list[str] = []
        while len(members) < size:
            pick = rng.choices(actors, weights)[0]["id"]
            if pick not in members:
                members.append(pick)
        etype, mode, cameo = rng.choice(TYPES)
        status = rng.choices(["occurred", "planned", "denied"], [8, 1, 1])[0]
        loc = rng.choice([None, {"id": "minsk.blr", "name": "Minsk", "country": "BLR", "lat": 53.9, "lon": 27.56}])
        events.append(event(f"ev-{i:04d}", members, rng.choice(dates), etype, mode, cameo, status,
                            dataset=rng.choice(["gdelt", "icews", "text"]), location=loc,
                            confidence=rng.choice([0.5, 0.75, 1.0])))
    # re-reports of earlier events, with a higher confidence, some within the same batch
    for i in rng.sample(range(n_events), 30):
        again = dict(events[i], source={"dataset": "text", "url": f"https://again.example/{i}"}, confidence=1.0)
        events.append(again)
    batches = []
    step = len(events) // n_batches + 1
    for b in range(n_batches):
        chunk = events[b * step:(b + 1) * step]
        needed = {p["id"] for e in chunk for p in e["actors"]}
        batch_actors = [a for a in actors if a["id"] in needed]
        if b:  # later mentions add aliases
            batch_actors = [dict(a, aliases=[*a["aliases"], f"Later {a['id']}"]) for a in batch_actors]
        batches.append((batch_actors, chunk))
    return batches


def _paths(store, *args, **kwargs) -> list:
    return [p.model_dump() for p in store.paths(*args, **kwargs)]


@pytest.mark.parametrize(("seed", "dense"), [(1, False), (2, False), (3, True)])
def test_same_answers_as_embedded_store(nstore: Neo4jStore, tmp_path, monkeypatch: pytest.MonkeyPatch, seed: int,
                                        dense: bool) -> None:
    if dense:  # take the index-ordered evidence plan for every linked pair
        monkeypatch.setattr(neo4j_store, "DENSE_SLACK", 0)
    embedded = EmbeddedStore(tmp_path / "embedded")
    try:
        for actors, events in random_batches(seed):
            assert nstore.upsert(actors, events) == embedded.upsert(actors, events)
        for actors, events in random_batches(seed)[:2]:  # loading again changes nothing
            assert nstore.upsert(actors, events) == embedded.upsert(actors, events)
        ids = [f"act-{i:02d}" for i in range(40)]
        event_ids = sorted(embedded._events)
        assert nstore.stats() == embedded.stats()
        assert nstore.get_actors(ids) == embedded.get_actors(ids)
        for ident in event_ids:
            assert nstore.get_event(ident) == embedded.get_event(ident), ident
        norms = {normalize_name(n) for a in embedded._actors.values() for n in (a["name"], *a["aliases"])}
        assert nstore.actors_by_alias(norms) == embedded.actors_by_alias(norms)
        for a in list(embedded._actors.values())[:10]:
            for text in (a["name"], a["name"][:-1], a["name"].upper().replace("I", "Y")):
                assert nstore.search_actors(text)[0] == embedded.search_actors(text)[0], text
        filters = [EventFilter(), EventFilter(types=("CONSULT",)), EventFilter(types=("visit", "07")),
                   EventFilter(since="2020-01-15", until="2021-12-31"), EventFilter(statuses=("planned", "denied")),
                   EventFilter(types=("04",), since="2021")]
        rng = random.Random(seed)
        for flt in filters:
            for who in (None, "act-00", "act-05"):
                for other in (None, "act-01"):
                    full = EventFilter(actor=who, with_actor=other, types=flt.types, statuses=flt.statuses,
                                       since=flt.since, until=flt.until)
                    cursor_n = cursor_e = None
                    for _ in range(20):
                        page_n, page_e = nstore.events(full, 7, cursor_n), embedded.events(full, 7, cursor_e)
                        assert page_n == page_e, full
                        cursor_n, cursor_e = page_n.next_cursor, page_e.next_cursor
                        if cursor_n is None:
                            break
                    if who:
                        assert nstore.counterparts(who, full) == embedded.counterparts(who, full), full
            for _ in range(12):
                s, t = rng.sample(ids, 2)
                for kwargs in ({"max_hops": 3}, {"max_hops": 4, "all_shortest": True}, {"max_hops": 4, "k": 4},
                               {"max_hops": 2, "k": 3}, {"max_hops": 1}):
                    assert _paths(nstore, s, t, flt, **kwargs) == _paths(embedded, s, t, flt, **kwargs), (s, t, flt, kwargs)
    finally:
        embedded.close()
