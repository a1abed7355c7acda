"""Path-finding between actors as plain functions over a networkx actor graph.

The actor graph has an edge wherever two actors share an event; `edge_ok(u, v)` says whether that
edge counts under the query's filters. Ties between equally short paths are broken by the sequence
of actor ids, so every store returns the same path for the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

import networkx as nx

MAX_CANDIDATES = 1000


def _view(graph: nx.Graph, edge_ok: Callable[[str, str], bool]) -> nx.Graph:
    return nx.subgraph_view(graph, filter_edge=edge_ok)


def _bounded_shortest(view: nx.Graph, source: str, target: str, max_hops: int) -> list[list[str]]:
    try:
        length = nx.shortest_path_length(view, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    if length > max_hops or length == 0:
        return []
    paths = islice(nx.all_shortest_paths(view, source, target), MAX_CANDIDATES)
    return sorted(paths)


def shortest_paths(graph: nx.Graph, source: str, target: str, max_hops: int,
                   edge_ok: Callable[[str, str], bool], all_shortest: bool = False) -> list[list[str]]:
    """The shortest path (first by actor ids) or, with `all_shortest`, every shortest path, within `max_hops`."""
    if source not in graph or target not in graph:
        return []
    paths = _bounded_shortest(_view(graph, edge_ok), source, target, max_hops)
    return paths if all_shortest else paths[:1]


def k_shortest_paths(graph: nx.Graph, source: str, target: str, max_hops: int, k: int,
                     edge_ok: Callable[[str, str], bool]) -> list[list[str]]:
    """The k shortest simple paths within `max_hops`, shortest first, ties by actor ids."""
    if source not in graph or target not in graph or source == target:
        return []
    view = _view(graph, edge_ok)
    found: list[list[str]] = []
    try:
        for path in islice(nx.shortest_simple_paths(view, source, target), MAX_CANDIDATES):
            if len(path) - 1 > max_hops:
                break
            if len(found) >= k and len(path) > len(found[k - 1]):
                break
            found.append(path)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    found.sort(key=lambda p: (len(p), p))
    return found[:k]
