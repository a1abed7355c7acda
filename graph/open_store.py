"""Pick the store from a spec: a bolt:// or neo4j:// URI means Neo4j, anything else is an embedded store folder."""

from __future__ import annotations

import os
from pathlib import Path

from graph.store import GraphStore

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def default_store_path() -> Path:
    """Where the embedded store lives when nothing is configured."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dipgraph" / "store"


def resolve_spec(spec: str | None) -> str:
    """The effective store spec: the argument, else $DIPGRAPH_STORE, else the default folder."""
    return spec or os.environ.get("DIPGRAPH_STORE") or str(default_store_path())


def open_store(spec: str | None = None, read_only: bool = False) -> GraphStore:
    """Open the store named by `spec` (see `resolve_spec`)."""
    spec = resolve_spec(spec)
    if spec.startswith(NEO4J_SCHEMES):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(spec)
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(Path(spec).expanduser(), read_only=read_only)
