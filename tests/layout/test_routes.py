"""Arrows that can be followed: parallel arrows in one gutter or lane gap lie on distinct tracks, and
arrows into (or out of) one card meet it at different heights."""

from __future__ import annotations

import dataclasses
import itertools

from bench.synth import synthetic_map
from cjm_editor.layout import MapGeometry, compute
from cjm_editor.layout.routes import reroute
from cjm_editor.model import Connection
from tests.labelled_maps import dense_map


def shared_runs(g: MapGeometry) -> list[tuple[str, str]]:
    """Pairs of arrows with a stretch (longer than a point) on the very same line."""
    runs = []
    for conn_id, points in g.connections.items():
        for a, b in itertools.pairwise(points):
            if a.x == b.x:
                runs.append(("v", a.x, min(a.y, b.y), max(a.y, b.y), conn_id))
            elif a.y == b.y:
                runs.append(("h", a.y, min(a.x, b.x), max(a.x, b.x), conn_id))
    runs.sort()
    out = []
    for i, (kind, at, _lo, hi, conn_id) in enumerate(runs):
        for kind2, at2, lo2, hi2, other in runs[i + 1 :]:
            if (kind2, at2) != (kind, at) or lo2 >= hi:
                break
            if other != conn_id and min(hi, hi2) - lo2 > 0.5:
                out.append((conn_id, other))
    return out


def test_no_two_arrows_of_the_sample_share_a_line(journey):
    assert shared_runs(compute(journey)) == []


def busy_map():
    """Sixteen arrows between touchpoints: up to nine run side by side along one lane gap."""
    return synthetic_map(300, stages=8, connections=16)


def test_no_two_arrows_of_a_busy_map_share_a_line():
    assert shared_runs(compute(busy_map())) == []


def test_more_arrows_than_tracks_share_as_little_as_they_can():
    g = compute(dense_map())  # 60 arrows along one lane gap that has nine tracks
    offsets = {ends["h"] for ends in g.offsets.values() if "h" in ends}
    assert len(offsets) == 9, "every track of the gap is used"


def test_arrowheads_into_one_card_are_apart(journey):
    for j in (journey, busy_map()):
        g = compute(j)
        tips: dict[str, list[float]] = {}
        for conn in j.connections:
            points = g.connections.get(conn.id)
            if points:
                tips.setdefault(conn.target_id, []).append(points[-1].y)
        for card_id, ys in tips.items():
            ys.sort()
            assert all(b - a >= 8 for a, b in itertools.pairwise(ys)), (card_id, ys)
            card = g.cards[card_id]
            assert all(card.y + 4 <= y <= card.bottom - 4 for y in ys), "each tip meets its card"


def test_a_new_arrow_moves_the_arrows_it_shares_a_gutter_with_as_a_full_layout_would(journey):
    g = compute(journey)
    a, b = journey.cards[0], journey.cards[-1]
    added = Connection(a.id, b.id, id="new")
    j = dataclasses.replace(journey, connections=[*journey.connections, added])
    changed = reroute(j, g, [added])
    full = compute(j)
    assert g.connections == full.connections
    assert "new" in changed
    before = compute(journey).connections
    assert {c for c in before if before[c] != full.connections[c]} <= changed


def test_removing_an_arrow_matches_a_full_layout():
    j = synthetic_map(120, stages=4)
    g = compute(j)
    gone = j.connections[3]
    j2 = dataclasses.replace(j, connections=[c for c in j.connections if c.id != gone.id])
    changed = reroute(j2, g, [], [gone.id])
    assert gone.id in changed and gone.id not in g.connections
    assert g.connections == compute(j2).connections
