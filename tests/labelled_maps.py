"""Maps whose connections all carry labels, and the checks every drawing of them must pass: no
label box over a card, a header or another label. Shared by the layout, PDF and canvas tests."""

from __future__ import annotations

import dataclasses
import random

from bench.synth import synthetic_map
from cjm_editor.layout import MapGeometry, Point, Rect
from cjm_editor.model import Journey

WORDS = ["yes", "no", "after 2 days", "if paid", "retry", "escalate to support", "calls the phone line"]


def labelled(journey: Journey, seed: int = 3) -> Journey:
    """The map with a label on every connection, some short, some wider than a gutter."""
    rng = random.Random(seed)
    connections = [dataclasses.replace(c, label=rng.choice(WORDS)) for c in journey.connections]
    return dataclasses.replace(journey, connections=connections)


def dense_map() -> Journey:
    """Six stages, 200 cards and 60 labelled connections between the touchpoints."""
    return labelled(synthetic_map(200, stages=6, connections=60))


def overlaps(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return (
        a.x < b.right + margin
        and b.x < a.right + margin
        and a.y < b.bottom + margin
        and b.y < a.bottom + margin
    )


def collisions(g: MapGeometry) -> list[str]:
    """Every label box that covers a card, a stage or lane header, or another label."""
    out = []
    labels = list(g.labels.items())
    blocks = [("card", k, r) for k, r in g.cards.items()] + [("stage", k, r) for k, r in g.stages.items()]
    blocks += [("lane", k, r) for k, r in g.lanes.items()]
    for conn_id, rect in labels:
        out += [f"{conn_id} over {what} {key}" for what, key, r in blocks if overlaps(rect, r)]
    for i, (a_id, a) in enumerate(labels):
        out += [f"{a_id} over label {b_id}" for b_id, b in labels[i + 1 :] if overlaps(a, b)]
    return out


def distance(rect: Rect, points: list[Point]) -> float:
    """How far a label box is from the nearest segment of its arrow."""
    best = float("inf")
    for a, b in zip(points, points[1:], strict=False):
        x0, x1, y0, y1 = min(a.x, b.x), max(a.x, b.x), min(a.y, b.y), max(a.y, b.y)
        dx = max(rect.x - x1, x0 - rect.right, 0.0)
        dy = max(rect.y - y1, y0 - rect.bottom, 0.0)
        best = min(best, (dx * dx + dy * dy) ** 0.5)
    return best
