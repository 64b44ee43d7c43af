"""A finding: one thing the analysis noticed, in the user's words, with the elements it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("high", "medium", "low", "info")
"""Most urgent first. high: customers may be lost; medium: experience or coverage problem;
low: worth a look; info: a fact about the map."""


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    severity: str
    message: str
    elements: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "elements": list(self.elements),
        }


@dataclass(frozen=True, slots=True)
class Moment:
    """A moment of truth: one persona's lowest point or steepest drop on the main path."""

    persona: str
    kind: str  # "low" or "drop"
    stage: str
    score: int
    change: int = 0  # for a drop: the score change from the previous stage (negative)
    elements: tuple[str, ...] = field(default=())
    card: str = ""  # the card whose emotion point decides the stage's score ("": the stage's own point)

    def to_json(self) -> dict[str, Any]:
        return {
            "persona": self.persona,
            "kind": self.kind,
            "stage": self.stage,
            "card": self.card or None,
            "score": self.score,
            "change": self.change,
            "elements": list(self.elements),
        }
