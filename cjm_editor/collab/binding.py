"""Keep a JourneyDocument and a Y doc in step.

Local: the document's element events are queued and written to Y in one transaction when the
document's `changed` event fires (once per public mutation, so once per user gesture), with the
origin `LOCAL`. Remote: Y changes that the binding did not write (a peer's update, an undo) are
collected by deep observers and applied to the document as one batch, outside any undo stack.

A CRDT merge keeps no invariants: a card may land in a stage a peer deleted, a connection may point
at a deleted card, two peers may score the same persona at the same stage. Such states are repaired
as the loader repairs a file (a visible placeholder for a missing stage, lane or persona; a dangling
connection or score removed; of two duplicates the one with the smaller id kept), the repair is
written back to Y with the origin `REPAIR` so every peer agrees, and each one is reported through
`repaired`. Undo in a shared map is the Y UndoManager, tracking the `LOCAL` origin only: it undoes
your own edits and leaves a peer's later value of the same field alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pycrdt import Doc, Map, TransactionEvent, UndoManager

from cjm_editor.collab.ystate import META, NAMES, apply_meta, decode, meta_values, plain, root
from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.formats.journey_codec import element_to_dict
from cjm_editor.model.document import JourneyDocument
from cjm_editor.model.errors import ModelError
from cjm_editor.model.events import Event
from cjm_editor.model.journey import Connection, EmotionPoint, Journey, Lane, Persona, Stage
from cjm_editor.model.registry import COLLECTIONS, collection

LOCAL = "cjm-local"
"""Origin of the user's own gestures: the only origin the undo manager tracks."""
REPAIR = "cjm-repair"
"""Origin of the repairs the binding writes after a merge (never undone)."""
REMOTE = "cjm-remote"
"""Origin of a peer's update applied here."""

Op = tuple[str, str, Any]


