"""Neo4j store benchmark: batched `Neo4jStore.upsert` vs a naive one-transaction-per-event MERGE loader,
then shortest-path latency.

    python benchmarks/bench_neo4j.py --uri bolt://127.0.0.1:7687 --events 1000000

Synthetic but realistic data: actor activity follows a power law (a few states and leaders in most events),
2–4 actors per event, dates over ten years at day/month/year precision, mixed PLOVER types and CAMEO codes,
~8% of events not `occurred`, a place pool and one source document per 1–3 events. The database is
CLEARED first: never point this at data you want to keep.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.neo4j_store import Neo4jStore
from graph.store import EventFilter

TYPES = [("CONSULT", None, "040", 20), ("CONSULT", "visit", "042", 10), ("CONSULT", "host", "043", 6),
         ("CONSULT", "phone", "041", 5), ("COOPERATE", None, "061", 8), ("AGREE", None, "036", 10),
         ("SUPPORT", None, "051", 8), ("AID", None, "070", 6), ("ACCUSE", None, "112", 8),
         ("REQUEST", None, "100", 6), ("REJECT", None, "120", 4), ("THREATEN", None, "130", 3),
         ("PROTEST", None, "140", 3), ("SANCTION", None, "163", 2), ("ASSAULT", None, "190", 1)]
STATUSES = (["occurred"] * 92) + ["planned"] * 5 + ["denied"] * 2 + ["cancelled"]
DATASETS = ["gdelt", "icews", "text"]


def make_actors(n: int, rng: random.Random) -> list[dict]:
    """States first (the most active), then organisations and people."""
    actors = []
    for i in range(n):
        if i < 200:
            kind, ident, name = "state", f"S{i:03d}", f"State {i}"
        elif i % 5 == 0:
            kind, ident, name = "organisation", f"org-{i}", f"Organisation {i}"
        else:
            kind, ident, name = "person", f"person-{i}", f"Person {i} {rng.choice(['Li', 'Petrov', 'Smith', 'Garcia'])}"
        actors.append({"id": ident, "name": name, "kind": kind, "aliases": [f"{name} alias"] if i % 7 == 0 else [],
                       "country": f"S{i % 200:03d}" if kind != "state" else ident})
    return actors


def make_events(n: int, actors: list[dict], seed: int = 7) -> list[dict]:
    """`n` events over `actors`, activity ~ 1/rank (Zipf, s=1)."""
    rng = random.Random(seed)
    cum, total = [], 0.0
    for rank in range(len(actors)):
        total += 1.0 / (rank + 1) ** 1.0
        cum.append(total)
    ids = [a["id"] for a in actors]
    types = [(t, m, c) for t, m, c, _ in TYPES]
    type_weights = [w for *_, w in TYPES]
    places = [{"id": f"place-{i}", "name": f"City {i}", "country": f"S{i % 200:03d}",
               "lat": round(rng.uniform(-60, 70), 4), "lon": round(rng.uniform(-170, 170), 4)} for i in range(500)]
    events = []
    doc = 0
    for i in range(n):
        size = rng.choice((2, 2, 2, 2, 3, 3, 4))
        members: list[str] = []
        while len(members) < size:
            pick = ids[min(len(ids) - 1, _bisect(cum, rng.random() * total))]
            if pick not in members:
                members.append(pick)
        etype, mode, cameo = rng.choices(types, type_weights)[0]
        year = rng.randint(2015, 2024)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        kind = rng.random()
        if kind < 0.85:
            date, precision, start, end = f"{year}-{month:02d}-{day:02d}", "YYYY-MM-DD", None, None
            start = end = date
        elif kind < 0.95:
            date, precision, start, end = f"{year}-{month:02d}", "YYYY-MM", f"{year}-{month:02d}-01", f"{year}-{month:02d}-28"
        else:
            date, precision, start, end = str(year), "YYYY", f"{year}-01-01", f"{year}-12-31"
        if rng.random() < 0.5:
            doc += 1
        dataset = DATASETS[doc % 3]
        events.append({
            "id": f"ev-{i:08d}", "type": etype, "mode": mode, "cameo": cameo, "date": date, "precision": precision,
            "date_start": start, "date_end": end, "status": rng.choice(STATUSES), "confidence": 0.8,
            "location": places[rng.randrange(500)] if rng.random() < 0.6 else None,
            "actors": [{"id": a, "role": r} for a, r in zip(members, ("source", "target", "participant", "participant"))],
            "source": {"dataset": dataset, "id": f"{dataset}-{i}", "url": f"https://news.example/{doc}",
                       "sentence": f"{members[0]} met {members[1]}."},
            "also_reported": [], "attrs": {}})
    return events


def _bisect(cum: list[float], x: float) -> int:
    lo, hi = 0, len(cum)
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------- the naive loader (the baseline)

NAIVE = """
MERGE (e:Event {id: $id})
SET e.type = $type, e.mode = $mode, e.cameo = $cameo, e.date = $date, e.date_start = $date_start,
    e.date_end = $date_end, e.status = $status, e.confidence = $confidence
