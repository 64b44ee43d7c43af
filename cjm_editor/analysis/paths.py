"""The k cheapest simple paths between two nodes, for the main paths (analysis layer).

This is networkx's `shortest_simple_paths` (Yen's algorithm with its bidirectional Dijkstra) worked
on plain dicts of edge weights instead of graph views: the same searches in the same order (the same
neighbour order, heap counter and tie-breaks), so it finds the very paths networkx finds, without a
filtered view, a generator and a weight lookup per edge visited. tests/analysis/test_paths.py checks
it against networkx on graphs full of ties.
"""

from __future__ import annotations

from collections.abc import Hashable
from heapq import heappop, heappush
from itertools import count
from typing import TypeVar

N = TypeVar("N", bound=Hashable)
Weights = dict[N, dict[N, float]]
"""Adjacency with each edge's weight: succ[u][v] (and pred[v][u]) in the order the edges were added."""


def add_edge(succ: Weights[N], pred: Weights[N], a: N, b: N, weight: float) -> None:
    """Add (or reweigh) the edge a -> b, keeping the neighbour order networkx's add_edge keeps."""
    for node in (a, b):
        if node not in succ:
            succ[node] = {}
            pred[node] = {}
    succ[a][b] = weight
    pred[b][a] = weight


def has_path(succ: Weights[N], source: N, target: N) -> bool:
    seen = {source}
    todo = [source]
    while todo:
        node = todo.pop()
        if node == target:
            return True
        for nxt in succ[node]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def k_shortest_simple_paths(
    succ: Weights[N], pred: Weights[N], source: N, target: N, k: int
) -> list[list[N]]:
    """Up to k loopless paths from source to target, cheapest first: the first k paths of
    `networkx.shortest_simple_paths(G, source, target, weight=...)` on the same graph."""
    found: list[list[N]] = []
    buffer: list[tuple[float, int, list[N]]] = []
    buffered: set[tuple[N, ...]] = set()
    counter = count()

    def push(cost: float, path: list[N]) -> None:
        key = tuple(path)
        if key not in buffered:
            heappush(buffer, (cost, next(counter), path))
            buffered.add(key)

    def length(path: list[N]) -> float:
        return sum(succ[u][v] for u, v in zip(path, path[1:], strict=False))

    prev: list[N] = []
    while len(found) < k:
        if not prev:
            first = _bidirectional_dijkstra(succ, pred, source, target, set(), set())
            if first is None:
                break
            push(*first)
        else:
            ignore_nodes: set[N] = set()
            ignore_edges: set[tuple[N, N]] = set()
            for i in range(1, len(prev)):
                root = prev[:i]
                root_length = length(root)
                for path in found:
                    if path[:i] == root:
                        ignore_edges.add((path[i - 1], path[i]))
                spur = _bidirectional_dijkstra(succ, pred, root[-1], target, ignore_nodes, ignore_edges)
                if spur is not None:
                    push(root_length + spur[0], root[:-1] + spur[1])
                ignore_nodes.add(root[-1])
        if not buffer:
            break
        _, _, best = heappop(buffer)
        buffered.remove(tuple(best))
        found.append(best)
        prev = best
    return found


def _bidirectional_dijkstra(
    succ: Weights[N],
    pred: Weights[N],
    source: N,
    target: N,
    ignore_nodes: set[N],
    ignore_edges: set[tuple[N, N]],
) -> tuple[float, list[N]] | None:
    """networkx.algorithms.simple_paths._bidirectional_dijkstra on dicts: (length, path), or None
    where networkx raises NetworkXNoPath."""
    if source in ignore_nodes or target in ignore_nodes:
        return None
    if source == target:
        return (0, [source])
    dists: tuple[dict[N, float], dict[N, float]] = ({}, {})
    paths: tuple[dict[N, list[N]], dict[N, list[N]]] = ({source: [source]}, {target: [target]})
    fringe: tuple[list[tuple[float, int, N]], list[tuple[float, int, N]]] = ([], [])
    seen: tuple[dict[N, float], dict[N, float]] = ({source: 0}, {target: 0})
    c = count()
    heappush(fringe[0], (0, next(c), source))
    heappush(fringe[1], (0, next(c), target))
    neighbours = (succ, pred)
    final_dist = 0.0
    final_path: list[N] = []
    direction = 1
    while fringe[0] and fringe[1]:
        direction = 1 - direction
        dist, _, v = heappop(fringe[direction])
        done = dists[direction]
        if v in done:
            continue
        done[v] = dist
        if v in dists[1 - direction]:
            return (final_dist, final_path)
        seen_here, paths_here, heap = seen[direction], paths[direction], fringe[direction]
        for w, weight in neighbours[direction][v].items():
            if w in ignore_nodes or ((v, w) if direction == 0 else (w, v)) in ignore_edges:
                continue
            vw_length = dist + weight
            if w in done:
                if vw_length < done[w]:
                    raise ValueError("Contradictory paths found: negative weights?")
            elif w not in seen_here or vw_length < seen_here[w]:
                seen_here[w] = vw_length
                heappush(heap, (vw_length, next(c), w))
                paths_here[w] = paths_here[v] + [w]
                if w in seen[0] and w in seen[1]:
                    total = seen[0][w] + seen[1][w]
                    if not final_path or final_dist > total:
                        final_dist = total
                        back = paths[1][w][:]
                        back.reverse()
                        final_path = paths[0][w] + back[1:]
    return None