class Binding:
    """Binds `doc` to `ydoc`, which must hold the same map when the binding starts."""

    def __init__(self, doc: JourneyDocument, ydoc: Doc[Any], display: str = "shared map") -> None:
        self.doc, self.ydoc, self.display = doc, ydoc, display
        self.outgoing: Event[[bytes]] = Event()
        """Every Y update made here (local edits, repairs, undo), to send to the peers."""
        self.repaired: Event[[list[str]]] = Event()
        """What a merge got wrong and how it was repaired, one line each."""
        self._roots = {n: root(ydoc, n) for n in NAMES}
        self._meta = root(ydoc, META)
        self._ops: list[Op] = []
        self._origin = LOCAL
        self._applying = False  # document changes that come from Y: not written back
        self._writing = False  # Y changes that come from the document: not read back
        self._receiving = False  # a peer's update: not sent out again
        self._touched: dict[str, set[str]] = {n: set() for n in NAMES}
        self._meta_touched = False
        self._subscriptions: list[Any] = []
        self._handlers: list[tuple[Event[Any], Any]] = []
        for name in NAMES:
            events = doc.events.of(name)
            for event, handler in (
                (events.inserted, self._inserted(name)),
                (events.removed, self._removed(name)),
                (events.changed, self._changed(name)),
                (events.moved, self._changed(name)),
            ):
                event.connect(handler)
                self._handlers.append((event, handler))
            self._subscriptions.append(
                (self._roots[name], self._roots[name].observe_deep(self._observer(name)))
            )
        doc.events.journey_changed.connect(self._journey_changed)
        doc.events.changed.connect(self._flush)
        self._subscriptions.append((self._meta, self._meta.observe_deep(self._observer(META))))
        self._doc_subscription = ydoc.observe(self._transaction)
        self.undo_manager = UndoManager(scopes=[self._meta, *self._roots.values()], capture_timeout_millis=0)
        self.undo_manager.include_origin(LOCAL)

    # ------------------------------------------------------------------ document -> Y
    def _inserted(self, name: str) -> Any:
        def handler(entity: Any) -> None:
            if not self._applying:
                self._ops.append(("put", name, entity))

        return handler

    def _removed(self, name: str) -> Any:
        def handler(entity: Any) -> None:
            if not self._applying:
                self._ops.append(("del", name, entity.id))

        return handler

    def _changed(self, name: str) -> Any:
        def handler(old: Any, new: Any) -> None:
            if not self._applying:
                self._ops.append(("diff", name, (old, new)))

        return handler

    def _journey_changed(self) -> None:
        if not self._applying:
            self._ops.append(("meta", META, None))

    def _flush(self) -> None:
        if not self._ops:
            return
        ops, self._ops = self._ops, []
        with self._writes(), self.ydoc.transaction(origin=self._origin):
            for kind, name, value in ops:
                if kind == "meta":
                    for key, new in meta_values(self.doc.journey).items():
                        if key not in self._meta or plain(self._meta[key]) != new:
                            self._meta[key] = new
                    continue
                target = self._roots[name]
                if kind == "put":
                    target[value.id] = Map(element_to_dict(name, value))
                elif kind == "del":
                    if value in target:
                        del target[value]
                else:
                    self._write_diff(name, *value)

    def _write_diff(self, name: str, old: Any, new: Any) -> None:
        target = self._roots[name]
        element = target.get(new.id)
        fields = element_to_dict(name, new)
        if not isinstance(element, Map):
            target[new.id] = Map(fields)
            return
        before = element_to_dict(name, old)
        for key, value in fields.items():
            if key not in before or before[key] != value:
                element[key] = value
        for key in before.keys() - fields.keys():
            if key in element:
                del element[key]

    @contextmanager
    def _writes(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    def _transaction(self, event: TransactionEvent) -> None:
        if not self._receiving:
            self.outgoing.emit(event.update)

    # ------------------------------------------------------------------ Y -> document
    def _observer(self, name: str) -> Any:
        def observe(events: list[Any]) -> None:
            if self._writing:
                return
            if name == META:
                self._meta_touched = True
                return
            touched = self._touched[name]
            for e in events:
                if e.path:
                    touched.add(str(e.path[0]))
                else:
                    touched.update(e.keys)

        return observe

    def apply_remote(self, update: bytes) -> None:
        """Merge a peer's update into Y and the document (never onto an undo stack)."""
        self._receiving = True
        try:
            with self.ydoc.transaction(origin=REMOTE):
                self.ydoc.apply_update(update)
        finally:
            self._receiving = False
        self.sync_from_y()

    def undo(self) -> bool:
        """Undo your own last gesture in Y (a peer's later edits stay); False when nothing to undo."""
        done = self.undo_manager.undo()
        self.sync_from_y()
        return done

    def redo(self) -> bool:
        done = self.undo_manager.redo()
        self.sync_from_y()
        return done

    def sync_from_y(self) -> None:
        """Apply the Y changes the binding has not seen yet to the document, repairing what a merge
        broke (repairs go back to Y, not onto the undo stack)."""
        if not self._meta_touched and not any(self._touched.values()):
            return
        repairs: list[str] = []
        self._origin = REPAIR
        try:
            with self.doc.batch():
                if self._meta_touched:
                    self._meta_touched = False
                    self._apply_meta(repairs)
                for _ in range(3):
                    touched, self._touched = self._touched, {n: set() for n in NAMES}
                    if not any(touched.values()):
                        break
                    self._apply(touched, repairs)
            self._flush()
        finally:
            self._origin = LOCAL
        if repairs:
            self.repaired.emit(repairs)

    @contextmanager
    def _from_y(self) -> Iterator[None]:
        self._applying = True
        try:
            yield
        finally:
            self._applying = False

    def _apply_meta(self, repairs: list[str]) -> None:
        scratch = Journey()
        report = LoadReport(self.display)
        apply_meta(scratch, plain(self._meta) or {}, report)
        repairs.extend(report.lines())
        journey = self.doc.journey
        changes = {
            k: getattr(scratch, k)
            for k in ("title", "description", "scale", "workshop", "extra")
            if getattr(scratch, k) != getattr(journey, k)
        }
        try:
            with self._from_y():
                self.doc.update_journey(**changes)
        except ModelError as exc:
            repairs.append(f"{self.display}: meta: {exc}; kept the map's own values")
            self._ops.append(("meta", META, None))

    def _apply(self, touched: dict[str, set[str]], repairs: list[str]) -> None:
        for spec in COLLECTIONS:
            target = self._roots[spec.name]
            for element_id in sorted(touched[spec.name]):
                raw = target.get(element_id)
                if raw is None:
                    continue
                try:
                    entity = decode(spec.name, element_id, raw, self.display)
                except LoadError as exc:
                    repairs.append(f"{exc}; left a peer's change out")
                    continue
                self._put(spec.name, entity, repairs)
        for spec in reversed(COLLECTIONS):
            target = self._roots[spec.name]
            for element_id in sorted(touched[spec.name]):
                if element_id in target or not self.doc.has(spec.name, element_id):
                    continue
                with self._from_y():
                    removal = self.doc.remove(spec.name, element_id)
                # what the cascade took or changed that Y still holds (a peer's concurrent edit)
                for name, entity in removal.removed:
                    if entity.id in self._roots[name]:
                        self._touched[name].add(entity.id)
                for name, _old, new in removal.changed:
                    self._touched[name].add(new.id)

    def _put(self, name: str, entity: Any, repairs: list[str]) -> None:
        fixed = False
        for _ in range(4):
            try:
                if fixed:  # a repaired element goes back to Y as well
                    self._replace(name, entity)
                else:
                    with self._from_y():
                        self._replace(name, entity)
                return
            except ModelError as exc:
                result = self._repair(name, entity, str(exc), repairs)
                if result is None:
                    return
                fixed = fixed or result is not entity
                entity = result
        repairs.append(f"{self.display}: {name}.{entity.id}: could not apply a peer's change")

    def _replace(self, name: str, new: Any) -> None:
        doc = self.doc
        if not doc.has(name, new.id):
            doc.add(name, new)
            return
        old = doc.get(name, new.id)
        if old == new:
            return
        spec = collection(name)
        if spec.ordered and (old.order != new.order or spec.siblings_of(old) != spec.siblings_of(new)):
            doc.move(name, new.id, new.order, **{f: getattr(new, f) for f in spec.scope})
        skip = {"id", "order", *spec.scope}
        rest = {
            f.name: getattr(new, f.name)
            for f in dataclasses.fields(new)
            if f.name not in skip and getattr(old, f.name) != getattr(new, f.name)
        }
        if rest:
            doc.update(name, new.id, **rest)

    # ------------------------------------------------------------------ repairs
    def _drop(self, name: str, entity: Any, why: str, repairs: list[str]) -> None:
        """Remove an element a merge made invalid, from Y and the document."""
        repairs.append(f"{self.display}: {name}.{entity.id}: {why}; removed it")
        if self.doc.has(name, entity.id):
            self.doc.remove(name, entity.id)
        self._ops.append(("del", name, entity.id))

    def _placeholder(self, name: str, element_id: str, why: str, repairs: list[str]) -> None:
        doc = self.doc
        if doc.has(name, element_id):
            return
        word = collection(name).singular
        label = f"Missing {word} ({element_id})"
        entity: Any
        if name == "stages":
            entity = Stage(id=element_id, name=label)
        elif name == "lanes":
            entity = Lane(id=element_id, name=label, kind="notes")
        else:
            entity = Persona(id=element_id, name=label, colour="#888888")
        doc.add(name, entity)
        repairs.append(f"{self.display}: {name}.{element_id}: {why}; added a placeholder {word}")

    def _repair(self, name: str, entity: Any, error: str, repairs: list[str]) -> Any:
        """Make `entity` fit the document: return it (or a fixed copy) to try again, None when it
        was removed instead."""
        doc = self.doc
        if name == "cards":
            if not doc.has("stages", entity.stage_id):
                self._placeholder("stages", entity.stage_id, "a card sits in a stage a peer deleted", repairs)
                return entity
            if not doc.has("lanes", entity.lane_id):
                self._placeholder("lanes", entity.lane_id, "a card sits in a lane a peer deleted", repairs)
                return entity
            kept = tuple(p for p in entity.personas if doc.has("personas", p))
            if kept != entity.personas:
                repairs.append(f"{self.display}: cards.{entity.id}: it named a deleted persona; dropped it")
                return dataclasses.replace(entity, personas=kept)
        elif name == "emotions":
            return self._repair_emotion(entity, repairs)
        elif name == "connections":
            return self._repair_connection(entity, repairs)
        repairs.append(f"{self.display}: {name}.{entity.id}: {error}; left a peer's change out")
        return None

    def _repair_emotion(self, point: EmotionPoint, repairs: list[str]) -> Any:
        doc = self.doc
        if not doc.has("personas", point.persona_id):
            self._placeholder("personas", point.persona_id, "a score names a deleted persona", repairs)
            return point
        if not doc.has("stages" if point.anchor_kind == "stage" else "cards", point.anchor_id):
            self._drop("emotions", point, f"its {point.anchor_kind} was deleted by a peer", repairs)
            return None
        scale = doc.journey.scale
        if not scale.contains(point.score):
            repairs.append(f"{self.display}: emotions.{point.id}: score {point.score} is outside the scale")
            return dataclasses.replace(point, score=scale.clamp(point.score))
        other = doc.emotion_at(point.persona_id, point.anchor_kind, point.anchor_id)
        if other is not None and other.id != point.id:
            loser, keep = (other, point) if point.id < other.id else (point, other)
            self._drop("emotions", loser, "two peers scored the same persona there at once", repairs)
            return keep if keep is point else None
        repairs.append(f"{self.display}: emotions.{point.id}: a peer's score does not fit; left it out")
        return None

    def _repair_connection(self, conn: Connection, repairs: list[str]) -> Any:
        doc = self.doc
        if not (doc.has("cards", conn.source_id) and doc.has("cards", conn.target_id)):
            self._drop("connections", conn, "one of its cards was deleted by a peer", repairs)
            return None
        if conn.source_id == conn.target_id:
            self._drop("connections", conn, "it connects a card to itself", repairs)
            return None
        for other in doc.journey.connections:
            if other.id != conn.id and (other.source_id, other.target_id) == (conn.source_id, conn.target_id):
                loser, keep = (other, conn) if conn.id < other.id else (conn, other)
                self._drop("connections", loser, "two peers connected the same cards at once", repairs)
                return keep if keep is conn else None
        repairs.append(
            f"{self.display}: connections.{conn.id}: a peer's connection does not fit; left it out"
        )
        return None

    # ------------------------------------------------------------------ whole-map
    def write_document(self) -> None:
        """Make Y hold exactly the document (after a join whose map the loader had to repair)."""
        with self._writes(), self.ydoc.transaction(origin=REPAIR):
            for name in NAMES:
                target = self._roots[name]
                ids = {e.id for e in getattr(self.doc.journey, name)}
                for element_id in [k for k in list(target.keys()) if k not in ids]:
                    del target[element_id]
                for entity in getattr(self.doc.journey, name):
                    fields = element_to_dict(name, entity)
                    current = target.get(entity.id)
                    if not isinstance(current, Map) or plain(current) != fields:
                        target[entity.id] = Map(fields)
            for key, value in meta_values(self.doc.journey).items():
                if key not in self._meta or plain(self._meta[key]) != value:
                    self._meta[key] = value

    def close(self) -> None:
        """Stop following both sides."""
        for target, subscription in self._subscriptions:
            target.unobserve(subscription)
        self.ydoc.unobserve(self._doc_subscription)
        for event, handler in self._handlers:
            event.disconnect(handler)
        self.doc.events.changed.disconnect(self._flush)
        self.doc.events.journey_changed.disconnect(self._journey_changed)
