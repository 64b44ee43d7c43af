"""Changing and reordering elements: two generic commands serve every collection, and the named
ones below are what the user does (rename a stage, collapse a lane, move a stage...)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import JourneyDocument
from cjm_editor.model.registry import collection


class UpdateElement(QUndoCommand):
    """Change fields of any element through the document's `update`."""

    def __init__(
        self, doc: JourneyDocument, name: str, element_id: str, text: str, /, **changes: Any
    ) -> None:
        super().__init__(text)
        self._doc, self._name, self._id = doc, name, element_id
        old = doc.get(name, element_id)
        self._new, self._old = changes, {k: getattr(old, k) for k in changes}

    def redo(self) -> None:
        self._doc.update(self._name, self._id, **self._new)

    def undo(self) -> None:
        self._doc.update(self._name, self._id, **self._old)


class ReorderElement(QUndoCommand):
    """Move a stage, lane or persona to a position among the others (its order key changes)."""

    def __init__(self, doc: JourneyDocument, name: str, element_id: str, index: int) -> None:
        entity = doc.get(name, element_id)
        super().__init__(f"Move {collection(name).singular} “{entity.name}”")
        self._doc, self._name, self._id = doc, name, element_id
        plan = doc.plan_order(name, index, moving=element_id)
        self._key, self._old = plan.key, entity.order
        self._respace = plan.respace
        self._unspace: tuple[tuple[str, str], ...] = ()

    def redo(self) -> None:
        self._unspace = self._doc.respace(self._name, self._respace)
        self._doc.move(self._name, self._id, self._key)

    def undo(self) -> None:
        self._doc.move(self._name, self._id, self._old)
        self._doc.respace(self._name, self._unspace)


class RenameStage(UpdateElement):
    def __init__(self, doc: JourneyDocument, stage_id: str, name: str) -> None:
        super().__init__(doc, "stages", stage_id, f"Rename “{doc.stage(stage_id).name}”", name=name)


class RenameLane(UpdateElement):
    def __init__(self, doc: JourneyDocument, lane_id: str, name: str) -> None:
        super().__init__(doc, "lanes", lane_id, f"Rename “{doc.lane(lane_id).name}”", name=name)


class SetLaneCollapsed(UpdateElement):
    def __init__(self, doc: JourneyDocument, lane_id: str, collapsed: bool) -> None:
        verb = "Collapse" if collapsed else "Expand"
        super().__init__(doc, "lanes", lane_id, f"{verb} “{doc.lane(lane_id).name}”", collapsed=collapsed)


class MoveStage(ReorderElement):
    def __init__(self, doc: JourneyDocument, stage_id: str, index: int) -> None:
        super().__init__(doc, "stages", stage_id, index)


class MoveLane(ReorderElement):
    def __init__(self, doc: JourneyDocument, lane_id: str, index: int) -> None:
        super().__init__(doc, "lanes", lane_id, index)


class ResizeStage(UpdateElement):
    def __init__(self, doc: JourneyDocument, stage_id: str, width: float | None) -> None:
        super().__init__(doc, "stages", stage_id, f"Resize “{doc.stage(stage_id).name}”", width=width)


class EditMap(QUndoCommand):
    """Change the map's own fields: title, description or emotion scale."""

    def __init__(self, doc: JourneyDocument, text: str, /, **changes: Any) -> None:
        super().__init__(text)
        self._doc = doc
        self._new = changes
        self._old = {k: getattr(doc.journey, k) for k in changes}

    def redo(self) -> None:
        self._doc.update_journey(**self._new)

    def undo(self) -> None:
        self._doc.update_journey(**self._old)
