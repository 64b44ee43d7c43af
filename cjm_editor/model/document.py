"""JourneyDocument: the only way to change a map.

Every public mutator validates, mutates, emits past-tense events and returns what undo needs: updates
the old values, moves the old place, removals a `Removal` record that `restore()` replays exactly
(cascades included). Nothing refers to list positions: an element's place is its order key (and a
card's cell), so an undo record stays right whatever else changed in between.

Lists are kept sorted (stages, lanes and personas by order key, cards in reading order: see
`journey.sort_key` and `journey.card_sort_key`); the collections are those of `model.registry`, and
each has its rules (validation, cascade on removal) in one table here.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cjm_editor.model import order as order_keys
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
    Rating,
    Stage,
    Vote,
    Workshop,
    card_sort_key,
    sort_key,
)
from cjm_editor.model.normalize import normalize
from cjm_editor.model.registry import COLLECTIONS, collection

T = TypeVar("T")

_JOURNEY_FIELDS = ("title", "description", "scale", "workshop", "extra")


class CollectionEvents(Generic[T]):
    """The four things that can happen to an element of a collection."""

    def __init__(self) -> None:
        self.inserted: Event[[T]] = Event()
        self.removed: Event[[T]] = Event()
        self.changed: Event[[T, T]] = Event()  # old, new (same id, same place)
        self.moved: Event[[T, T]] = Event()  # old, new: its order key (or a card's cell) changed


class DocumentEvents:
    """All events of a document, one group per collection of the registry. `changed` fires once
    after every public mutation."""

    def __init__(self) -> None:
        self._groups: dict[str, CollectionEvents[Any]] = {c.name: CollectionEvents() for c in COLLECTIONS}
        self.journey_changed: Event[[]] = Event()
        self.changed: Event[[]] = Event()

    def of(self, name: str) -> CollectionEvents[Any]:
        return self._groups[name]

    def __getattr__(self, name: str) -> CollectionEvents[Any]:
        groups: dict[str, CollectionEvents[Any]] = self.__dict__["_groups"]
        try:
            return groups[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True, slots=True)
class Removal:
    """What a removal took away, in the order it happened; `JourneyDocument.restore` undoes it."""

    removed: tuple[tuple[str, Any], ...]  # (collection, entity)
    changed: tuple[tuple[str, Any, Any], ...] = ()  # (collection, old entity, new entity)

    def count(self, name: str) -> int:
        """How many elements of a collection went."""
        return sum(1 for c, _ in self.removed if c == name)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a card sits: its cell and its order key among the cell's cards."""

    stage_id: str
    lane_id: str
    order: str


@dataclass(frozen=True, slots=True)
class OrderPlan:
    """A key for an element's new place, and new keys for siblings that must be respaced first."""

    key: str
    respace: tuple[tuple[str, str], ...] = ()  # (element id, new key)


@dataclass(frozen=True, slots=True)
class _Rules:
    check: Callable[[Any], None]
    cascade: Callable[[str], None]


