"""The REST API over real stores (embedded and Neo4j): every route, and the 4xx answers for bad requests."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedStore
from graph.store import GraphStore
from tests.contract.test_store_contract import EVENTS, load


@pytest.fixture
def client(store: GraphStore) -> TestClient:
    """The API over each kind of store (the `store` fixture runs every test on both)."""
    load(store)
    with TestClient(create_app(store, api_key="")) as c:
        yield c


@pytest.fixture
def keyed(tmp_path: Path) -> TestClient:
    store = EmbeddedStore(tmp_path / "keyed")
    with TestClient(create_app(store, api_key="s3cret")) as c:
        yield c
    store.close()


def test_health_and_stats(client: TestClient) -> None:
    assert client.get("/health").json()["store"] in ("EmbeddedStore", "Neo4jStore")
    stats = client.get("/stats").json()
    assert stats["actors"] == 7 and stats["events"] == 10
    assert stats["by_type"]["CONSULT"] == 7 and stats["by_dataset"] == {"test": 10}


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/actors", "/actors/{actor_id}/counterparts", "/events", "/paths/shortest", "/ingest/text"} <= set(
        spec["paths"])


def test_actor_search(client: TestClient) -> None:
    items = client.get("/actors", params={"q": "khrenin", "limit": 3}).json()["items"]
    assert items[0] == {"id": "viktor-khrenin", "name": "Viktor Khrenin", "kind": "person", "aliases": [],
                        "country": "BLR", "title": None}
    assert client.get("/actors", params={"q": ""}).status_code == 422
    assert client.get("/actors", params={"q": "x", "limit": 0}).status_code == 422


def test_actor_profile_and_404_with_suggestions(client: TestClient) -> None:
    profile = client.get("/actors/li-shangfu").json()
    assert profile["actor"]["name"] == "Li Shangfu"
    assert profile["counterparts"] == 2  # the planned meeting with NATO does not count
    missing = client.get("/actors/li-shangfoo")
    assert missing.status_code == 404
    assert "li-shangfoo" in missing.json()["detail"]
    assert missing.json()["suggestions"][0]["id"] == "li-shangfu"


def test_counterparts(client: TestClient) -> None:
    items = client.get("/actors/li-shangfu/counterparts").json()["items"]
    assert [(i["actor"]["id"], i["events"], i["first"], i["last"], i["types"]) for i in items] == [
        ("viktor-khrenin", 2, "2023-04-28", "2023-08-16", ["CONSULT"]),
        ("wang-yi", 1, "2021-05-01", "2021-05-01", ["SUPPORT"])]
    planned = client.get("/actors/li-shangfu/counterparts", params={"status": "planned"}).json()["items"]
    assert [i["actor"]["id"] for i in planned] == ["nato"]
    in_2023 = client.get("/actors/viktor-khrenin/counterparts", params={"since": "2023", "until": "2023"}).json()
    assert [i["actor"]["id"] for i in in_2023["items"]] == ["li-shangfu", "RUS"]
    calls = client.get("/actors/viktor-khrenin/counterparts", params={"type": "call"}).json()["items"]
    assert [i["actor"]["id"] for i in calls] == ["RUS"]


@pytest.mark.parametrize("params, fragment", [
    ({"since": "2023-13"}, "since"), ({"until": "yesterday"}, "until"), ({"type": "FRIENDSHIP"}, "type"),
    ({"status": "rumoured"}, "status"), ({"since": "2024", "until": "2023"}, "after"),
])
def test_counterparts_bad_parameters_are_422(client: TestClient, params: dict, fragment: str) -> None:
    response = client.get("/actors/li-shangfu/counterparts", params=params)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_events_between_two_actors_by_name(client: TestClient) -> None:
    body = client.get("/events", params={"actor": "Li Shangfu", "with": "Viktor Khrenin"}).json()
    assert [e["date"] for e in body["items"]] == ["2023-08-16", "2023-04-28"]
    first = body["items"][0]
    assert first["type"] == "CONSULT" and first["mode"] == "visit" and first["cameo"] == "042"
    assert {a["name"] for a in first["actors"]} == {"Li Shangfu", "Viktor Khrenin"}
    assert first["source"]["sentence"] == "Sentence e1." and first["location"]["name"] == "Minsk"
    assert client.get(f"/events/{first['id']}").json() == first
    assert client.get("/events/nope").status_code == 404


def test_events_between_states_with_their_members(client: TestClient) -> None:
    only_states = client.get("/events", params={"actor": "Russia", "with": "NATO"}).json()["items"]
    assert [e["cameo"] for e in only_states] == ["062"]
    with_members = client.get("/events", params={"actor": "Russia", "with": "NATO", "members": True}).json()
    assert [e["cameo"] for e in with_members["items"]] == ["062", "070"]
    assert {a["name"] for a in with_members["items"][1]["actors"]} == {"Sergey Lavrov", "NATO"}


def test_events_pagination_and_filters(client: TestClient) -> None:
    seen, cursor = [], None
    while True:
        params = {"limit": 4} | ({"cursor": cursor} if cursor else {})
        body = client.get("/events", params=params).json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 10
    assert client.get("/events", params={"cursor": "garbage"}).status_code == 422
    assert client.get("/events", params={"limit": 5000}).status_code == 422
    planned = client.get("/events", params={"status": "planned"}).json()["items"]
    assert [e["date"] for e in planned] == ["2024-01-10"]
    agreements = client.get("/events", params={"type": "057,AID"}).json()["items"]
    assert [e["cameo"] for e in agreements] == ["057", "070"]
    unknown = client.get("/events", params={"actor": "Nobody Atall"})
    assert unknown.status_code == 404 and "actor" in unknown.json()["detail"]


def test_shortest_paths(client: TestClient) -> None:
    body = client.get("/paths/shortest", params={"source": "Li Shangfu", "target": "NATO"}).json()
    [path] = body["paths"]
    assert path["hops"] == 3
    assert [a["id"] for a in path["actors"]] == ["li-shangfu", "viktor-khrenin", "RUS", "nato"]
    assert [[e["date"] for e in hop] for hop in path["events"]] == [["2023-08-16", "2023-04-28"], ["2023-07"],
                                                                    ["2022"]]
    every = client.get("/paths/shortest", params={"source": "li-shangfu", "target": "nato", "all": True}).json()
    assert len(every["paths"]) == 2
    k3 = client.get("/paths/shortest", params={"source": "li-shangfu", "target": "nato", "k": 3,
                                               "max_hops": 5}).json()
    assert [p["hops"] for p in k3["paths"]] == [3, 3, 4]
    none = client.get("/paths/shortest", params={"source": "li-shangfu", "target": "nato", "max_hops": 2}).json()
    assert none == {"paths": []}


@pytest.mark.parametrize("params, status", [
    ({"source": "li-shangfu", "target": "nato", "max_hops": 50}, 422),
    ({"source": "li-shangfu", "target": "nato", "k": 500}, 422),
    ({"source": "li-shangfu"}, 422),
    ({"source": "li-shangfu", "target": "Nobody"}, 404),
])
def test_paths_bad_requests(client: TestClient, params: dict, status: int) -> None:
    assert client.get("/paths/shortest", params=params).status_code == status


def test_post_events_loads_valid_reports_invalid(client: TestClient) -> None:
    good = {"type": "CONSULT", "mode": "phone", "date": "2024-02-02", "actors": [
        {"name": "Wang Yi"}, {"name": "Antony Blinken", "kind": "person", "country": "USA"}],
        "source": {"url": "https://news.example/call", "sentence": "Wang Yi spoke with Antony Blinken by phone."}}
    bad = {"type": "CONSULT", "cameo": "13y", "actors": [], "source": {}}
    body = client.post("/events", json=[good, bad]).json()
    assert (body["read"], body["loaded"], body["new"], body["skipped"]) == (2, 1, 1, 1)
    assert body["errors"][0]["line"] == 1 and "cameo" in body["errors"][0]["reason"]
    again = client.post("/events", json=[good]).json()
    assert again["new"] == 0
    assert client.get("/stats").json()["events"] == 11
    calls = client.get("/actors/wang-yi/counterparts", params={"type": "phone"}).json()["items"]
    assert [c["actor"]["id"] for c in calls] == ["antony-blinken"]
    assert client.post("/events", json=[bad]).status_code == 422
    assert client.post("/events", json={"not": "a list"}).status_code == 422


def test_writes_need_the_api_key_when_configured(keyed: TestClient) -> None:
    event = {"type": "CONSULT", "actors": [{"name": "A Person"}, {"name": "B Person"}], "source": {"url": "u"}}
    assert keyed.post("/events", json=[event]).status_code == 401
    assert keyed.post("/events", json=[event], headers={"X-API-Key": "wrong"}).status_code == 401
    assert keyed.post("/events", json=[event], headers={"X-API-Key": "s3cret"}).json()["loaded"] == 1
    assert keyed.get("/stats").status_code == 200  # reads stay open


def test_ingest_text_rejects_bad_input(client: TestClient) -> None:
    assert client.post("/ingest/text", json={"text": ""}).status_code == 422
    assert client.post("/ingest/text", json={"text": "x", "published": "13/45/2023"}).status_code == 422
