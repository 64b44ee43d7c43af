"""Relayout after cards changed in a few cells, without laying out the whole map again.

Moving, adding or removing a card re-stacks the cards of its old and new cell. When that makes a
lane taller or shorter, every lane below moves by the same distance: their cards, and the arrows
between them, shift without being laid out again. `relayout_cells` updates a MapGeometry in place
and says what changed; it returns None only when a cell is unknown (the caller runs `compute`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cjm_editor.layout.geometry import (
    LANE_GAP,
    MapGeometry,
    Point,
    Rect,
    card_rect,
    lane_height,
    place_curves,
)
from cjm_editor.layout.labels import place_labels
from cjm_editor.layout.routes import reroute
from cjm_editor.model.journey import Card, Journey


@dataclass(slots=True)
class Relayout:
    """What `relayout_cells` changed: re-stacked cards with a new rect (or none: hidden), cards that
    only moved down or up with their lane (`shifted_cards`), connections rerouted
    (`connections`) or only moved down or up (`shifted`: id -> dy), lanes with a new rect, and
    whether the emotion curves were placed again."""

    cards: list[str] = field(default_factory=list)
    shifted_cards: dict[str, float] = field(default_factory=dict)  # id -> dy, the rest of the card same
    connections: list[str] = field(default_factory=list)
    shifted: dict[str, float] = field(default_factory=dict)
    lanes: list[str] = field(default_factory=list)
    curves: bool = False


def _restack_lanes(g: MapGeometry, journey: Journey, heights: dict[str, float]) -> dict[str, float]:
    """Give lanes new heights; move the lanes below. Returns how far each lane's top moved."""
    moved: dict[str, float] = {}
    y = None
    for lane in journey.lanes:
        old = g.lanes[lane.id]
        y = old.y if y is None else y
        h = heights.get(lane.id, old.h)
        if y != old.y or h != old.h:
            moved[lane.id] = y - old.y
            g.lanes[lane.id] = Rect(old.x, y, old.w, h)
            row = g.rows[lane.id]
            g.rows[lane.id] = Rect(row.x, y, row.w, h)
            for stage in journey.stages:
                cell = g.cells[(stage.id, lane.id)]
                g.cells[(stage.id, lane.id)] = Rect(cell.x, y, cell.w, h)
        y += h + LANE_GAP
    if moved and journey.lanes:
        last = g.lanes[journey.lanes[-1].id]
        for stage_id, col in g.columns.items():
            g.columns[stage_id] = Rect(col.x, col.y, col.w, last.bottom - col.y)
        g.height = last.bottom + LANE_GAP
    return moved


