"""The entities of a journey map.

Entities are slotted dataclasses with value equality. They are values by convention: nothing mutates
one in place; JourneyDocument swaps in a `dataclasses.replace` copy and emits an event. (Frozen
dataclasses would enforce this but cost 7x more to build, which a 10,000-card open cannot afford.)
Placement is semantic: a card names its stage and lane, and its `order` key (model/order.py) places
it among the cards of that cell. Stages, lanes and personas carry an `order` key too. The lists of a
Journey are kept sorted so iterating them gives the order the user sees: stages, lanes, personas and
participants by (order, id); cards in reading order (stage, lane, order, id); collections without keys
(emotions, connections, links, votes, ratings) by id. Pixels are derived by `layout`, never stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from cjm_editor.model.ids import new_id

LANE_KINDS: tuple[str, ...] = (
    "actions",
    "touchpoints",
    "thoughts",
    "emotions",
    "pain-points",
    "opportunities",
    "metrics",
    "backstage",
    "notes",
)
"""Lane kinds, in the order lanes usually run from top to bottom."""

CARD_KINDS: tuple[str, ...] = (
    "action",
    "touchpoint",
    "quote",
    "pain-point",
    "opportunity",
    "metric",
    "backstage",
    "note",
)
"""Card kinds. A card of any kind may sit in any lane; each lane kind has a natural card kind."""

CARD_KIND_FOR_LANE: dict[str, str] = {
    "actions": "action",
    "touchpoints": "touchpoint",
    "thoughts": "quote",
    "emotions": "note",
    "pain-points": "pain-point",
    "opportunities": "opportunity",
    "metrics": "metric",
    "backstage": "backstage",
    "notes": "note",
}

AnchorKind = Literal["stage", "card"]
ANCHOR_KINDS: tuple[str, ...] = ("stage", "card")

Extra = dict[str, Any]
"""Fields this editor does not know, kept as read so a newer editor's data survives a save."""


@dataclass(slots=True)
class EmotionScale:
    """The signed or unsigned range emotion scores live in, with a label per notable score."""

    min: int = -2
    max: int = 2
    labels: dict[int, str] = field(default_factory=dict)
    extra: Extra = field(default_factory=dict)
    label_extra: dict[int, Extra] = field(default_factory=dict)
    """Unknown fields of each label entry, by the label's score."""

    @property
    def neutral(self) -> float:
        return (self.min + self.max) / 2

    def clamp(self, score: int) -> int:
        return max(self.min, min(self.max, score))

    def contains(self, score: int) -> bool:
        return self.min <= score <= self.max


SCALE_PRESETS: dict[str, EmotionScale] = {
    "-2..+2": EmotionScale(
        -2, 2, {-2: "Very negative", -1: "Negative", 0: "Neutral", 1: "Positive", 2: "Very positive"}
    ),
    "1..5": EmotionScale(
        1, 5, {1: "Very negative", 2: "Negative", 3: "Neutral", 4: "Positive", 5: "Very positive"}
    ),
    "-3..+3": EmotionScale(-3, 3, {-3: "Very negative", 0: "Neutral", 3: "Very positive"}),
    "1..10": EmotionScale(1, 10, {1: "Very negative", 10: "Very positive"}),
}


PERSONA_COLOURS = ("#d1495b", "#2e86ab", "#edae49", "#66a182", "#8e5572", "#00798c", "#f37748", "#5c4d7d")
"""Curve colours new personas take, in order."""


def persona_colour(index: int) -> str:
    """The colour the index-th new persona takes."""
    return PERSONA_COLOURS[index % len(PERSONA_COLOURS)]