WITH e
UNWIND $actors AS p
MERGE (a:Actor {id: p.id})
  ON CREATE SET a.name = p.name, a.kind = p.kind, a.country = p.country, a.aliases = p.aliases
MERGE (a)-[r:PARTICIPATED_IN]->(e) SET r.role = p.role
"""
NAIVE_SOURCE = """
MATCH (e:Event {id: $id})
MERGE (s:Source {id: $sid}) ON CREATE SET s.url = $url, s.dataset = $dataset
MERGE (e)-[r:REPORTED_IN]->(s) SET r.sentence = $sentence
"""
NAIVE_PLACE = "MATCH (e:Event {id: $id}) MERGE (p:Place {id: $pid}) ON CREATE SET p.name = $name MERGE (e)-[:AT]->(p)"
NAIVE_PAIR = """
MATCH (a:Actor {id: $u}), (b:Actor {id: $v})
MERGE (a)-[r:INTERACTED]->(b) ON CREATE SET r.count = 0 SET r.count = r.count + 1
"""


def naive_load(store: Neo4jStore, actors_by_id: dict[str, dict], events: list[dict]) -> float:
    """One transaction per event, MERGE per node and relationship, as a first loader would; returns seconds."""
    started = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        for record in events:
            def work(tx, record=record):
                tx.run(NAIVE, id=record["id"], type=record["type"], mode=record["mode"], cameo=record["cameo"],
                       date=record["date"], date_start=record["date_start"], date_end=record["date_end"],
                       status=record["status"], confidence=record["confidence"],
                       actors=[{**actors_by_id[p["id"]], "role": p["role"]} for p in record["actors"]]).consume()
                src = record["source"]
                tx.run(NAIVE_SOURCE, id=record["id"], sid=src["url"], url=src["url"], dataset=src["dataset"],
                       sentence=src["sentence"]).consume()
                if record["location"]:
                    tx.run(NAIVE_PLACE, id=record["id"], pid=record["location"]["id"],
                           name=record["location"]["name"]).consume()
                if record["status"] == "occurred":
                    ids = sorted({p["id"] for p in record["actors"]})
                    for i, u in enumerate(ids):
                        for v in ids[i + 1:]:
                            tx.run(NAIVE_PAIR, u=u, v=v).consume()
            session.execute_write(work)
    return time.perf_counter() - started


# ---------------------------------------------------------------- main


def server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) used so far by the server process, read from /proc (0 without a pid)."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_paths(store: Neo4jStore, pairs: list[tuple[str, str]], flt: EventFilter, **kwargs) -> dict:
    times, found, hops = [], 0, []
    for s, t in pairs:
        started = time.perf_counter()
        result = store.paths(s, t, flt, **kwargs)
        times.append((time.perf_counter() - started) * 1000)
        if result:
            found += 1
            hops.append(result[0].hops)
    return {"p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1), "found": f"{found}/{len(pairs)}",
            "mean_hops": round(statistics.mean(hops), 2) if hops else None}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", default="bolt://127.0.0.1:7687")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=0, help="default: events/40, at least 2000")
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--naive", type=int, default=5000, help="events for the naive loader (0: skip)")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--writers", type=int, default=1, help="concurrent upsert calls")
    parser.add_argument("--paths-only", action="store_true", help="time paths on the data already loaded")
    parser.add_argument("--server-pid", type=int, default=None, help="report the server's CPU time per event")
    args = parser.parse_args(argv)

    if args.paths_only:
        store = Neo4jStore(args.uri, create_schema=False)
        involved = sorted(r["id"] for r in store._read(
            "MATCH (a:Actor) WHERE EXISTS { (a)-[:PARTICIPATED_IN]->() } RETURN a.id AS id"))
        print(f"stats: {store.stats().model_dump(include={'actors', 'events'})}", flush=True)
        time_all_paths(store, involved, args)
        store.close()
        return

    rng = random.Random(args.seed)
    n_actors = args.actors or max(2000, args.events // 40)
    t0 = time.perf_counter()
    actors = make_actors(n_actors, rng)
    events = make_events(args.events, actors, args.seed)
    gc.freeze()  # a loader streams its input; a million generated dicts would only slow Python's GC here
    print(f"generated {len(events):,} events over {len(actors):,} actors in {time.perf_counter() - t0:.1f}s", flush=True)

    store = Neo4jStore(args.uri, batch_size=args.batch)
    store.clear()

    naive_rate = None
    if args.naive:
        subset = events[:args.naive]
        by_id = {a["id"]: a for a in actors}
        seconds = naive_load(store, by_id, subset)
        naive_rate = len(subset) / seconds
        print(f"naive loader: {len(subset):,} events in {seconds:.1f}s = {naive_rate:,.0f} events/s "
              "(one transaction per event, MERGE per node/relationship)", flush=True)
        store.clear()

    started = time.perf_counter()
    cpu_before = server_cpu(args.server_pid)
    store.upsert(actors, [])
    total = 0
    last_report = started
    batches = [events[i:i + args.batch] for i in range(0, len(events), args.batch)]
    with ThreadPoolExecutor(args.writers) as pool:  # each upsert is its own transaction(s)
        for result in pool.map(lambda chunk: store.upsert([], chunk), batches):
            total += result.new_events
            now = time.perf_counter()
            if now - last_report > 30:
                print(f"  {total:,} events, {total / (now - started):,.0f} events/s", flush=True)
                last_report = now
    seconds = time.perf_counter() - started
    rate = total / seconds
    cpu = server_cpu(args.server_pid) - cpu_before if args.server_pid else None
    print(f"batched upsert: {total:,} events in {seconds:.1f}s = {rate:,.0f} events/s "
          f"(batch {args.batch}, {args.writers} writer(s)"
          + (f", server CPU {cpu / total * 1e6:.0f} us/event" if cpu is not None else "") + ")", flush=True)
    if naive_rate:
        print(f"ratio batched/naive: {rate / naive_rate:.1f}x", flush=True)
    print(f"stats: {store.stats().model_dump(include={'actors', 'events'})}", flush=True)

    # path queries between random actors that took part in at least one event
    involved = sorted({p["id"] for e in events for p in e["actors"]})
    time_all_paths(store, involved, args)
    store.close()


def time_all_paths(store: Neo4jStore, involved: list[str], args: argparse.Namespace) -> None:
    """p50/p95 of `paths` over random pairs of involved actors: shortest, all shortest, k=3, filtered."""
    if args.pairs <= 0:
        return
    prng = random.Random(args.seed + 1)
    pairs = [tuple(prng.sample(involved, 2)) for _ in range(args.pairs)]
    store.paths(*pairs[0], EventFilter())  # warm-up
    runs = [
        ("shortest, no filter, max_hops=4", pairs, EventFilter(), {"max_hops": 4}),
        ("all shortest, no filter", pairs, EventFilter(), {"max_hops": 4, "all_shortest": True}),
        ("k=3 shortest, no filter", pairs[:50], EventFilter(), {"max_hops": 4, "k": 3}),
        ("shortest, types=CONSULT since 2020", pairs[:50], EventFilter(types=("CONSULT",), since="2020-01-01"),
         {"max_hops": 4}),
    ]
    for label, chosen, flt, kwargs in runs:
        print(f"paths [{label}] over {len(chosen)} pairs: {time_paths(store, chosen, flt, **kwargs)}", flush=True)


if __name__ == "__main__":
    main()
