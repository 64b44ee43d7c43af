"""Insights of a 10,000-card map with 20,000 connections, against networkx building the bare graph."""

from __future__ import annotations

import networkx as nx

from bench.harness import Result, best_of
from bench.synth import synthetic_map
from cjm_editor.analysis.report import analyze


def run(n: int = 10_000, connections: int = 20_000) -> list[Result]:
    journey = synthetic_map(n, connections=connections)
    edges = [(c.source_id, c.target_id) for c in journey.connections]
    nodes = [c.id for c in journey.cards]

    def bare() -> None:
        g = nx.DiGraph()
        g.add_nodes_from(nodes)
        g.add_edges_from(edges)

    floor = best_of(bare, repeat=3)
    ours = best_of(lambda: analyze(journey), repeat=3)
    size = f"{n:,} cards, {len(journey.connections):,} connections"
    return [Result("analyse a map (every insight)", size, ours, floor, 25, "networkx graph build")]