class JourneyDocument:
    """Owns a Journey; the only mutation API. Handlers of its events must not mutate it."""

    def __init__(self, journey: Journey | None = None) -> None:
        self.journey = journey if journey is not None else Journey()
        normalize(self.journey)
        self.events = DocumentEvents()
        self._by_id: dict[str, dict[str, Any]] = {}
        self._depth = 0
        self._touched = False
        self._removal_log: list[tuple[str, Any]] | None = None
        self._change_log: list[tuple[str, Any, Any]] | None = None
        self._rules = {
            "personas": _Rules(self._check_persona, self._persona_cascade),
            "stages": _Rules(self._check_stage, self._stage_cascade),
            "lanes": _Rules(self._check_lane, self._lane_cascade),
            "cards": _Rules(self._check_card, self._card_cascade),
            "emotions": _Rules(self._check_emotion, _nothing),
            "connections": _Rules(self._check_connection, _nothing),
            "links": _Rules(_nothing, _nothing),
            "participants": _Rules(_nothing, self._participant_cascade),
            "votes": _Rules(self._check_vote, _nothing),
            "ratings": _Rules(self._check_rating, _nothing),
        }
        for c in COLLECTIONS:
            self._by_id[c.name] = {e.id: e for e in getattr(self.journey, c.name)}
        self._card_key = card_sort_key(self.journey.stages, self.journey.lanes)

    # ------------------------------------------------------------------ queries
    def get(self, name: str, element_id: str) -> Any:
        """Return the entity with this id, or raise ModelError."""
        try:
            return self._by_id[name][element_id]
        except KeyError:
            raise ModelError(f"no {collection(name).singular} with id {element_id!r}") from None

    def has(self, name: str, element_id: str) -> bool:
        return element_id in self._by_id[name]

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
        for c in COLLECTIONS:
            if element_id in self._by_id[c.name]:
                return c.name
        return None

    def index_of(self, name: str, element_id: str) -> int:
        """The element's position in its list as shown (for display, never for undo records)."""
        return self._position(name, self.get(name, element_id))

    def siblings(self, name: str, scope: tuple[Any, ...] = ()) -> list[Any]:
        """The elements that share an ordering scope (a card's cell; the whole list otherwise)."""
        if name == "cards":
            return self.cell_cards(*scope)
        return list(self._list(name))

    def cell_cards(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards of one cell, in their order (a slice of the list: cards are in reading order)."""
        cards, key = self.journey.cards, self._card_key
        cell = key(Card(stage_id, lane_id, order="", id=""))[:2]
        lo = bisect.bisect_left(cards, cell, key=lambda c: key(c)[:2])
        hi = bisect.bisect_right(cards, cell, lo=lo, key=lambda c: key(c)[:2])
        return [c for c in cards[lo:hi] if c.stage_id == stage_id and c.lane_id == lane_id]

    def placement(self, card_id: str) -> Placement:
        card = self.card(card_id)
        return Placement(card.stage_id, card.lane_id, card.order)

    def emotion_at(self, persona_id: str, anchor_kind: str, anchor_id: str) -> EmotionPoint | None:
        for p in self.journey.emotions:
            if p.persona_id == persona_id and p.anchor_kind == anchor_kind and p.anchor_id == anchor_id:
                return p
        return None

    def plan_order(
        self, name: str, position: int | None, scope: tuple[Any, ...] = (), moving: str = ""
    ) -> OrderPlan:
        """A key that puts an element at `position` among its siblings (None: after the last),
        the element `moving` itself not counted."""
        if position is not None and position < 0:
            raise ModelError("a position cannot be negative")
        others = [e for e in self.siblings(name, scope) if e.id != moving]
        keys, ids = [e.order for e in others], [e.id for e in others]
        where = order_keys.slot(keys, len(keys) if position is None else position)
        return OrderPlan(where.key, tuple((ids[i], key) for i, key in where.respace))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several mutations so `changed` fires once after them (a co-editor's merged update)."""
        with self._mutation():
            yield

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

    def _list(self, name: str) -> list[Any]:
        items: list[Any] = getattr(self.journey, name)
        return items

    def _key(self, name: str) -> Callable[[Any], Any]:
        return self._card_key if name == "cards" else sort_key

    def _structure_changed(self, name: str) -> None:
        """Stages or lanes changed order: cards follow (they are kept in reading order)."""
        if name in ("stages", "lanes"):
            self._card_key = card_sort_key(self.journey.stages, self.journey.lanes)
            self.journey.cards.sort(key=self._card_key)

    def _position(self, name: str, entity: Any) -> int:
        items, sort = self._list(name), self._key(name)
        i = bisect.bisect_left(items, sort(entity), key=sort)
        while i < len(items) and items[i] is not entity:  # equal keys: the same entity is near
            i += 1
        if i == len(items):
            raise AssertionError("id index out of sync")  # pragma: no cover
        return i

    def _insert(self, name: str, entity: Any) -> None:
        if self.collection_of(entity.id) is not None:
            raise ModelError(f"an element with id {entity.id!r} already exists")
        spec = collection(name)
        if spec.ordered and not order_keys.is_valid(entity.order):
            raise ModelError(f"{entity.order!r} is not an order key")
        bisect.insort(self._list(name), entity, key=self._key(name))
        self._by_id[name][entity.id] = entity
        self._structure_changed(name)
        self._touched = True
        self.events.of(name).inserted.emit(entity)

    def _pop(self, name: str, element_id: str) -> None:
        entity = self.get(name, element_id)
        del self._list(name)[self._position(name, entity)]
        del self._by_id[name][element_id]
        self._structure_changed(name)
        self._touched = True
        if self._removal_log is not None:
            self._removal_log.append((name, entity))
        self.events.of(name).removed.emit(entity)

    def _replace(self, name: str, new: Any) -> Any:
        old = self.get(name, new.id)
        if new == old:
            return old
        items, sort = self._list(name), self._key(name)
        index = self._position(name, old)
        spec = collection(name)
        moved = old.order != new.order if spec.ordered else False
        moved = moved or spec.siblings_of(old) != spec.siblings_of(new)
        if sort(old) == sort(new):
            items[index] = new
        else:
            if spec.ordered and not order_keys.is_valid(new.order):
                raise ModelError(f"{new.order!r} is not an order key")
            del items[index]
            bisect.insort(items, new, key=sort)
        self._by_id[name][new.id] = new
        if moved:
            self._structure_changed(name)
        self._touched = True
        if self._change_log is not None:
            self._change_log.append((name, old, new))
        events = self.events.of(name)
        (events.moved if moved else events.changed).emit(old, new)
        return old

    @contextmanager
    def _recording(self) -> Iterator[tuple[list[tuple[str, Any]], list[tuple[str, Any, Any]]]]:
        outer = (self._removal_log, self._change_log)
        removed: list[tuple[str, Any]] = []
        changed: list[tuple[str, Any, Any]] = []
        self._removal_log, self._change_log = removed, changed
        try:
            yield removed, changed
        finally:
            self._removal_log, self._change_log = outer
            if outer[0] is not None and outer[1] is not None:
                outer[0].extend(removed)
                outer[1].extend(changed)

    def _updated(self, name: str, element_id: str, changes: dict[str, Any]) -> Any:
        old = self.get(name, element_id)
        if "id" in changes and changes["id"] != element_id:
            raise ModelError("an element's id cannot change")
        try:
            return dataclasses.replace(old, **changes)
        except TypeError as exc:
            raise ModelError(str(exc)) from None

    def _end_key(self, name: str, scope: tuple[Any, ...]) -> str:
        keys = [e.order for e in self.siblings(name, scope)]
        return order_keys.between(max(keys), None) if keys else order_keys.first_keys(1)[0]

    # ------------------------------------------------------------------ generic
    def add(self, name: str, entity: Any) -> None:
        """Add an element. An ordered one without a key goes after its last sibling."""
        spec = collection(name)
        if not isinstance(entity, spec.entity):
            raise ModelError(f"not a {spec.singular}")
        if spec.ordered and not entity.order:
            entity = dataclasses.replace(entity, order=self._end_key(name, spec.siblings_of(entity)))
        self._rules[name].check(entity)
        with self._mutation():
            self._insert(name, entity)

    def update(self, name: str, element_id: str, /, **changes: Any) -> Any:
        """Change an element's content (not its place: see `move`); return the old element."""
        if "order" in changes or set(collection(name).scope) & set(changes):
            raise ModelError(f"use move to change where a {collection(name).singular} sits")
        new = self._updated(name, element_id, changes)
        self._rules[name].check(new)
        with self._mutation():
            return self._replace(name, new)

    def move(self, name: str, element_id: str, order: str, /, **scope: Any) -> Any:
        """Give an element a new order key (and a card a new cell: stage_id, lane_id); return the
        old element, whose fields undo the move."""
        spec = collection(name)
        if not spec.ordered or set(scope) - set(spec.scope):
            raise ModelError(f"a {spec.singular} cannot move that way")
        new = self._updated(name, element_id, {"order": order, **scope})
        self._rules[name].check(new)
        with self._mutation():
            return self._replace(name, new)

    def respace(self, name: str, keys: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        """Give several elements new keys in their place (an OrderPlan's respacing); return their
        old keys, which undo it."""
        old: list[tuple[str, str]] = []
        with self._mutation():
            for element_id, key in keys:
                entity = self.get(name, element_id)
                old.append((element_id, entity.order))
                self._replace(name, dataclasses.replace(entity, order=key))
        return tuple(reversed(old))

    def remove(self, name: str, element_id: str) -> Removal:
        """Remove an element with everything that hangs on it."""
        self.get(name, element_id)
        with self._mutation(), self._recording() as (removed, changed):
            self._rules[name].cascade(element_id)
            self._pop(name, element_id)
        return Removal(tuple(removed), tuple(changed))

    def restore(self, removal: Removal) -> None:
        """Put back exactly what a removal took away (the inverse of any remove call)."""
        with self._mutation():
            for name, entity in reversed(removal.removed):
                self._insert(name, entity)
            for name, old, _new in reversed(removal.changed):
                self._replace(name, old)

    # ------------------------------------------------------------------ journey
    def update_journey(self, /, **changes: Any) -> dict[str, Any]:
        """Change title, description, scale or extra; return the old values of what was given."""
        unknown = set(changes) - set(_JOURNEY_FIELDS)
        if unknown:
            raise ModelError(f"not a journey field: {', '.join(sorted(unknown))}")
        scale = changes.get("scale")
        if scale is not None:
            self._check_scale(scale)
        workshop = changes.get("workshop")
        if workshop is not None:
            self._check_workshop(workshop)
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
        for r in self.journey.ratings:
            if not scale.min <= r.score <= scale.max:
                raise ModelError(f"score {r.score} of a rating is outside {scale.min}..{scale.max}")

    def _check_workshop(self, workshop: Workshop) -> None:
        if not isinstance(workshop, Workshop) or workshop.dots < 1:
            raise ModelError("each participant needs at least one dot")
        unknown = set(workshop.votable) - set(CARD_KINDS)
        if unknown:
            raise ModelError(f"unknown card kind {sorted(unknown)[0]!r}")

    # ------------------------------------------------------------------ named shortcuts
    def add_persona(self, persona: Persona) -> None:
        self.add("personas", persona)

    def add_stage(self, stage: Stage) -> None:
        self.add("stages", stage)

    def add_lane(self, lane: Lane) -> None:
        self.add("lanes", lane)

    def add_card(self, card: Card) -> None:
        self.add("cards", card)

    def add_emotion(self, point: EmotionPoint) -> None:
        self.add("emotions", point)

    def add_connection(self, connection: Connection) -> None:
        self.add("connections", connection)

    def add_link(self, link: MapLink) -> None:
        self.add("links", link)

    def update_card(self, card_id: str, /, **changes: Any) -> Card:
        old: Card = self.update("cards", card_id, **changes)
        return old

    def update_emotion(self, point_id: str, /, **changes: Any) -> EmotionPoint:
        old: EmotionPoint = self.update("emotions", point_id, **changes)
        return old

    def move_card(self, card_id: str, stage_id: str, lane_id: str, order: str) -> Placement:
        """Move a card to a cell and an order key in it; return where it was."""
        old: Card = self.move("cards", card_id, order, stage_id=stage_id, lane_id=lane_id)
        return Placement(old.stage_id, old.lane_id, old.order)

    def move_card_to(
        self, card_id: str, stage_id: str, lane_id: str, position: int | None = None
    ) -> Placement:
        """Move a card to a position in a cell (None: last), respacing neighbours if needed; return
        where it was. For scripts and importers; undo commands plan first and keep the plan."""
        plan = self.plan_order("cards", position, (stage_id, lane_id), moving=card_id)
        with self._mutation():
            self.respace("cards", plan.respace)
            return self.move_card(card_id, stage_id, lane_id, plan.key)

    def remove_card(self, card_id: str) -> Removal:
        return self.remove("cards", card_id)

    def remove_emotion(self, point_id: str) -> Removal:
        return self.remove("emotions", point_id)

    # ------------------------------------------------------------------ rules: checks
    def _check_persona(self, persona: Persona) -> None:
        pass

    def _check_stage(self, stage: Stage) -> None:
        if stage.width is not None and stage.width <= 0:
            raise ModelError("a stage's width must be positive")

    def _check_lane(self, lane: Lane) -> None:
        if lane.kind not in LANE_KINDS:
            raise ModelError(f"unknown lane kind {lane.kind!r}")

    def _check_card(self, card: Card) -> None:
        if card.kind not in CARD_KINDS:
            raise ModelError(f"unknown card kind {card.kind!r}")
        self.stage(card.stage_id)
        self.lane(card.lane_id)
        for persona_id in card.personas:
            self.persona(persona_id)

    def _check_score(self, persona_id: str, anchor_kind: str, anchor_id: str, score: float) -> None:
        """A persona's score at a stage or a card (an emotion point or a participant's rating)."""
        self.persona(persona_id)
        if anchor_kind not in ANCHOR_KINDS:
            raise ModelError(f"unknown anchor kind {anchor_kind!r}")
        self.get("stages" if anchor_kind == "stage" else "cards", anchor_id)
        scale = self.journey.scale
        if not scale.min <= score <= scale.max:
            raise ModelError(f"score {score} is outside the scale {scale.min}..{scale.max}")

    def _check_emotion(self, point: EmotionPoint) -> None:
        self._check_score(point.persona_id, point.anchor_kind, point.anchor_id, point.score)
        other = self.emotion_at(point.persona_id, point.anchor_kind, point.anchor_id)
        if other is not None and other.id != point.id:
            raise ModelError("this persona already has a score there")

    def _check_connection(self, conn: Connection) -> None:
        self.card(conn.source_id)
        self.card(conn.target_id)
        if conn.source_id == conn.target_id:
            raise ModelError("a card cannot connect to itself")
        for c in self.journey.connections:
            if c.id != conn.id and (c.source_id, c.target_id) == (conn.source_id, conn.target_id):
                raise ModelError("these cards are already connected")

    def _check_vote(self, vote: Vote) -> None:
        """A vote names a card and, unless anonymous, a participant. How many dots a participant may
        place, and on which kinds, is the voting gesture's rule (model/workshop.py `vote_refusal`), not
        the map's: a restored version, a recovered map or a co-editor's votes are accepted as they are."""
        self.card(vote.card_id)
        if vote.participant_id is not None:
            self.get("participants", vote.participant_id)

    def _check_rating(self, rating: Rating) -> None:
        self._check_score(rating.persona_id, rating.anchor_kind, rating.anchor_id, rating.score)
        if rating.participant_id is None:
            return
        self.get("participants", rating.participant_id)
        for r in self.journey.ratings:
            if r.id != rating.id and (r.participant_id, r.persona_id, r.anchor_kind, r.anchor_id) == (
                rating.participant_id,
                rating.persona_id,
                rating.anchor_kind,
                rating.anchor_id,
            ):
                raise ModelError("this participant already rated this persona there")

    # ------------------------------------------------------------------ rules: cascades
    def _persona_cascade(self, persona_id: str) -> None:
        """A persona takes its emotion points, its ratings and its mention on cards."""
        for p in [p for p in self.journey.emotions if p.persona_id == persona_id]:
            self._pop("emotions", p.id)
        for r in [r for r in self.journey.ratings if r.persona_id == persona_id]:
            self._pop("ratings", r.id)
        for c in [c for c in self.journey.cards if persona_id in c.personas]:
            kept = tuple(x for x in c.personas if x != persona_id)
            self._replace("cards", dataclasses.replace(c, personas=kept))

    def _stage_cascade(self, stage_id: str) -> None:
        """A stage takes its cards (with what hangs on them) and its own emotion points."""
        for c in [c for c in self.journey.cards if c.stage_id == stage_id]:
            self._card_cascade(c.id)
            self._pop("cards", c.id)
        self._remove_points_at("stage", stage_id)

    def _lane_cascade(self, lane_id: str) -> None:
        for c in [c for c in self.journey.cards if c.lane_id == lane_id]:
            self._card_cascade(c.id)
            self._pop("cards", c.id)

    def _card_cascade(self, card_id: str) -> None:
        """A card takes its connections, votes, emotion points and ratings."""
        for c in [c for c in self.journey.connections if card_id in (c.source_id, c.target_id)]:
            self._pop("connections", c.id)
        for v in [v for v in self.journey.votes if v.card_id == card_id]:
            self._pop("votes", v.id)
        self._remove_points_at("card", card_id)

    def _participant_cascade(self, participant_id: str) -> None:
        """A participant takes their votes and ratings."""
        for v in [v for v in self.journey.votes if v.participant_id == participant_id]:
            self._pop("votes", v.id)
        for r in [r for r in self.journey.ratings if r.participant_id == participant_id]:
            self._pop("ratings", r.id)

    def _remove_points_at(self, anchor_kind: str, anchor_id: str) -> None:
        """Emotion points and ratings anchored at a stage or card."""
        for p in [
            p for p in self.journey.emotions if p.anchor_kind == anchor_kind and p.anchor_id == anchor_id
        ]:
            self._pop("emotions", p.id)
        for r in [
            r for r in self.journey.ratings if r.anchor_kind == anchor_kind and r.anchor_id == anchor_id
        ]:
            self._pop("ratings", r.id)


def _nothing(_: Any) -> None:
    return None
