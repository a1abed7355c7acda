"""The store contract: every GraphStore implementation must pass this suite with the same answers.

The graph (occurred events unless noted):

    li-shangfu ─e1,e2─ viktor-khrenin ─e3─ RUS ─e4─ nato
        │                    │             │        │
        e6                  e11 (undated)  e10      e8
        │                    │             │        │
     wang-yi ──────e7──── alexander-     sergey-lavrov
                          lukashenko
    li-shangfu ─e5 (planned)─ nato

so li-shangfu → nato has two shortest paths of 3 hops (via viktor-khrenin and via wang-yi), and the
planned e5 must never be used as a link.
"""

from __future__ import annotations

import pytest

from graph.model import Event
from graph.resolve import ActorResolver
from graph.store import EventFilter, GraphStore

PEOPLE = {
    "Li Shangfu": ("person", "CHN"), "Viktor Khrenin": ("person", "BLR"), "Wang Yi": ("person", "CHN"),
    "Sergey Lavrov": ("person", "RUS"), "Alexander Lukashenko": ("person", "BLR"),
    "NATO": ("organisation", None), "Russia": ("state", "RUS"),
}


def _ev(key: str, type_: str, names: list[str], date: str | None, cameo: str | None = None,
        status: str = "occurred", roles: list[str] | None = None, place: str | None = None) -> Event:
    actors = []
    for i, name in enumerate(names):
        kind, country = PEOPLE[name]
        actors.append({"name": name, "kind": kind, "country": country,
                       "role": roles[i] if roles else "participant"})
    return Event(type=type_, cameo=cameo, date=date, status=status, actors=actors,
                 location={"name": place} if place else None,
                 source={"dataset": "test", "url": f"https://news.example/{key}", "sentence": f"Sentence {key}.",
                         "start": 0, "end": 12})


EVENTS = [
    _ev("e1", "CONSULT", ["Li Shangfu", "Viktor Khrenin"], "2023-08-16", "042", roles=["source", "target"],
        place="Minsk"),
    _ev("e2", "CONSULT", ["Li Shangfu", "Viktor Khrenin"], "2023-04-28", "040", place="New Delhi"),
    _ev("e3", "CONSULT", ["Viktor Khrenin", "Russia"], "2023-07", "041"),
    _ev("e4", "COOPERATE", ["Russia", "NATO"], "2022", "062"),
    _ev("e5", "CONSULT", ["Li Shangfu", "NATO"], "2024-01-10", "040", status="planned"),
    _ev("e6", "SUPPORT", ["Li Shangfu", "Wang Yi"], "2021-05-01", "057"),
    _ev("e7", "CONSULT", ["Wang Yi", "Sergey Lavrov"], "2021-06-01", "044"),
    _ev("e8", "AID", ["Sergey Lavrov", "NATO"], "2020-03-01", "070"),
    _ev("e10", "CONSULT", ["Russia", "Sergey Lavrov"], "2023-02-01", "040"),
    _ev("e11", "CONSULT", ["Viktor Khrenin", "Alexander Lukashenko"], None, "040"),
]


def load(store: GraphStore, events: list[Event] = EVENTS):  # noqa: ANN201 - returns UpsertResult
    actors, records = ActorResolver(store).resolve(events)
    return store.upsert(actors, records)


def ids(page_items: list) -> list[str]:
    return [r["id"] for r in page_items]


def path_ids(paths: list) -> list[list[str]]:
    return [[a.id for a in p.actors] for p in paths]


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    load(store)
    return store


def test_upsert_counts_and_stats(store: GraphStore) -> None:
    result = load(store)
    assert (result.new_events, result.merged_events, result.new_actors) == (10, 0, 7)
    stats = store.stats()
    assert (stats.actors, stats.events) == (7, 10)
    assert stats.by_type == {"CONSULT": 7, "COOPERATE": 1, "SUPPORT": 1, "AID": 1}
    assert stats.by_dataset == {"test": 10}


