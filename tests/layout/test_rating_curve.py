"""The curve where participants rated: through the mean of their ratings only, with a band and n of
those ratings; the map's own (designer's) point keeps its own handle and is not counted."""

from __future__ import annotations

import pytest

from cjm_editor.layout import compute
from cjm_editor.model.journey import Participant, Rating
from cjm_editor.model.workshop import rating_lines, spreads


def test_three_ratings_at_regular_use_mean_zero_n_three_and_the_designers_point_apart(journey):
    maya = next(p.id for p in journey.personas if p.name.startswith("Maya"))
    own = next(e for e in journey.emotions if (e.persona_id, e.anchor_id) == (maya, "s-regular"))
    assert own.score == -2
    journey.participants = [Participant(id=f"u{i}", name=n) for i, n in enumerate(("Ana", "Ben", "Chloé"))]
    journey.ratings = [
        Rating(maya, "stage", "s-regular", s, f"u{i}", id=f"r{i}") for i, s in enumerate((0, -1, 1))
    ]
    s = spreads(journey)[(maya, "stage", "s-regular")]
    assert (s.mean, s.low, s.high, s.n) == (0, -1, 1, 3)
    g = compute(journey)
    lo, hi = journey.scale.min, journey.scale.max
    (x, at), *_ = [(p.x, p) for pid, p in g.curves[maya] if pid == own.id]
    assert at.y == pytest.approx(g.score_y(0, lo, hi)), "the curve goes through the ratings' mean"
    assert g.emotion_points[own.id].y == pytest.approx(g.score_y(-2, lo, hi)), "the designer's handle"
    (band,) = [b for b in g.bands[maya] if b.x == x]
    assert band.n == 3 and band.low == pytest.approx(g.score_y(-1, lo, hi))
    assert rating_lines(journey, "stage", "s-regular", maya) == [
        "Maya, busy professional: mean +0.00 (-1 to +1, n=3)",
        "  +0 by Ana",
        "  -1 by Ben",
        "  +1 by Chloé",
        "  -2 on the map itself (not counted)",
    ]


def test_an_unrated_anchor_keeps_the_curve_through_the_designers_point(journey):
    g = compute(journey)
    lo, hi = journey.scale.min, journey.scale.max
    assert not spreads(journey)
    for e in journey.emotions:
        curve = dict(g.curves[e.persona_id])
        assert curve[e.id].y == pytest.approx(g.score_y(e.score, lo, hi))