def relayout_cells(
    g: MapGeometry,
    journey: Journey,
    cells: Iterable[tuple[str, str]],
    gone: Iterable[str] = (),
    cell_cards: Callable[[str, str], list[Card]] | None = None,
) -> Relayout | None:
    """Lay out the cards of `cells` again (`gone`: ids of cards no longer in the map). `cell_cards`
    finds a cell's cards without walking the whole map (JourneyDocument.cell_cards)."""
    members: dict[tuple[str, str], list[str]] = {cell: [] for cell in cells}
    if any(cell not in g.cells for cell in members):
        return None
    if cell_cards is not None:
        for stage_id, lane_id in members:
            members[(stage_id, lane_id)] = [c.id for c in cell_cards(stage_id, lane_id)]
    else:
        for card in journey.cards:
            ids = members.get((card.stage_id, card.lane_id))
            if ids is not None:
                ids.append(card.id)
    lanes = {lane.id: lane for lane in journey.lanes}
    counts = dict(g.counts)
    counts.update((cell, len(ids)) for cell, ids in members.items())
    heights = {}
    for lane_id in {lane_id for _, lane_id in members}:
        fullest = max((counts.get((s.id, lane_id), 0) for s in journey.stages), default=0)
        heights[lane_id] = lane_height(lanes[lane_id], fullest)
    g.counts = counts
    out = Relayout()
    before = {lane.id: g.lanes[lane.id].y for lane in journey.lanes} if heights else {}
    lane_dy = _restack_lanes(g, journey, heights)
    # where cards came or went, for the labels: each card's old and new place, and every lane that moved
    dirty: list[Rect] = []
    if lane_dy:
        top = min(min(before[lane_id], g.lanes[lane_id].y) for lane_id in lane_dy)
        dirty.append(Rect(0, top, math.inf, math.inf))
    # the cards of the lanes that moved (their cards and arrows move too): found cell by cell when
    # the caller can list a cell's cards and few lanes moved, else in one walk over the map
    lane_of: dict[str, float] = {}  # card id -> how far its lane moved
    if lane_dy and cell_cards is not None and 2 * len(lane_dy) <= len(journey.lanes):
        for lane_id, dy in lane_dy.items():
            for stage in journey.stages:
                for card in cell_cards(stage.id, lane_id):
                    lane_of[card.id] = dy
    elif lane_dy:
        lane_of = {card.id: lane_dy[card.lane_id] for card in journey.cards if card.lane_id in lane_dy}
    out.lanes = list(lane_dy)
    for card_id in gone:
        was = g.cards.pop(card_id, None)
        if was is not None:
            out.cards.append(card_id)
            dirty.append(was)
    if out.cards:  # their connections went with them
        live = {c.id for c in journey.connections}
        out.connections += sorted(reroute(journey, g, [], [c for c in g.connections if c not in live]))
    restacked: set[str] = set()
    for (stage_id, lane_id), ids in members.items():
        cell = g.cells[(stage_id, lane_id)]
        for position, card_id in enumerate(ids):
            restacked.add(card_id)
            rect = None if lanes[lane_id].collapsed else card_rect(cell, position)
            was = g.cards.get(card_id)
            if was != rect:
                dirty += [r for r in (was, rect) if r is not None]
                if rect is None:
                    del g.cards[card_id]
                else:
                    g.cards[card_id] = rect
                out.cards.append(card_id)
    card_dy = out.shifted_cards
    if lane_dy:
        cards = g.cards
        for card_id, dy in lane_of.items():
            if dy and card_id not in restacked:
                r = cards.get(card_id)
                if r is not None:
                    cards[card_id] = Rect(r.x, r.y + dy, r.w, r.h)
                    card_dy[card_id] = dy
    if not out.cards and not lane_dy:
        return out
    # an arrow runs along the top of its target's lane: lanes that moved touch their cards' arrows
    in_moved_lanes = lane_of.keys()
    _update_connections(g, journey, set(out.cards) | in_moved_lanes, card_dy, out, dirty)
    emotion_moved = g.emotion_lane is not None and g.emotion_lane in lane_dy
    touched = set(out.cards) | card_dy.keys()
    scored = [(p.anchor_kind, p.anchor_id) for p in journey.emotions]
    scored += [(r.anchor_kind, r.anchor_id) for r in journey.ratings]
    if emotion_moved or any(kind == "card" and anchor in touched for kind, anchor in scored):
        g.emotion_points.clear()
        g.curves.clear()
        g.bands.clear()
        place_curves(journey, g)
        out.curves = True
    return out


def _update_connections(
    g: MapGeometry,
    journey: Journey,
    changed: set[str],
    card_dy: dict[str, float],
    out: Relayout,
    dirty: list[Rect],
) -> None:
    """Reroute arrows whose cards were re-stacked; only shift those whose whole route moved as one."""
    again = []
    for conn in journey.connections:
        a, b = conn.source_id, conn.target_id
        if a not in changed and b not in changed:
            continue
        dy = card_dy.get(a)
        points = g.connections.get(conn.id)
        if dy is not None and card_dy.get(b) == dy and points is not None:
            g.connections[conn.id] = [Point(p.x, p.y + dy) for p in points]
            out.shifted[conn.id] = dy
        else:
            again.append(conn)
    for conn_id in sorted(reroute(journey, g, again)):
        if out.shifted.pop(conn_id, None) is not None or conn_id not in out.connections:
            out.connections.append(conn_id)
    # cards moved: a label may now lie where a card went, so every label is placed again
    old_labels, old_marks = g.labels, g.marks
    place_labels(journey, g, dirty)
    moved = [c for c in g.labels.keys() | old_labels.keys() if g.labels.get(c) != old_labels.get(c)]
    moved += [c for c in g.marks.keys() | old_marks.keys() if g.marks.get(c) != old_marks.get(c)]
    for c in dict.fromkeys(moved):
        if c in out.shifted:  # the label moved some other way than its arrow
            label, old = g.labels.get(c), old_labels.get(c)
            if (
                label is None
                or old is None
                or (label.x, label.y - out.shifted[c]) != (old.x, old.y)
                or g.marks.get(c) != old_marks.get(c)
            ):
                del out.shifted[c]
                out.connections.append(c)
        elif c not in out.connections:
            out.connections.append(c)
