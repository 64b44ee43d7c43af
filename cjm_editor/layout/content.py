"""What is written on a card and beside the emotion scale, and the corner radii: shared by the canvas
and the PDF export so both show the same words in the same shapes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cjm_editor.layout.geometry import MapGeometry
from cjm_editor.layout.palette import CHANNEL_GLYPHS
from cjm_editor.model.journey import Card, EmotionScale

CARD_RADIUS = 6.0
CELL_RADIUS = 4.0
MAX_TICKS = 11
"""A scale line per score up to this many; wider scales get a line every few scores."""


def number(value: float | None) -> str:
    """A metric's value as written on a card ("–" for none)."""
    return "–" if value is None else f"{value:g}"


def card_footer(card: Card) -> str:
    """The small line at the bottom of a card: channel and owner of a touchpoint, the source of a
    quote, value against target of a metric, else the micro-map link or the tags."""
    if card.kind == "touchpoint":
        glyph = CHANNEL_GLYPHS.get(card.channel.lower(), "•")
        parts = [f"{glyph} {card.channel}" if card.channel else "", card.owner]
        return "  ·  ".join(p for p in parts if p)
    if card.kind == "quote":
        return f"— {card.source}" if card.source else ""
    if card.kind == "metric":
        unit = card.unit
        return f"{number(card.value)}{unit} of {number(card.target)}{unit} target"
    if card.link:
        return f"↗ {card.link}"
    return ", ".join(card.tags)


@dataclass(frozen=True, slots=True)
class Tick:
    """One line of the emotion scale: its score, its y in the map, whether it is the neutral line,
    and its label."""

    score: int
    y: float
    neutral: bool
    label: str


def scale_ticks(g: MapGeometry, scale: EmotionScale) -> list[Tick]:
    """The scale's lines in the emotion lane, from the lowest score up (none without that lane)."""
    if g.emotion_lane is None or g.emotion_lane not in g.rows:
        return []
    span = scale.max - scale.min
    step = 1 if span < MAX_TICKS else math.ceil(span / (MAX_TICKS - 1))
    scores = list(range(scale.min, scale.max + 1, step))
    if scores[-1] != scale.max:
        scores.append(scale.max)
    whole_neutral = scale.neutral == round(scale.neutral)
    return [
        Tick(
            score,
            g.score_y(score, scale.min, scale.max),
            whole_neutral and score == round(scale.neutral),
            scale.labels.get(score, f"{score:+d}" if scale.min < 0 else str(score)),
        )
        for score in scores
    ]