def test_reload_changes_nothing(loaded: GraphStore) -> None:
    before = loaded.stats()
    first = {e: loaded.get_event(e) for e in ids(loaded.events(EventFilter(), limit=100).items)}
    result = load(loaded)
    assert (result.new_events, result.merged_events, result.new_actors) == (0, 10, 0)
    assert loaded.stats() == before
    assert {e: loaded.get_event(e) for e in first} == first


def test_new_report_of_known_event_is_kept_as_provenance(loaded: GraphStore) -> None:
    again = EVENTS[0].model_copy(update={"source": EVENTS[0].source.model_copy(
        update={"url": "https://other.example/e1", "sentence": "Another outlet says so."})})
    result = load(loaded, [again])
    assert (result.new_events, result.merged_events) == (0, 1)
    event_id = ids(loaded.events(EventFilter(actor="li-shangfu", types=("042",))).items)[0]
    record = loaded.get_event(event_id)
    assert record is not None
    assert record["source"]["url"] == "https://news.example/e1"
    assert [s["url"] for s in record["also_reported"]] == ["https://other.example/e1"]
    load(loaded, [again])
    assert len(loaded.get_event(event_id)["also_reported"]) == 1
    assert loaded.stats().events == 10


def test_event_record_round_trips(loaded: GraphStore) -> None:
    page = loaded.events(EventFilter(actor="li-shangfu", types=("042",)))
    assert len(page.items) == 1
    record = page.items[0]
    assert loaded.get_event(record["id"]) == record
    assert record["type"] == "CONSULT" and record["mode"] == "visit" and record["cameo"] == "042"
    assert record["date"] == "2023-08-16" and record["precision"] == "YYYY-MM-DD"
    assert record["location"]["name"] == "Minsk"
    assert sorted((a["id"], a["role"]) for a in record["actors"]) == [("li-shangfu", "source"),
                                                                     ("viktor-khrenin", "target")]
    assert record["source"]["sentence"] == "Sentence e1."
    assert loaded.get_event("no-such-event") is None


def test_actor_with_unknown_reference_is_refused(store: GraphStore) -> None:
    _, records = ActorResolver(store).resolve([EVENTS[0]])
    with pytest.raises(ValueError):
        store.upsert([], records)
    assert store.stats().events == 0


def test_actors_and_aliases(loaded: GraphStore) -> None:
    actor = loaded.get_actor("li-shangfu")
    assert actor is not None and actor["name"] == "Li Shangfu" and actor["kind"] == "person"
    assert actor["country"] == "CHN"
    assert loaded.get_actor("RUS")["kind"] == "state"
    assert loaded.get_actor("nobody") is None
    loaded.upsert([{"id": "li-shangfu", "name": "Li", "kind": "person", "aliases": ["General Li"],
                    "country": "CHN", "title": "Defence Minister"}], [])
    actor = loaded.get_actor("li-shangfu")
    assert actor["name"] == "Li Shangfu"
    assert {"Li", "General Li"} <= set(actor["aliases"])
    assert actor["title"] == "Defence Minister"
    assert loaded.actors_by_alias(["general li", "li shangfu", "unknown"]) == {
        "general li": "li-shangfu", "li shangfu": "li-shangfu"}
    assert set(loaded.get_actors(["li-shangfu", "RUS", "nobody"])) == {"li-shangfu", "RUS"}


@pytest.mark.parametrize("query, expected", [
    ("Khrenin", "viktor-khrenin"), ("sergey lavrov", "sergey-lavrov"), ("Lavrov", "sergey-lavrov"),
    ("NATO", "nato"), ("Viktor Khrenn", "viktor-khrenin"), ("russia", "RUS"),
])
def test_search_actors_fuzzy(loaded: GraphStore, query: str, expected: str) -> None:
    hits = loaded.search_actors(query, limit=3)
    assert hits and hits[0]["id"] == expected


def test_search_actors_limit_and_no_match(loaded: GraphStore) -> None:
    assert len(loaded.search_actors("a", limit=2)) <= 2
    assert loaded.search_actors("zzzzqqqq") == []


