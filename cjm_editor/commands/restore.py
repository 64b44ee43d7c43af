"""Restore a whole map (a saved version, the other side of a comparison) as one undo step.

The document becomes the target map through its ordinary mutations (remove, add, move, update), so
every panel and the canvas follow the events as for any other edit, and undo makes it the map it was.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import Journey, JourneyDocument
from cjm_editor.model.journey import snapshot
from cjm_editor.model.registry import COLLECTIONS

_REMOVE_ORDER = (
    "votes",
    "ratings",
    "connections",
    "emotions",
    "links",
    "cards",
    "lanes",
    "stages",
    "personas",
    "participants",
)


def become(doc: JourneyDocument, target: Journey) -> None:
    """Make the document hold `target`'s content (same ids, keys and fields); its id stays."""
    journey = doc.journey
    wanted = {c.name: {e.id: e for e in getattr(target, c.name)} for c in COLLECTIONS}
    for name in _REMOVE_ORDER:
        for e in list(getattr(journey, name)):
            if e.id not in wanted[name] and doc.has(name, e.id):
                doc.remove(name, e.id)
    for c in COLLECTIONS:  # personas, stages and lanes before the cards and points that name them
        current = {e.id: e for e in getattr(journey, c.name)}
        for e in getattr(target, c.name):
            was = current.get(e.id)
            if was is None:
                doc.add(c.name, e)
                continue
            if was == e:
                continue
            place = {f: getattr(e, f) for f in c.scope}
            if c.ordered and (was.order != e.order or any(getattr(was, f) != v for f, v in place.items())):
                doc.move(c.name, e.id, e.order, **place)
            skip = {"id", "order", *c.scope}
            changes: dict[str, Any] = {
                f.name: getattr(e, f.name)
                for f in dataclasses.fields(e)
                if f.name not in skip and getattr(e, f.name) != getattr(was, f.name)
            }
            if changes:
                doc.update(c.name, e.id, **changes)
    doc.update_journey(
        title=target.title, description=target.description, scale=target.scale, extra=dict(target.extra)
    )
    doc.update_journey(workshop=target.workshop)


class RestoreMap(QUndoCommand):
    """Replace the map's content with another version's, as one step."""

    def __init__(self, doc: JourneyDocument, target: Journey, text: str = "Restore version") -> None:
        super().__init__(text)
        self._doc = doc
        self._target = snapshot(target)
        self._before = snapshot(doc.journey)

    def redo(self) -> None:
        become(self._doc, self._target)

    def undo(self) -> None:
        become(self._doc, self._before)
