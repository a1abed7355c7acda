"""Which Neo4j server the tests use, started on demand and stopped at exit.

`neo4j_uri()` picks, in order:
1. `NEO4J_URI` (with `NEO4J_USER` / `NEO4J_PASSWORD`) when set;
2. a testcontainers `Neo4jContainer("neo4j:5.26-community")` when a Docker engine answers (checked in ~2 s);
3. the local server of `graph.neo4j_local` (Neo4j 5.26 assembled from Maven Central jars), on free loopback
   ports with a temporary run folder, auth off.
It raises `Neo4jUnavailableError` with the reason of each failure when none works: CI must not skip silently.
The answer is cached for the process; whatever was started here is stopped by `stop()` or at interpreter exit.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

IMAGE = "neo4j:5.26-community"
DOCKER_PING_TIMEOUT = 2.0

_lock = threading.Lock()
_cached: tuple[str, str | None, str | None] | None = None
_cleanups: list[Callable[[], None]] = []


class Neo4jUnavailableError(RuntimeError):
    """No Neo4j server could be found or started for the tests."""


def _docker_reachable() -> bool:
    """Whether a Docker engine answers `/_ping` quickly (unix socket or tcp DOCKER_HOST)."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    try:
        if host.startswith("unix://"):
            path = host.removeprefix("unix://")
            if not Path(path).exists():
                return False
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(DOCKER_PING_TIMEOUT)
            sock.connect(path)
        elif host.startswith("tcp://"):
            hostport = host.removeprefix("tcp://").split("/")[0]
            name, _, port = hostport.rpartition(":")
            sock = socket.create_connection((name, int(port)), timeout=DOCKER_PING_TIMEOUT)
        else:
            return False
        with sock:
            sock.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
            reply = sock.recv(256)
        return reply.startswith(b"HTTP/1.") and b" 200 " in reply.split(b"\r\n", 1)[0]
    except (OSError, ValueError):
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _from_container() -> tuple[str, str | None, str | None]:
    from testcontainers.neo4j import Neo4jContainer

    container = Neo4jContainer(IMAGE)
    container.start()
    _cleanups.append(container.stop)
    return container.get_connection_url(), container.username, container.password


def _from_local() -> tuple[str, str | None, str | None]:
    from graph import neo4j_local

    home = Path(tempfile.mkdtemp(prefix="dipgraph-neo4j-test-"))
    ports: set[int] = set()
    while len(ports) < 3:
        ports.add(_free_port())
    bolt, http, static = sorted(ports)
    settings = neo4j_local.Settings.from_env(auth=False, bolt_port=bolt, http_port=http, static_port=static, home=home)

    def cleanup() -> None:
        try:
            neo4j_local.stop(settings)
        finally:
            shutil.rmtree(home, ignore_errors=True)

    _cleanups.append(cleanup)
    info = neo4j_local.start(settings, timeout=240)
    return info["bolt_uri"], None, None


def neo4j_uri() -> tuple[str, str | None, str | None]:
    """(uri, user, password) of a Neo4j server for the tests; see the module docstring for the order."""
    global _cached
    with _lock:
        if _cached is not None:
            return _cached
        if uri := os.environ.get("NEO4J_URI"):
            _cached = (uri, os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD"))
            return _cached
        reasons = ["NEO4J_URI is not set"]
        if _docker_reachable():
            try:
                _cached = _from_container()
                return _cached
            except Exception as exc:  # noqa: BLE001 - fall through to the local server, keep the reason
                reasons.append(f"testcontainers {IMAGE} failed: {type(exc).__name__}: {exc}")
        else:
            reasons.append("no Docker engine answers (DOCKER_HOST or /var/run/docker.sock)")
        try:
            _cached = _from_local()
            return _cached
        except Exception as exc:  # noqa: BLE001 - reported below with the other reasons
            reasons.append(f"local server (graph/neo4j_local.py) failed: {type(exc).__name__}: {exc}")
        raise Neo4jUnavailableError("no Neo4j server for the tests:\n- " + "\n- ".join(reasons))


def stop() -> None:
    """Stop whatever `neo4j_uri()` started (idempotent)."""
    global _cached
    with _lock:
        while _cleanups:
            try:
                _cleanups.pop()()
            except Exception:  # noqa: BLE001, S110 - best effort at exit
                pass
        _cached = None


atexit.register(stop)