@dataclass(slots=True)
class Persona:
    """A named customer archetype; each persona has its own emotion curve."""

    id: str = field(default_factory=new_id)
    name: str = "Persona"
    description: str = ""
    goals: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    pain_points: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    colour: str = "#3b6fd1"
    order: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Stage:
    """A column of the map. `link` is a relative path to the micro map that details it. `width` is the
    column width the user chose by dragging the header's edge (None: the standard width)."""

    id: str = field(default_factory=new_id)
    name: str = "Stage"
    description: str = ""
    link: str | None = None
    width: float | None = None
    order: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Lane:
    """A row of the map; its kind says what information it holds."""

    id: str = field(default_factory=new_id)
    name: str = "Lane"
    kind: str = "notes"
    collapsed: bool = False
    order: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Card:
    """A sticky note in one cell (stage x lane). Kind-specific fields stay empty for other kinds."""

    stage_id: str
    lane_id: str
    kind: str = "note"
    title: str = ""
    id: str = field(default_factory=new_id)
    body: str = ""
    channel: str = ""  # touchpoints
    owner: str = ""  # touchpoints: the department that owns it
    source: str = ""  # quotes: where the evidence comes from
    value: float | None = None  # metrics
    target: float | None = None  # metrics
    unit: str = ""  # metrics
    tags: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()  # persona ids it concerns; empty = all personas
    link: str | None = None  # relative path of a micro map
    order: str = ""  # its place among the cards of its cell
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class EmotionPoint:
    """One persona's score at a stage or at a card. Curves are derived from these, never stored."""

    persona_id: str
    anchor_kind: AnchorKind
    anchor_id: str
    score: int
    id: str = field(default_factory=new_id)
    note: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Participant:
    """A person in the workshop (or a survey respondent); votes and ratings name their participant."""

    id: str = field(default_factory=new_id)
    name: str = "Participant"
    colour: str = ""  # "#rrggbb" or "" for none
    order: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Vote:
    """One dot on a card. `participant_id` None is an anonymous vote (a format-3 `votes` number)."""

    card_id: str
    participant_id: str | None = None
    id: str = field(default_factory=new_id)
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Rating:
    """One participant's emotion score for a persona at a stage or a card. Several ratings at one
    anchor give the curve its mean, min-max band and n (model/workshop.py)."""

    persona_id: str
    anchor_kind: AnchorKind
    anchor_id: str
    score: float
    participant_id: str | None = None
    id: str = field(default_factory=new_id)
    note: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Workshop:
    """The facilitator's voting settings: dots per participant and the card kinds that take votes."""

    dots: int = 3
    votable: tuple[str, ...] = ("pain-point", "opportunity")


@dataclass(slots=True)
class Connection:
    """A flow arrow from one card to another."""

    source_id: str
    target_id: str
    id: str = field(default_factory=new_id)
    label: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class MapLink:
    """A link from this map to another map file (e.g. the macro map this micro map belongs to)."""

    path: str
    label: str = ""
    id: str = field(default_factory=new_id)
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Journey:
    """A whole map. `id` is the file's documentId; lists are in document order."""

    id: str = field(default_factory=new_id)
    title: str = "Untitled journey"
    description: str = ""
    scale: EmotionScale = field(default_factory=lambda: scale_preset("-2..+2"))
    personas: list[Persona] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    emotions: list[EmotionPoint] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    links: list[MapLink] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    workshop: Workshop = field(default_factory=Workshop)
    extra: Extra = field(default_factory=dict)


def scale_preset(name: str) -> EmotionScale:
    """Return a fresh copy of a named scale preset ("-2..+2", "1..5", "-3..+3", "1..10")."""
    preset = SCALE_PRESETS[name]
    return EmotionScale(preset.min, preset.max, dict(preset.labels))


def sort_key(entity: Any) -> tuple[str, str]:
    """How the elements of a collection are ordered: by order key (when they have one), then id."""
    return (getattr(entity, "order", ""), entity.id)


CardKey = tuple[int, int, str, str]


def card_sort_key(stages: list[Stage], lanes: list[Lane]) -> Callable[[Card], CardKey]:
    """Cards are kept in reading order: by stage, then lane, then order key in their cell, then id
    (cards of a stage or lane not in the lists go last)."""
    stage_rank = {s.id: i for i, s in enumerate(stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(lanes)}
    far = len(stages) + len(lanes)

    def key(c: Card) -> CardKey:
        return (stage_rank.get(c.stage_id, far), lane_rank.get(c.lane_id, far), c.order, c.id)

    return key


def snapshot(journey: Journey) -> Journey:
    """A copy whose lists change independently of the original's; the entities themselves are shared,
    which is safe because they are values (replaced, never changed in place)."""
    from cjm_editor.model.registry import COLLECTIONS  # registry names the Journey's lists

    copy = dataclasses.replace(journey, extra=dict(journey.extra))
    for c in COLLECTIONS:
        setattr(copy, c.name, list(getattr(journey, c.name)))
    return copy
