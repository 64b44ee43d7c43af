"""Connection routes: orthogonal polylines along the gutters and lane gaps, each on a track of its own.

An arrow leaves its card to the gutter on the card's right, runs along the gap above the target's
lane (the highway) and comes down the gutter on the target's left. Arrows sharing a gutter or a
highway get distinct tracks where their spans overlap (interval colouring per channel), so that two
parallel arrows never lie on one line; an arrow's track in the target gutter also sets where it
enters its card, so arrowheads into one card sit at different heights (and exits from one card too).

Spans are counted in lanes and stages, not pixels, so a card moving within its cell or a lane
growing leaves every track as it was; only arrows whose cards change cell recolour their channels.
"""

from __future__ import annotations

import bisect
import gc
import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from cjm_editor.layout.geometry import CELL_PAD, LANE_GAP, STAGE_GAP, MapGeometry, Point, Rect
from cjm_editor.model.journey import Connection, Journey

GUTTER_TRACK = 4.0  # pixels between arrows side by side in a gutter (38 px between card edges)
GUTTER_TRACKS = 7  # 0, ±4, ±8, ±12; more arrows than that share tracks again
HIGHWAY_TRACK = 3.0  # pixels between arrows side by side along a lane gap (34 px between cards)
HIGHWAY_TRACKS = 9  # 0, ±3 ... ±12
PORT = 2.0  # an arrow on gutter track d enters (or leaves) its card 2 * d from the card's middle

Key = tuple[str, int]  # ("v", gutter index) or ("h", lane index)
Ident = tuple[str, str]  # connection id, which end of it: "s", "h" or "t"
Span = tuple[float, float, Ident]  # low, high (in half lanes or in gutters)


@dataclass(frozen=True, slots=True)
class Lanes:
    """The map's columns and rows as sorted edges, to find a card's stage and lane index quickly."""

    xs: list[float]
    ys: list[float]

    @classmethod
    def of(cls, g: MapGeometry) -> Lanes:
        return cls(sorted(r.x for r in g.columns.values()), sorted(r.y for r in g.rows.values()))

    def column(self, r: Rect) -> int:
        return bisect.bisect_right(self.xs, r.x + 1) - 1

    def row(self, r: Rect) -> int:
        return bisect.bisect_right(self.ys, r.y + 1) - 1


def _straight(a: Rect, b: Rect) -> bool:
    """Whether the arrow crosses one gutter between side-by-side cards at one height."""
    return 0 < b.x - a.right <= 2 * CELL_PAD + STAGE_GAP + 1 and abs(a.center.y - b.center.y) < 1


def _channels(a: Rect, b: Rect, lanes: Lanes) -> list[tuple[Key, float, float, str]]:
    """The channels an arrow from card a to card b runs along, with its span in each and which end
    ("s" source gutter, "h" highway, "t" target gutter). A straight arrow across a gutter is in that
    gutter at its lane, so that it meets its cards apart from the arrows bending there."""
    ca, cb = lanes.column(a), lanes.column(b)
    ra, rb = lanes.row(a), lanes.row(b)
    if _straight(a, b):
        return [(("v", cb), 2.0 * rb + 1, 2.0 * rb + 1, "t")]
    hw = 2.0 * rb  # the highway above lane rb; lane r itself is at 2r + 1 (in half lanes)
    gs, gt = ca + 1, cb  # the gutter right of column ca, the gutter left of column cb
    return [
        (("v", gs), min(2.0 * ra + 1, hw), max(2.0 * ra + 1, hw), "s"),
        (("h", rb), float(min(gs, gt)), float(max(gs, gt)), "h"),
        (("v", gt), hw, hw + 1, "t"),
    ]


