"""The graph of maps linked to each other (a macro map and its micro maps), across files.

The link rule, enforced here and nowhere else (`resolve_link`): a link is a relative path, at most
limits.MAX_LINK characters, without control characters, that stays inside the folder of the map the
links are followed from (after symlinks are resolved) and names a regular file. Links are followed at
most limits.MAX_LINK_DEPTH maps deep and to at most limits.MAX_LINKED_MAPS maps. A link that breaks
the rule is kept in the map as written and reported, never followed.
"""

from __future__ import annotations

import itertools
import os
import stat
from collections import deque
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

import networkx as nx

from cjm_editor.analysis.findings import Finding
from cjm_editor.formats import limits
from cjm_editor.model.journey import Journey

Loader = Callable[[Path], Journey | None]
MAX_CYCLES = 20
"""Circles of detail links reported at most (their number can grow exponentially with the maps)."""


def _links(journey: Journey) -> list[tuple[str, str, bool]]:
    """(element id, relative path, detail) of every link in a map. Stage and card links lead down to
    a micro map that details them (detail=True); the map's own links lead elsewhere, often back up."""
    out = [(s.id, s.link, True) for s in journey.stages if s.link]
    out += [(c.id, c.link, True) for c in journey.cards if c.link]
    out += [(link.id, link.path, False) for link in journey.links]
    return out


def link_problem(text: str) -> str | None:
    """Why a link's text breaks the rule, whatever the files on disk (None: it does not)."""
    if len(text) > limits.MAX_LINK:
        return f"it is {len(text):,} characters long; the limit is {limits.MAX_LINK:,} (limit: link length)"
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return "it holds a control character"
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).anchor:
        return "it is an absolute path; links are relative to the map's folder"
    return None


def resolve_link(root: Path, here: Path, text: str) -> Path | str:
    """The file a link in the map `here` leads to, or why it is not followed. `root` is the folder
    (symlinks resolved) that every followed link must stay inside."""
    problem = link_problem(text)
    if problem is not None:
        return problem
    try:
        target = Path(os.path.realpath(here.parent / text))
    except (OSError, ValueError, RuntimeError) as exc:
        return f"it cannot be resolved: {exc}"
    if not target.is_relative_to(root):
        return "it leads out of the map's folder"
    try:
        info = os.stat(target)
    except (OSError, ValueError):
        return "missing"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    return target


def link_graph(journey: Journey, path: str | os.PathLike[str], load: Loader) -> nx.DiGraph:
    """Maps as nodes (resolved paths), links as edges (`detail`: a drill-down link), following the
    links the rule allows. `load` returns a linked map or None when it cannot be read. Nodes have
    `missing` (not read) and `reason` (why, or "" when read)."""
    g = nx.DiGraph()
    start = Path(os.path.realpath(path))
    root = start.parent
    g.add_node(start, missing=False, reason="")
    g.graph["unfollowed"] = 0
    todo: deque[tuple[Path, Journey, int]] = deque([(start, journey, 0)])
    read = 0
    while todo:
        here, j, depth = todo.popleft()
        for element_id, rel, detail in _links(j):
            resolved = resolve_link(root, here, rel)
            if isinstance(resolved, str):
                target = Path(f"{here.parent}/\0{rel[: limits.MAX_LINK]}")  # a node of its own, never a file
                g.add_node(target, missing=True, reason=resolved)
            elif resolved not in g:
                if depth + 1 > limits.MAX_LINK_DEPTH or read >= limits.MAX_LINKED_MAPS:
                    g.graph["unfollowed"] += 1
                    continue
                read += 1
                linked = load(resolved)
                reason = "" if linked is not None else "missing or unreadable"
                g.add_node(resolved, missing=linked is None, reason=reason)
                if linked is not None:
                    todo.append((resolved, linked, depth + 1))
                target = resolved
            else:
                target = resolved
            if not g.has_edge(here, target) or detail:
                g.add_edge(here, target, element=element_id, text=rel, detail=detail)
    return g


def link_findings(journey: Journey, path: str | os.PathLike[str], load: Loader) -> list[Finding]:
    g = link_graph(journey, path, load)
    root = Path(os.path.realpath(path))
    out = []
    for a, b, data in g.edges(data=True):
        if g.nodes[b]["missing"]:
            where = "" if a == root else f" (linked from {a.name})"
            elements = (data["element"],) if a == root else ()
            reason = g.nodes[b]["reason"]
            shown = (
                repr(data["text"][:80])
                if reason not in ("missing", "missing or unreadable")
                else data["text"]
            )
            message = (
                f"The linked map {shown} is missing or unreadable{where}."
                if reason in ("missing", "missing or unreadable")
                else f"The link {shown} is not followed{where}: {reason}."
            )
            out.append(Finding("missing-micro-map", "medium", message, elements))
    if g.graph["unfollowed"]:
        out.append(
            Finding(
                "missing-micro-map",
                "low",
                f"{g.graph['unfollowed']} link(s) were not followed: links are followed at most "
                f"{limits.MAX_LINK_DEPTH} maps deep and to {limits.MAX_LINKED_MAPS} maps "
                "(limit: link depth and count).",
                (),
            )
        )
    detail = nx.subgraph_view(g, filter_edge=lambda a, b: g.edges[a, b]["detail"])
    for cycle in itertools.islice(nx.simple_cycles(detail), MAX_CYCLES):
        first = cycle.index(root) if root in cycle else cycle.index(min(cycle))
        cycle = cycle[first:] + cycle[:first]  # start where the user is: this map
        names = " → ".join(p.name for p in [*cycle, cycle[0]])
        out.append(Finding("link-cycle", "medium", f"Micro maps detail each other in a circle: {names}.", ()))
    return out
