"""Relayout after cards changed in a few cells, without laying out the whole map again.

Moving, adding or removing a card only shifts the cards of its old and new cell, as long as no lane
grows or shrinks. `relayout_cells` updates a MapGeometry in place for that case and says which cards
and connections moved; when a lane's height changes it returns None and the caller runs `compute`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cjm_editor.layout.geometry import (
    MapGeometry,
    card_rect,
    lane_height,
    place_curves,
    place_labels,
    route_connections,
)
from cjm_editor.model.journey import Journey


@dataclass(slots=True)
class Relayout:
    """What `relayout_cells` changed: cards with a new rect (or none: hidden), rerouted connections,
    and whether the emotion curves were placed again."""

    cards: list[str] = field(default_factory=list)
    connections: list[str] = field(default_factory=list)
    curves: bool = False


def relayout_cells(
    g: MapGeometry, journey: Journey, cells: Iterable[tuple[str, str]], gone: Iterable[str] = ()
) -> Relayout | None:
    """Lay out the cards of `cells` again (`gone`: ids of cards no longer in the map)."""
    members: dict[tuple[str, str], list[str]] = {cell: [] for cell in cells}
    if any(cell not in g.cells for cell in members):
        return None
    for card in journey.cards:
        ids = members.get((card.stage_id, card.lane_id))
        if ids is not None:
            ids.append(card.id)
    lanes = {lane.id: lane for lane in journey.lanes}
    counts = dict(g.counts)
    counts.update((cell, len(ids)) for cell, ids in members.items())
    for lane_id in {lane_id for _, lane_id in members}:
        fullest = max((counts.get((s.id, lane_id), 0) for s in journey.stages), default=0)
        if lane_height(lanes[lane_id], fullest) != g.lanes[lane_id].h:
            return None
    g.counts = counts
    out = Relayout()
    for card_id in gone:
        if g.cards.pop(card_id, None) is not None:
            out.cards.append(card_id)
    if out.cards:  # their connections went with them
        live = {c.id for c in journey.connections}
        for conn_id in [c for c in g.connections if c not in live]:
            del g.connections[conn_id]
            out.connections.append(conn_id)
    for (stage_id, lane_id), ids in members.items():
        cell = g.cells[(stage_id, lane_id)]
        for position, card_id in enumerate(ids):
            rect = None if lanes[lane_id].collapsed else card_rect(cell, position)
            if g.cards.get(card_id) != rect:
                if rect is None:
                    del g.cards[card_id]
                else:
                    g.cards[card_id] = rect
                out.cards.append(card_id)
    if not out.cards:
        return out
    moved = set(out.cards)
    touched = [c for c in journey.connections if c.source_id in moved or c.target_id in moved]
    before = {c.id: g.connections.pop(c.id, None) for c in touched}
    route_connections(journey, g, touched)
    out.connections += [cid for cid, old in before.items() if g.connections.get(cid) != old]
    if out.connections:
        old_labels = g.labels
        place_labels(journey, g)
        out.connections += [
            c for c in g.labels.keys() | old_labels.keys() if g.labels.get(c) != old_labels.get(c)
        ]
    if any(p.anchor_kind == "card" and p.anchor_id in moved for p in journey.emotions):
        g.emotion_points.clear()
        g.curves.clear()
        place_curves(journey, g)
        out.curves = True
    return out
