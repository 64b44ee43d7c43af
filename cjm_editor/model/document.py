"""JourneyDocument: the only way to change a map.

Every public mutator validates, mutates, emits past-tense events and returns what undo needs:
adds return the index, updates the old entity, moves the old position, removals a `Removal`
record that `restore()` replays exactly (cascades included), so undo gives the same file bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cjm_editor.model.errors import ModelError
from cjm_editor.model.events import Event
from cjm_editor.model.journey import (
    ANCHOR_KINDS,
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

T = TypeVar("T")

COLLECTIONS: tuple[str, ...] = ("personas", "stages", "lanes", "cards", "emotions", "connections", "links")
_JOURNEY_FIELDS = ("title", "description", "scale", "extra")


class CollectionEvents(Generic[T]):
    """The four things that can happen to a list of entities."""

    def __init__(self) -> None:
        self.inserted: Event[[int, T]] = Event()  # index, entity
        self.removed: Event[[int, T]] = Event()  # former index, entity
        self.changed: Event[[T, T]] = Event()  # old, new (same id)
        self.moved: Event[[int, int, T]] = Event()  # old index, new index, entity


class DocumentEvents:
    """All events of a document. `changed` fires once after every public mutation."""

    def __init__(self) -> None:
        self.personas: CollectionEvents[Persona] = CollectionEvents()
        self.stages: CollectionEvents[Stage] = CollectionEvents()
        self.lanes: CollectionEvents[Lane] = CollectionEvents()
        self.cards: CollectionEvents[Card] = CollectionEvents()
        self.emotions: CollectionEvents[EmotionPoint] = CollectionEvents()
        self.connections: CollectionEvents[Connection] = CollectionEvents()
        self.links: CollectionEvents[MapLink] = CollectionEvents()
        self.journey_changed: Event[[]] = Event()
        self.changed: Event[[]] = Event()

    def of(self, collection: str) -> CollectionEvents[Any]:
        events: CollectionEvents[Any] = getattr(self, collection)
        return events


@dataclass(frozen=True, slots=True)
class Removal:
    """What a removal took away, in the order it happened; `JourneyDocument.restore` undoes it."""

    removed: tuple[tuple[str, int, Any], ...]  # (collection, index at the time, entity)
    changed: tuple[tuple[str, Any, Any], ...] = ()  # (collection, old entity, new entity)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a card sits: its cell and its index in `Journey.cards`."""

    stage_id: str
    lane_id: str
    index: int


