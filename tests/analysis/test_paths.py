"""The main paths' k-shortest-paths search finds exactly what networkx's shortest_simple_paths finds,
ties included (equal weights are the rule in a journey map: every drawn arrow costs the same)."""

from __future__ import annotations

import random
from itertools import islice

import networkx as nx
import pytest

from cjm_editor.analysis.paths import Weights, add_edge, has_path, k_shortest_simple_paths

Node = str | tuple[str]


def random_edges(rng: random.Random) -> list[tuple[Node, Node, float]]:
    n = rng.randint(2, 40)
    names = [f"n{i}" for i in range(n)]
    edges: list[tuple[Node, Node, float]] = []
    for _ in range(rng.randint(1, 5 * n)):
        a, b = rng.sample(names, 2)
        edges.append((a, b, rng.choice([1.0, 1.0, 3.0, 3.0, 5.0, 0.5, 2.0])))
    start: tuple[str] = ("__start__",)
    end: tuple[str] = ("__end__",)
    edges += [(start, v, 0.0) for v in rng.sample(names, rng.randint(1, min(4, n)))]
    edges += [(v, end, 0.0) for v in rng.sample(names, rng.randint(1, min(4, n)))]
    return edges


@pytest.mark.parametrize("seed", range(300))
def test_same_paths_as_networkx(seed: int) -> None:
    rng = random.Random(seed)
    edges = random_edges(rng)
    k = rng.randint(1, 6)
    g = nx.DiGraph()
    succ: Weights[Node] = {}
    pred: Weights[Node] = {}
    for a, b, w in edges:
        g.add_edge(a, b, weight=w)
        add_edge(succ, pred, a, b, w)
    start, end = ("__start__",), ("__end__",)
    assert has_path(succ, start, end) == nx.has_path(g, start, end)
    if not nx.has_path(g, start, end):
        return
    expected = list(islice(nx.shortest_simple_paths(g, start, end, weight="weight"), k))
    assert k_shortest_simple_paths(succ, pred, start, end, k) == expected