def test_counterparts(loaded: GraphStore) -> None:
    got = loaded.counterparts("li-shangfu", EventFilter())
    assert [(c.actor.id, c.events, c.first, c.last, c.types) for c in got] == [
        ("viktor-khrenin", 2, "2023-04-28", "2023-08-16", ["CONSULT"]),
        ("nato", 1, "2024-01-10", "2024-01-10", ["CONSULT"]),
        ("wang-yi", 1, "2021-05-01", "2021-05-01", ["SUPPORT"]),
    ]
    occurred = loaded.counterparts("li-shangfu", EventFilter(statuses=("occurred",)))
    assert [c.actor.id for c in occurred] == ["viktor-khrenin", "wang-yi"]


def test_counterparts_filtered(loaded: GraphStore) -> None:
    in_2023 = loaded.counterparts("viktor-khrenin", EventFilter(since="2023-01-01", until="2023-12-31"))
    assert [(c.actor.id, c.events) for c in in_2023] == [("li-shangfu", 2), ("RUS", 1)]
    phone = loaded.counterparts("viktor-khrenin", EventFilter(types=("phone",)))
    assert [c.actor.id for c in phone] == ["RUS"]
    assert loaded.counterparts("nobody", EventFilter()) == []


def test_events_between_two_actors_newest_first(loaded: GraphStore) -> None:
    page = loaded.events(EventFilter(actor="li-shangfu", with_actor="viktor-khrenin"))
    assert [r["date"] for r in page.items] == ["2023-08-16", "2023-04-28"]
    assert page.next_cursor is None


@pytest.mark.parametrize("flt, expected_dates", [
    (EventFilter(types=("CONSULT",), statuses=("planned",)), ["2024-01-10"]),
    (EventFilter(types=("04",), since="2023-07-15", until="2023-07-20"), ["2023-07"]),
    (EventFilter(types=("057", "AID")), ["2021-05-01", "2020-03-01"]),
    (EventFilter(types=("cooperate",)), ["2022"]),
    (EventFilter(since="2022-06-01", until="2022-06-30"), ["2022"]),
    (EventFilter(actor="viktor-khrenin"), ["2023-08-16", "2023-07", "2023-04-28", None]),
    (EventFilter(actor="viktor-khrenin", since="1900-01-01"), ["2023-08-16", "2023-07", "2023-04-28"]),
])
def test_events_filters(loaded: GraphStore, flt: EventFilter, expected_dates: list) -> None:
    assert [r["date"] for r in loaded.events(flt, limit=50).items] == expected_dates


@pytest.mark.parametrize("flt, expected_dates", [
    (EventFilter(actor="RUS", members=True), ["2023-07", "2023-02-01", "2022", "2021-06-01", "2020-03-01"]),
    (EventFilter(actor="RUS"), ["2023-07", "2023-02-01", "2022"]),
    (EventFilter(actor="RUS", with_actor="nato", members=True), ["2022", "2020-03-01"]),
    (EventFilter(actor="nato", with_actor="RUS", members=True, types=("AID",)), ["2020-03-01"]),
    (EventFilter(actor="viktor-khrenin", with_actor="RUS", members=True), ["2023-07"]),
    (EventFilter(actor="viktor-khrenin", members=True), ["2023-08-16", "2023-07", "2023-04-28", None]),
])
def test_events_of_a_state_with_its_members(loaded: GraphStore, flt: EventFilter, expected_dates: list) -> None:
    assert [r["date"] for r in loaded.events(flt, limit=50).items] == expected_dates


