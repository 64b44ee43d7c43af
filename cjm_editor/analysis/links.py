"""The graph of maps linked to each other (a macro map and its micro maps), across files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from cjm_editor.analysis.findings import Finding
from cjm_editor.model.journey import Journey

Loader = Callable[[Path], Journey | None]


def _links(journey: Journey) -> list[tuple[str, str, bool]]:
    """(element id, relative path, detail) of every link in a map. Stage and card links lead down to
    a micro map that details them (detail=True); the map's own links lead elsewhere, often back up."""
    out = [(s.id, s.link, True) for s in journey.stages if s.link]
    out += [(c.id, c.link, True) for c in journey.cards if c.link]
    out += [(link.id, link.path, False) for link in journey.links]
    return out


def link_graph(journey: Journey, path: str | os.PathLike[str], load: Loader) -> nx.DiGraph:
    """Maps as nodes (resolved paths), links as edges (`detail`: a drill-down link), following linked
    files that exist. `load` returns a linked map or None when it cannot be read. Missing files are
    nodes with missing=True."""
    g = nx.DiGraph()
    root = Path(path).resolve()
    g.add_node(root, missing=False)
    todo: list[tuple[Path, Journey]] = [(root, journey)]
    while todo:
        here, j = todo.pop()
        for element_id, rel, detail in _links(j):
            target = (here.parent / rel).resolve()
            new = target not in g
            if new:
                linked = load(target) if target.exists() else None
                g.add_node(target, missing=linked is None)
                if linked is not None:
                    todo.append((target, linked))
            if not g.has_edge(here, target) or detail:
                g.add_edge(here, target, element=element_id, text=rel, detail=detail)
    return g


def link_findings(journey: Journey, path: str | os.PathLike[str], load: Loader) -> list[Finding]:
    g = link_graph(journey, path, load)
    root = Path(path).resolve()
    out = []
    for a, b, data in g.edges(data=True):
        if g.nodes[b]["missing"]:
            where = "" if a == root else f" (linked from {a.name})"
            elements = (data["element"],) if a == root else ()
            out.append(
                Finding(
                    "missing-micro-map",
                    "medium",
                    f"The linked map {data['text']} is missing or unreadable{where}.",
                    elements,
                )
            )
    detail = nx.subgraph_view(g, filter_edge=lambda a, b: g.edges[a, b]["detail"])
    for cycle in nx.simple_cycles(detail):
        first = cycle.index(root) if root in cycle else cycle.index(min(cycle))
        cycle = cycle[first:] + cycle[:first]  # start where the user is: this map
        names = " → ".join(p.name for p in [*cycle, cycle[0]])
        out.append(Finding("link-cycle", "medium", f"Micro maps detail each other in a circle: {names}.", ()))
    return out
