"""The journey model: pure dataclasses and JourneyDocument, the one mutation API. No Qt, no I/O."""

from __future__ import annotations

from cjm_editor.model.document import JourneyDocument, OrderPlan, Placement, Removal
from cjm_editor.model.errors import ModelError
from cjm_editor.model.journey import (
    CARD_KINDS,
    LANE_KINDS,
    Card,
    Connection,
    EmotionPoint,
    EmotionScale,
    Journey,
    Lane,
    MapLink,
    Persona,
    Stage,
)

__all__ = [
    "CARD_KINDS",
    "LANE_KINDS",
    "Card",
    "Connection",
    "EmotionPoint",
    "EmotionScale",
    "Journey",
    "JourneyDocument",
    "Lane",
    "MapLink",
    "ModelError",
    "Persona",
    "OrderPlan",
    "Placement",
    "Removal",
    "Stage",
]