def test_events_pagination_visits_each_event_once_in_order(loaded: GraphStore) -> None:
    everything = loaded.events(EventFilter(), limit=100).items
    assert len(everything) == 10
    seen, cursor = [], None
    while True:
        page = loaded.events(EventFilter(), limit=3, cursor=cursor)
        seen.extend(page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert ids(seen) == ids(everything)
    assert everything[-1]["date"] is None
    dates = [r["date_start"] for r in everything if r["date_start"]]
    assert dates == sorted(dates, reverse=True)


def test_bad_cursor_is_a_value_error(loaded: GraphStore) -> None:
    with pytest.raises(ValueError):
        loaded.events(EventFilter(), cursor="not-a-cursor")


def test_shortest_path_ignores_planned_events_and_breaks_ties_by_ids(loaded: GraphStore) -> None:
    paths = loaded.paths("li-shangfu", "nato", EventFilter(), max_hops=4)
    assert path_ids(paths) == [["li-shangfu", "viktor-khrenin", "RUS", "nato"]]
    path = paths[0]
    assert path.hops == 3
    assert [[e.date for e in hop] for hop in path.events] == [["2023-08-16", "2023-04-28"], ["2023-07"], ["2022"]]
    assert path.events[0][0].url == "https://news.example/e1"
    assert path.events[0][0].sentence == "Sentence e1."


def test_all_shortest_paths(loaded: GraphStore) -> None:
    paths = loaded.paths("li-shangfu", "nato", EventFilter(), max_hops=4, all_shortest=True)
    assert path_ids(paths) == [["li-shangfu", "viktor-khrenin", "RUS", "nato"],
                               ["li-shangfu", "wang-yi", "sergey-lavrov", "nato"]]


def test_k_shortest_simple_paths(loaded: GraphStore) -> None:
    paths = loaded.paths("li-shangfu", "nato", EventFilter(), max_hops=5, k=3)
    assert path_ids(paths) == [["li-shangfu", "viktor-khrenin", "RUS", "nato"],
                               ["li-shangfu", "wang-yi", "sergey-lavrov", "nato"],
                               ["li-shangfu", "viktor-khrenin", "RUS", "sergey-lavrov", "nato"]]
    assert [p.hops for p in paths] == [3, 3, 4]
    assert len(loaded.paths("li-shangfu", "nato", EventFilter(), max_hops=3, k=3)) == 2


def test_paths_respect_max_hops_and_filters(loaded: GraphStore) -> None:
    assert loaded.paths("li-shangfu", "nato", EventFilter(), max_hops=2) == []
    assert loaded.paths("li-shangfu", "nato", EventFilter(since="2023-01-01"), max_hops=6) == []
    older = loaded.paths("li-shangfu", "nato", EventFilter(since="2020-01-01", until="2022-12-31"), max_hops=4)
    assert path_ids(older) == [["li-shangfu", "wang-yi", "sergey-lavrov", "nato"]]
    assert loaded.paths("li-shangfu", "nato", EventFilter(types=("CONSULT",)), max_hops=6) == []
    typed = loaded.paths("li-shangfu", "nato", EventFilter(types=("CONSULT", "COOPERATE")), max_hops=6)
    assert path_ids(typed) == [["li-shangfu", "viktor-khrenin", "RUS", "nato"]]


def test_paths_reverse_direction_and_disconnected(loaded: GraphStore) -> None:
    back = loaded.paths("nato", "li-shangfu", EventFilter(), max_hops=4)
    assert path_ids(back) == [["nato", "RUS", "viktor-khrenin", "li-shangfu"]]
    loaded.upsert([{"id": "loner", "name": "Loner", "kind": "person", "aliases": [], "country": None}], [])
    assert loaded.paths("li-shangfu", "loner", EventFilter(), max_hops=6) == []
    assert loaded.paths("li-shangfu", "li-shangfu", EventFilter(), max_hops=6) == []


def test_event_without_identifiable_actors_is_kept_but_links_nobody(loaded: GraphStore) -> None:
    anonymous = Event(type="CONSULT", cameo="040", date="2023-08-16", actors=[],
                      source={"dataset": "test", "url": "https://news.example/anon"}, attrs={"actor1_code": "BUS"})
    result = load(loaded, [anonymous])
    assert (result.new_events, result.new_actors) == (1, 0)
    [record] = [r for r in loaded.events(EventFilter(since="2023-08-16", until="2023-08-16")).items
                if not r["actors"]]
    assert record["attrs"] == {"actor1_code": "BUS"} and loaded.get_event(record["id"]) == record
    assert loaded.stats().events == 11
    assert [c.actor.id for c in loaded.counterparts("li-shangfu", EventFilter(statuses=("occurred",)))] == [
        "viktor-khrenin", "wang-yi"]