def _colour(spans: list[Span], step: float, tracks: int) -> dict[Ident, float]:
    """Interval colouring: spans that overlap (touching counts) get different tracks, the lowest
    free one; with every track taken, the one that frees first (the least shared stretch). Returns
    the offset of each span's (connection, end)."""
    out: dict[Ident, float] = {}
    free: list[int] = []  # tracks whose last span ended, by index
    busy: list[tuple[float, int]] = []  # (where its last span ends, track)
    used = 0
    offsets = [step * ((k + 1) // 2) * (1 if k % 2 else -1) for k in range(tracks)]
    for low, high, ident in sorted(spans):
        while busy and busy[0][0] < low:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            k = heapq.heappop(free)
        elif used < tracks:
            k, used = used, used + 1
        else:
            end, k = heapq.heappop(busy)
            high = max(high, end)
        heapq.heappush(busy, (high, k))
        out[ident] = offsets[k]
    return out


def _recolour(g: MapGeometry, key: Key) -> None:
    members = g.channels.get(key)
    if not members:
        g.channels.pop(key, None)
        return
    step, tracks = (GUTTER_TRACK, GUTTER_TRACKS) if key[0] == "v" else (HIGHWAY_TRACK, HIGHWAY_TRACKS)
    spans = [(low, high, ident) for ident, (low, high) in members.items()]
    offsets = g.offsets
    for (conn_id, end), d in _colour(spans, step, tracks).items():
        offsets.setdefault(conn_id, {})[end] = d


def _polyline(offsets: dict[str, float] | None, a: Rect, b: Rect, lanes: Lanes) -> list[Point]:
    ds, dh, dt = (
        (offsets.get("s", 0.0), offsets.get("h", 0.0), offsets.get("t", 0.0)) if offsets else (0, 0, 0)
    )
    ax, bx = a.x + a.w, b.x
    sy, ty = a.y + a.h / 2, b.y + b.h / 2
    if _straight(a, b):
        return [Point(ax, sy + PORT * dt), Point(bx, ty + PORT * dt)]
    sy, ty = sy + PORT * ds, ty + PORT * dt
    gs = ax + CELL_PAD + STAGE_GAP / 2 + ds
    gt = bx - CELL_PAD - STAGE_GAP / 2 + dt
    highway = lanes.ys[lanes.row(b)] - LANE_GAP / 2 + dh
    return [
        Point(ax, sy),
        Point(gs, sy),
        Point(gs, highway),
        Point(gt, highway),
        Point(gt, ty),
        Point(bx, ty),
    ]


def route_all(journey: Journey, g: MapGeometry) -> None:
    """Route every connection of the map afresh: what `reroute` keeps up to date, written out with
    `_channels` and `_polyline` inlined, since a map of 20,000 connections is routed on every open.
    The cyclic garbage collector is paused meanwhile: this makes no cycles, and the tens of thousands
    of small tuples it files would otherwise set off collections that walk the whole map, which
    took most of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        _route_all(journey, g)
    finally:
        if enabled:
            gc.enable()


def _route_all(journey: Journey, g: MapGeometry) -> None:
    lanes = Lanes.of(g)
    xs, ys, right = lanes.xs, lanes.ys, bisect.bisect_right
    cards = g.cards
    channels: dict[Key, dict[Ident, tuple[float, float]]] = {}
    routed: dict[str, list[Key]] = {}
    ends: list[tuple[str, Rect, Rect, bool, int]] = []
    reach = 2 * CELL_PAD + STAGE_GAP + 1
    for conn in journey.connections:
        a, b = cards.get(conn.source_id), cards.get(conn.target_id)
        if a is None or b is None:
            continue
        cid = conn.id
        cb, rb = right(xs, b.x + 1) - 1, right(ys, b.y + 1) - 1
        gap = b.x - a.x - a.w
        straight = 0 < gap <= reach and abs(a.y + a.h / 2 - b.y - b.h / 2) < 1
        hw = 2.0 * rb
        spans: tuple[tuple[Key, float, float, str], ...]
        if straight:
            spans = ((("v", cb), hw + 1, hw + 1, "t"),)
        else:
            ga, row_a = right(xs, a.x + 1), 2.0 * (right(ys, a.y + 1) - 1) + 1
            spans = (
                (("v", ga), min(row_a, hw), max(row_a, hw), "s"),
                (("h", rb), float(min(ga, cb)), float(max(ga, cb)), "h"),
                (("v", cb), hw, hw + 1, "t"),
            )
        keys = []
        for key, low, high, end in spans:
            keys.append(key)
            members = channels.get(key)
            if members is None:
                members = channels[key] = {}
            members[(cid, end)] = (low, high)
        routed[cid] = keys
        ends.append((cid, a, b, straight, rb))
    g.channels, g.routed, g.offsets = channels, routed, {}
    for key in list(channels):
        _recolour(g, key)
    offsets, connections = g.offsets, {}
    none: dict[str, float] = {}
    inward, outward = CELL_PAD + STAGE_GAP / 2, LANE_GAP / 2
    for cid, a, b, straight, rb in ends:
        d = offsets.get(cid, none)
        ds, dh, dt = d.get("s", 0.0), d.get("h", 0.0), d.get("t", 0.0)
        ax, bx, sy, ty = a.x + a.w, b.x, a.y + a.h / 2 + PORT * ds, b.y + b.h / 2 + PORT * dt
        if straight:
            connections[cid] = [Point(ax, a.y + a.h / 2 + PORT * dt), Point(bx, ty)]
            continue
        gs, gt, highway = ax + inward + ds, bx - inward + dt, ys[rb] - outward + dh
        connections[cid] = [
            Point(ax, sy),
            Point(gs, sy),
            Point(gs, highway),
            Point(gt, highway),
            Point(gt, ty),
            Point(bx, ty),
        ]
    g.connections = connections


def reroute(
    journey: Journey, g: MapGeometry, connections: Iterable[Connection], removed: Iterable[str] = ()
) -> set[str]:
    """Route these connections again (their cards moved, or they are new) and drop `removed`; arrows
    sharing a channel whose members changed may move to another track. Returns the ids of every
    connection whose route changed or went. The result is what `route_all` would give."""
    lanes = Lanes.of(g)
    touched: set[Key] = set()
    changed: set[str] = set()
    pending: dict[str, tuple[Rect, Rect]] = {}

    def leave(conn_id: str) -> None:
        for key in g.routed.pop(conn_id, ()):
            members = g.channels.get(key, {})
            for end in "sht":
                members.pop((conn_id, end), None)
            touched.add(key)
        g.offsets.pop(conn_id, None)

    for conn_id in removed:
        leave(conn_id)
        if g.connections.pop(conn_id, None) is not None:
            changed.add(conn_id)
    for conn in connections:
        changed.add(conn.id)
        a, b = g.cards.get(conn.source_id), g.cards.get(conn.target_id)
        new = None if a is None or b is None else _channels(a, b, lanes)
        old = g.routed.get(conn.id)
        same = old is not None and new is not None and [k for k, *_ in new] == old
        if same and new is not None:
            same = all(g.channels[k].get((conn.id, e)) == (lo, hi) for k, lo, hi, e in new)
        if not same:
            leave(conn.id)
            if new is not None:
                g.routed[conn.id] = [key for key, *_ in new]
                for key, low, high, end in new:
                    g.channels.setdefault(key, {})[(conn.id, end)] = (low, high)
                    touched.add(key)
        if a is None or b is None:
            g.connections.pop(conn.id, None)
        else:
            pending[conn.id] = (a, b)
    before = {
        ident: g.offsets.get(ident[0], {}).get(ident[1])
        for key in touched
        for ident in g.channels.get(key, {})
    }
    for key in touched:
        _recolour(g, key)
    by_id: dict[str, Connection] | None = None
    for (conn_id, end), old_offset in before.items():
        if conn_id in pending or g.offsets.get(conn_id, {}).get(end) == old_offset:
            continue
        if by_id is None:
            by_id = {c.id: c for c in journey.connections}
        other = by_id.get(conn_id)
        if other is not None:
            a, b = g.cards.get(other.source_id), g.cards.get(other.target_id)
            if a is not None and b is not None:
                pending[conn_id] = (a, b)
    for conn_id, (a, b) in pending.items():
        points = _polyline(g.offsets.get(conn_id), a, b, lanes)
        if g.connections.get(conn_id) != points:
            g.connections[conn_id] = points
            changed.add(conn_id)
    return changed
