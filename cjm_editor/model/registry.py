"""The collections of a map, named once.

Every place that walks a map's collections (the document's index and events, the codec, repair,
snapshots, the canvas mirror, the commands) reads this table instead of naming lists by string. A
new collection is one row here, one field on `Journey`, its rules in `JourneyDocument`, and its
fields in the codec and the schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cjm_editor.model.journey import (
    Card,
    Connection,
    EmotionPoint,
    Lane,
    MapLink,
    Participant,
    Persona,
    Rating,
    Stage,
    Vote,
)


@dataclass(frozen=True, slots=True)
class Collection:
    """One list of a Journey. `name` is the Journey attribute, the event group and the file key;
    `singular` the word for one element; `ordered` says its elements carry an `order` key;
    `scope` names the fields whose values group siblings for ordering (a card's cell)."""

    name: str
    singular: str
    entity: type[Any]
    ordered: bool = False
    scope: tuple[str, ...] = ()

    def siblings_of(self, entity: Any) -> tuple[Any, ...]:
        """The values that group an element with its siblings (empty: the whole collection)."""
        return tuple(getattr(entity, f) for f in self.scope)


PERSONAS = Collection("personas", "persona", Persona, ordered=True)
STAGES = Collection("stages", "stage", Stage, ordered=True)
LANES = Collection("lanes", "lane", Lane, ordered=True)
CARDS = Collection("cards", "card", Card, ordered=True, scope=("stage_id", "lane_id"))
EMOTIONS = Collection("emotions", "emotion point", EmotionPoint)
CONNECTIONS = Collection("connections", "connection", Connection)
LINKS = Collection("links", "link", MapLink)
PARTICIPANTS = Collection("participants", "participant", Participant, ordered=True)
VOTES = Collection("votes", "vote", Vote)
RATINGS = Collection("ratings", "rating", Rating)

COLLECTIONS: tuple[Collection, ...] = (
    PERSONAS,
    STAGES,
    LANES,
    CARDS,
    EMOTIONS,
    CONNECTIONS,
    LINKS,
    PARTICIPANTS,
    VOTES,
    RATINGS,
)
"""In the order the file writes them and the document indexes them."""

BY_NAME: dict[str, Collection] = {c.name: c for c in COLLECTIONS}


def collection(name: str) -> Collection:
    """The collection called `name`; KeyError for an unknown one."""
    return BY_NAME[name]


def collection_of_entity(entity: Any) -> Collection:
    """The collection an entity belongs in, by its type."""
    for c in COLLECTIONS:
        if type(entity) is c.entity:
            return c
    raise KeyError(type(entity).__name__)
