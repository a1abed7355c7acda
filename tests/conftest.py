"""Shared fixtures: a store of each kind, so one contract suite runs against both implementations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.store import GraphStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _neo4j_required() -> bool:
    return os.environ.get("DIPGRAPH_REQUIRE_NEO4J") == "1"


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[tuple[str, str | None, str | None]]:
    """(uri, user, password) of a real Neo4j: NEO4J_URI, else testcontainers, else the local server."""
    try:
        from tests.neo4j_server import neo4j_uri
        server = neo4j_uri()
    except Exception as exc:  # noqa: BLE001 - any failure to get a server is reported the same way
        if _neo4j_required():
            pytest.fail(f"no Neo4j server available: {exc}")
        pytest.skip(f"no Neo4j server available: {exc}")
    yield server


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each kind."""
    if request.param == "embedded":
        s: GraphStore = EmbeddedStore(tmp_path / "store")
    else:
        from graph.neo4j_store import Neo4jStore
        uri, user, password = request.getfixturevalue("neo4j_server")
        s = Neo4jStore(uri, user=user, password=password)
        s.clear()
    yield s
    s.close()
