"""The local Neo4j server from Maven Central jars, for real: start, Bolt, Browser, style server, auth, stop.

Jars come from the shared cache (``DIPGRAPH_CACHE`` or ``~/.cache/dipgraph``; the first run assembles them);
every session gets its own temporary run folders and free loopback ports.
"""

from __future__ import annotations

import dataclasses
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError
from typer.testing import CliRunner

from api.cli_neo4j import neo4j_app
from graph import neo4j_local

pytestmark = pytest.mark.neo4j


def _free_ports(count: int) -> list[int]:
    socks = [socket.socket() for _ in range(count)]
    try:
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def _settings(home: Path, *, auth: bool, password: str | None = None) -> neo4j_local.Settings:
    bolt, http, static = _free_ports(3)
    base = neo4j_local.Settings.from_env(auth=auth, bolt_port=bolt, http_port=http, static_port=static, home=home)
    return dataclasses.replace(base, password=password)


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[neo4j_local.Settings]:
    settings = _settings(tmp_path_factory.mktemp("neo4j-run"), auth=False)
    yield settings
    neo4j_local.stop(settings)


def test_not_running_before_start(settings: neo4j_local.Settings) -> None:
    info = neo4j_local.status(settings)
    assert info["running"] is False and info["pid"] is None
    assert info["bolt_uri"] == f"bolt://127.0.0.1:{settings.bolt_port}"


def test_cli_status_json_before_start(settings: neo4j_local.Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPGRAPH_NEO4J_HOME", str(settings.home))
    monkeypatch.setenv("DIPGRAPH_NEO4J_BOLT_PORT", str(settings.bolt_port))
    result = CliRunner().invoke(neo4j_app, ["status", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["running"] is False
    assert info["bolt_uri"] == f"bolt://127.0.0.1:{settings.bolt_port}" and info["http_uri"].startswith("http://")


def test_start_answers_bolt(settings: neo4j_local.Settings) -> None:
    info = neo4j_local.start(settings)
    assert info["running"] is True and info["pid"] and info["version"].startswith(neo4j_local.SERIES + ".")
    with GraphDatabase.driver(info["bolt_uri"]) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one")
        assert records[0]["one"] == 1
        components, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition RETURN *")
    assert components[0]["versions"] == [info["version"]] and components[0]["edition"] == "community"


def test_start_again_is_a_no_op(settings: neo4j_local.Settings) -> None:
    pid = neo4j_local.status(settings)["pid"]
    assert neo4j_local.start(settings)["pid"] == pid


def test_browser_serves_html(settings: neo4j_local.Settings) -> None:
    response = httpx.get(neo4j_local.status(settings)["browser_uri"], timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>Neo4j Browser</title>" in response.text


def test_browser_config_points_at_style_and_guide(settings: neo4j_local.Settings) -> None:
    with GraphDatabase.driver(neo4j_local.bolt_uri(settings)) as driver:
        records, _, _ = driver.execute_query("CALL dbms.clientConfig() YIELD name, value RETURN name, value")
    config = {r["name"]: r["value"] for r in records}
    base = neo4j_local.static_base(settings)
    assert config["browser.post_connect_cmd"] == f"style {base}/dipgraph.grass; play {base}/guide.html"
    assert "127.0.0.1" in config["browser.remote_content_hostname_whitelist"].split(",")


def test_style_and_guide_served_with_cors(settings: neo4j_local.Settings) -> None:
    info = neo4j_local.status(settings)
    origin = {"Origin": neo4j_local.http_uri(settings)}
    grass = httpx.get(info["style_uri"], headers=origin, timeout=10)
    assert grass.status_code == 200 and grass.headers["access-control-allow-origin"] == "*"
    assert "node.Actor" in grass.text and "relationship.INTERACTED" in grass.text
    # the Browser sends no-cache headers, so it preflights
    preflight = httpx.request(
        "OPTIONS",
        info["guide_uri"],
        timeout=10,
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control",
        },
    )
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == "*"
    assert "pragma" in preflight.headers["access-control-allow-headers"]
    guide = httpx.get(info["guide_uri"], headers=origin, timeout=10)
    assert guide.status_code == 200 and "<slide" in guide.text


def test_stop_leaves_it_not_running(settings: neo4j_local.Settings) -> None:
    pid = neo4j_local.status(settings)["pid"]
    assert neo4j_local.stop(settings) is True
    info = neo4j_local.status(settings)
    assert info["running"] is False and info["pid"] is None
    assert not Path(f"/proc/{pid}/cmdline").exists() or not Path(f"/proc/{pid}/cmdline").read_bytes()
    with pytest.raises(httpx.TransportError):
        httpx.get(info["style_uri"], timeout=2)
    assert neo4j_local.stop(settings) is False


def test_auth_uses_the_initial_password(tmp_path: Path) -> None:
    password = "dipgraph-test-pw"
    settings = _settings(tmp_path / "auth-run", auth=True, password=password)
    try:
        info = neo4j_local.start(settings)
        assert info["auth"] is True and info["user"] == neo4j_local.USER
        with GraphDatabase.driver(info["bolt_uri"], auth=(neo4j_local.USER, password)) as driver:
            assert driver.execute_query("RETURN 1 AS one")[0][0]["one"] == 1
        wrong = GraphDatabase.driver(info["bolt_uri"], auth=(neo4j_local.USER, "not-the-password"))
        with wrong, pytest.raises(AuthError):
            wrong.verify_connectivity()
    finally:
        neo4j_local.stop(settings)


def test_auth_without_password_fails_clearly(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "no-pw", auth=True, password=None)
    with pytest.raises(neo4j_local.Neo4jLocalError, match="NEO4J_PASSWORD"):
        neo4j_local.start(settings)
    assert neo4j_local.status(settings)["running"] is False