class JourneyDocument:
    """Owns a Journey; the only mutation API. Handlers of its events must not mutate it."""

    def __init__(self, journey: Journey | None = None) -> None:
        self.journey = journey if journey is not None else Journey()
        self.events = DocumentEvents()
        self._by_id: dict[str, dict[str, Any]] = {}
        self._depth = 0
        self._touched = False
        self._removal_log: list[tuple[str, int, Any]] | None = None
        self._change_log: list[tuple[str, Any, Any]] | None = None
        self._reindex()

    # ------------------------------------------------------------------ queries
    def _reindex(self) -> None:
        for name in COLLECTIONS:
            self._by_id[name] = {e.id: e for e in getattr(self.journey, name)}

    def get(self, collection: str, element_id: str) -> Any:
        """Return the entity with this id, or raise ModelError."""
        try:
            return self._by_id[collection][element_id]
        except KeyError:
            raise ModelError(f"no {collection[:-1]} with id {element_id!r}") from None

    def has(self, collection: str, element_id: str) -> bool:
        return element_id in self._by_id[collection]

    def persona(self, persona_id: str) -> Persona:
        p: Persona = self.get("personas", persona_id)
        return p

    def stage(self, stage_id: str) -> Stage:
        s: Stage = self.get("stages", stage_id)
        return s

    def lane(self, lane_id: str) -> Lane:
        lane: Lane = self.get("lanes", lane_id)
        return lane

    def card(self, card_id: str) -> Card:
        c: Card = self.get("cards", card_id)
        return c

    def emotion(self, point_id: str) -> EmotionPoint:
        e: EmotionPoint = self.get("emotions", point_id)
        return e

    def connection(self, connection_id: str) -> Connection:
        c: Connection = self.get("connections", connection_id)
        return c

    def collection_of(self, element_id: str) -> str | None:
        """Name the collection that holds this id, or None."""
        for name in COLLECTIONS:
            if element_id in self._by_id[name]:
                return name
        return None

    def index_of(self, collection: str, element_id: str) -> int:
        entity = self.get(collection, element_id)
        for i, e in enumerate(getattr(self.journey, collection)):
            if e is entity:
                return i
        raise AssertionError("id index out of sync")  # pragma: no cover

    def cell_cards(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards of one cell, in their order."""
        return [c for c in self.journey.cards if c.stage_id == stage_id and c.lane_id == lane_id]

    def placement(self, card_id: str) -> Placement:
        card = self.card(card_id)
        return Placement(card.stage_id, card.lane_id, self.index_of("cards", card_id))

    def emotion_at(self, persona_id: str, anchor_kind: str, anchor_id: str) -> EmotionPoint | None:
        for p in self.journey.emotions:
            if p.persona_id == persona_id and p.anchor_kind == anchor_kind and p.anchor_id == anchor_id:
                return p
        return None

    # ------------------------------------------------------------------ plumbing
    @contextmanager
    def _mutation(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self._touched:
            self._touched = False
            self.events.changed.emit()

    def _list(self, collection: str) -> list[Any]:
        items: list[Any] = getattr(self.journey, collection)
        return items

    def _insert(self, collection: str, index: int | None, entity: Any) -> int:
        items = self._list(collection)
        if self.collection_of(entity.id) is not None:
            raise ModelError(f"an element with id {entity.id!r} already exists")
        if index is None:
            index = len(items)
        if not 0 <= index <= len(items):
            raise ModelError(f"index {index} out of range for {collection}")
        items.insert(index, entity)
        self._by_id[collection][entity.id] = entity
        self._touched = True
        self.events.of(collection).inserted.emit(index, entity)
        return index

    def _pop(self, collection: str, element_id: str) -> None:
        index = self.index_of(collection, element_id)
        entity = self._list(collection).pop(index)
        del self._by_id[collection][element_id]
        self._touched = True
        if self._removal_log is not None:
            self._removal_log.append((collection, index, entity))
        self.events.of(collection).removed.emit(index, entity)

    def _replace(self, collection: str, new: Any) -> Any:
        old = self.get(collection, new.id)
        if new == old:
            return old
        self._list(collection)[self.index_of(collection, new.id)] = new
        self._by_id[collection][new.id] = new
        self._touched = True
        if self._change_log is not None:
            self._change_log.append((collection, old, new))
        self.events.of(collection).changed.emit(old, new)
        return old

    def _relocate(self, collection: str, element_id: str, new_index: int) -> int:
        items = self._list(collection)
        old_index = self.index_of(collection, element_id)
        if not 0 <= new_index < len(items):
            raise ModelError(f"index {new_index} out of range for {collection}")
        if new_index != old_index:
            entity = items.pop(old_index)
            items.insert(new_index, entity)
            self._touched = True
            self.events.of(collection).moved.emit(old_index, new_index, entity)
        return old_index

    @contextmanager
    def _recording(self) -> Iterator[tuple[list[tuple[str, int, Any]], list[tuple[str, Any, Any]]]]:
        outer = (self._removal_log, self._change_log)
        removed: list[tuple[str, int, Any]] = []
        changed: list[tuple[str, Any, Any]] = []
        self._removal_log, self._change_log = removed, changed
        try:
            yield removed, changed
        finally:
            self._removal_log, self._change_log = outer
            if outer[0] is not None and outer[1] is not None:
                outer[0].extend(removed)
                outer[1].extend(changed)

    def _updated(self, collection: str, element_id: str, changes: dict[str, Any]) -> Any:
        old = self.get(collection, element_id)
        if "id" in changes and changes["id"] != element_id:
            raise ModelError("an element's id cannot change")
        try:
            return dataclasses.replace(old, **changes)
        except TypeError as exc:
            raise ModelError(str(exc)) from None

    # ------------------------------------------------------------------ journey
    def update_journey(self, **changes: Any) -> dict[str, Any]:
        """Change title, description, scale or extra; return the old values of what was given."""
        unknown = set(changes) - set(_JOURNEY_FIELDS)
        if unknown:
            raise ModelError(f"not a journey field: {', '.join(sorted(unknown))}")
        scale = changes.get("scale")
        if scale is not None:
            self._check_scale(scale)
        old = {k: getattr(self.journey, k) for k in changes}
        if all(old[k] == v for k, v in changes.items()):
            return old
        with self._mutation():
            for k, v in changes.items():
                setattr(self.journey, k, v)
            self._touched = True
            self.events.journey_changed.emit()
        return old

    def _check_scale(self, scale: EmotionScale) -> None:
        if scale.max <= scale.min:
            raise ModelError("the scale's maximum must be above its minimum")
        for p in self.journey.emotions:
            if not scale.min <= p.score <= scale.max:
                raise ModelError(f"score {p.score} of an emotion point is outside {scale.min}..{scale.max}")

    # ------------------------------------------------------------------ personas
    def add_persona(self, persona: Persona, index: int | None = None) -> int:
        with self._mutation():
            return self._insert("personas", index, persona)

    def update_persona(self, persona_id: str, **changes: Any) -> Persona:
        new = self._updated("personas", persona_id, changes)
        with self._mutation():
            old: Persona = self._replace("personas", new)
            return old

    def move_persona(self, persona_id: str, index: int) -> int:
        with self._mutation():
            return self._relocate("personas", persona_id, index)

    def remove_persona(self, persona_id: str) -> Removal:
        """Remove a persona, its emotion points, and its mention on cards."""
        self.persona(persona_id)
        with self._mutation(), self._recording() as (removed, changed):
            for p in [p for p in self.journey.emotions if p.persona_id == persona_id]:
                self._pop("emotions", p.id)
            for c in [c for c in self.journey.cards if persona_id in c.personas]:
                kept = tuple(x for x in c.personas if x != persona_id)
                self._replace("cards", dataclasses.replace(c, personas=kept))
            self._pop("personas", persona_id)
        return Removal(tuple(removed), tuple(changed))

    # ------------------------------------------------------------------ stages
    def add_stage(self, stage: Stage, index: int | None = None) -> int:
        with self._mutation():
            return self._insert("stages", index, stage)

    def update_stage(self, stage_id: str, **changes: Any) -> Stage:
        new = self._updated("stages", stage_id, changes)
        with self._mutation():
            old: Stage = self._replace("stages", new)
            return old

    def move_stage(self, stage_id: str, index: int) -> int:
        with self._mutation():
            return self._relocate("stages", stage_id, index)

    def remove_stage(self, stage_id: str) -> Removal:
        """Remove a stage with its cards, their connections and emotion points, and the stage's points."""
        self.stage(stage_id)
        with self._mutation(), self._recording() as (removed, changed):
            for c in [c for c in self.journey.cards if c.stage_id == stage_id]:
                self._remove_card(c.id)
            self._remove_points_at("stage", stage_id)
            self._pop("stages", stage_id)
        return Removal(tuple(removed), tuple(changed))

    # ------------------------------------------------------------------ lanes
    def add_lane(self, lane: Lane, index: int | None = None) -> int:
        self._check_lane(lane)
        with self._mutation():
            return self._insert("lanes", index, lane)

    def update_lane(self, lane_id: str, **changes: Any) -> Lane:
        new = self._updated("lanes", lane_id, changes)
        self._check_lane(new)
        with self._mutation():
            old: Lane = self._replace("lanes", new)
            return old

    def move_lane(self, lane_id: str, index: int) -> int:
        with self._mutation():
            return self._relocate("lanes", lane_id, index)

    def remove_lane(self, lane_id: str) -> Removal:
        """Remove a lane with its cards and what hangs on them."""
        self.lane(lane_id)
        with self._mutation(), self._recording() as (removed, changed):
            for c in [c for c in self.journey.cards if c.lane_id == lane_id]:
                self._remove_card(c.id)
            self._pop("lanes", lane_id)
        return Removal(tuple(removed), tuple(changed))

    @staticmethod
    def _check_lane(lane: Lane) -> None:
        if lane.kind not in LANE_KINDS:
            raise ModelError(f"unknown lane kind {lane.kind!r}")

    # ------------------------------------------------------------------ cards
    def add_card(self, card: Card, index: int | None = None) -> int:
        """Insert a card at a global index (None: after the last card of its cell)."""
        self._check_card(card)
        if index is None:
            index = self.cell_insert_index(card.stage_id, card.lane_id, None)
        with self._mutation():
            return self._insert("cards", index, card)

    def update_card(self, card_id: str, **changes: Any) -> Card:
        """Change a card's content. Its cell changes only through move_card."""
        if {"stage_id", "lane_id"} & set(changes):
            raise ModelError("use move_card to change a card's cell")
        new = self._updated("cards", card_id, changes)
        self._check_card(new)
        with self._mutation():
            old: Card = self._replace("cards", new)
            return old

    def cell_insert_index(self, stage_id: str, lane_id: str, position: int | None, skip: str = "") -> int:
        """Global index that puts a card at `position` in a cell (None: at the end of the cell)."""
        cards = self.journey.cards
        cell = [
            i for i, c in enumerate(cards) if c.stage_id == stage_id and c.lane_id == lane_id and c.id != skip
        ]
        if position is not None and position < 0:
            raise ModelError("a position in a cell cannot be negative")
        if position is not None and position < len(cell):
            return cell[position]
        if cell:
            return cell[-1] + 1
        return len(cards)

    def move_card(self, card_id: str, stage_id: str, lane_id: str, position: int | None = None) -> Placement:
        """Move a card to a cell and a position in it; return where it was, for `place_card`."""
        self.stage(stage_id)
        self.lane(lane_id)
        old_place = self.placement(card_id)
        index = self.cell_insert_index(stage_id, lane_id, position, skip=card_id)
        if index > old_place.index:
            index -= 1  # the card leaves its old slot first
        self.place_card(card_id, Placement(stage_id, lane_id, index))
        return old_place

    def place_card(self, card_id: str, place: Placement) -> Placement:
        """Put a card in a cell at an exact global index (undo of move_card)."""
        self.stage(place.stage_id)
        self.lane(place.lane_id)
        old = self.card(card_id)
        old_place = self.placement(card_id)
        with self._mutation():
            if (old.stage_id, old.lane_id) != (place.stage_id, place.lane_id):
                self._replace(
                    "cards", dataclasses.replace(old, stage_id=place.stage_id, lane_id=place.lane_id)
                )
            self._relocate("cards", card_id, place.index)
        return old_place

    def remove_card(self, card_id: str) -> Removal:
        """Remove a card with its connections and emotion points."""
        self.card(card_id)
        with self._mutation(), self._recording() as (removed, changed):
            self._remove_card(card_id)
        return Removal(tuple(removed), tuple(changed))

    def _remove_card(self, card_id: str) -> None:
        for c in [c for c in self.journey.connections if card_id in (c.source_id, c.target_id)]:
            self._pop("connections", c.id)
        self._remove_points_at("card", card_id)
        self._pop("cards", card_id)

    def _check_card(self, card: Card) -> None:
        if card.kind not in CARD_KINDS:
            raise ModelError(f"unknown card kind {card.kind!r}")
        self.stage(card.stage_id)
        self.lane(card.lane_id)
        for persona_id in card.personas:
            self.persona(persona_id)
        if card.votes < 0:
            raise ModelError("votes cannot be negative")

    # ------------------------------------------------------------------ emotion points
    def add_emotion(self, point: EmotionPoint, index: int | None = None) -> int:
        self._check_emotion(point)
        if self.emotion_at(point.persona_id, point.anchor_kind, point.anchor_id) is not None:
            raise ModelError("this persona already has a score there")
        with self._mutation():
            return self._insert("emotions", index, point)

    def update_emotion(self, point_id: str, **changes: Any) -> EmotionPoint:
        new = self._updated("emotions", point_id, changes)
        self._check_emotion(new)
        other = self.emotion_at(new.persona_id, new.anchor_kind, new.anchor_id)
        if other is not None and other.id != point_id:
            raise ModelError("this persona already has a score there")
        with self._mutation():
            old: EmotionPoint = self._replace("emotions", new)
            return old

    def remove_emotion(self, point_id: str) -> Removal:
        self.emotion(point_id)
        with self._mutation(), self._recording() as (removed, changed):
            self._pop("emotions", point_id)
        return Removal(tuple(removed), tuple(changed))

    def _remove_points_at(self, anchor_kind: str, anchor_id: str) -> None:
        for p in [
            p for p in self.journey.emotions if p.anchor_kind == anchor_kind and p.anchor_id == anchor_id
        ]:
            self._pop("emotions", p.id)

    def _check_emotion(self, point: EmotionPoint) -> None:
        self.persona(point.persona_id)
        if point.anchor_kind not in ANCHOR_KINDS:
            raise ModelError(f"unknown anchor kind {point.anchor_kind!r}")
        self.get("stages" if point.anchor_kind == "stage" else "cards", point.anchor_id)
        scale = self.journey.scale
        if not scale.min <= point.score <= scale.max:
            raise ModelError(f"score {point.score} is outside the scale {scale.min}..{scale.max}")

    # ------------------------------------------------------------------ connections
    def add_connection(self, connection: Connection, index: int | None = None) -> int:
        self._check_connection(connection)
        with self._mutation():
            return self._insert("connections", index, connection)

    def update_connection(self, connection_id: str, **changes: Any) -> Connection:
        new = self._updated("connections", connection_id, changes)
        self._check_connection(new, ignore=connection_id)
        with self._mutation():
            old: Connection = self._replace("connections", new)
            return old

    def remove_connection(self, connection_id: str) -> Removal:
        self.connection(connection_id)
        with self._mutation(), self._recording() as (removed, changed):
            self._pop("connections", connection_id)
        return Removal(tuple(removed), tuple(changed))

    def _check_connection(self, conn: Connection, ignore: str = "") -> None:
        self.card(conn.source_id)
        self.card(conn.target_id)
        if conn.source_id == conn.target_id:
            raise ModelError("a card cannot connect to itself")
        for c in self.journey.connections:
            if c.id != ignore and (c.source_id, c.target_id) == (conn.source_id, conn.target_id):
                raise ModelError("these cards are already connected")

    # ------------------------------------------------------------------ map links
    def add_link(self, link: MapLink, index: int | None = None) -> int:
        with self._mutation():
            return self._insert("links", index, link)

    def update_link(self, link_id: str, **changes: Any) -> MapLink:
        new = self._updated("links", link_id, changes)
        with self._mutation():
            old: MapLink = self._replace("links", new)
            return old

    def remove_link(self, link_id: str) -> Removal:
        self.get("links", link_id)
        with self._mutation(), self._recording() as (removed, changed):
            self._pop("links", link_id)
        return Removal(tuple(removed), tuple(changed))

    # ------------------------------------------------------------------ undo support
    def restore(self, removal: Removal) -> None:
        """Put back exactly what a removal took away (the inverse of any remove_* call)."""
        with self._mutation():
            for collection, index, entity in reversed(removal.removed):
                self._insert(collection, index, entity)
            for collection, old, _new in reversed(removal.changed):
                self._replace(collection, old)
