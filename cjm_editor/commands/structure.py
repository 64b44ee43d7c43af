"""Stage and lane commands: rename, reorder, collapse. Two generic commands serve both kinds."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.commands.elements import SINGULAR as _SINGULAR
from cjm_editor.model import JourneyDocument


class UpdateElement(QUndoCommand):
    """Change fields of a stage, lane, persona, connection or emotion point through its document
    update method."""

    def __init__(
        self, doc: JourneyDocument, collection: str, element_id: str, text: str, **changes: Any
    ) -> None:
        super().__init__(text)
        self._update = getattr(doc, f"update_{_SINGULAR[collection]}")
        self._id = element_id
        old = doc.get(collection, element_id)
        self._new, self._old = changes, {k: getattr(old, k) for k in changes}

    def redo(self) -> None:
        self._update(self._id, **self._new)

    def undo(self) -> None:
        self._update(self._id, **self._old)


class ReorderElement(QUndoCommand):
    """Move a stage, lane or persona to another index."""

    def __init__(self, doc: JourneyDocument, collection: str, element_id: str, index: int) -> None:
        name = doc.get(collection, element_id).name
        super().__init__(f"Move {_SINGULAR[collection]} “{name}”")
        self._move = getattr(doc, f"move_{_SINGULAR[collection]}")
        self._id, self._index = element_id, index
        self._old = doc.index_of(collection, element_id)

    def redo(self) -> None:
        self._move(self._id, self._index)

    def undo(self) -> None:
        self._move(self._id, self._old)


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

    def __init__(self, doc: JourneyDocument, text: str, **changes: Any) -> None:
        super().__init__(text)
        self._doc = doc
        self._new = changes
        self._old = {k: getattr(doc.journey, k) for k in changes}

    def redo(self) -> None:
        self._doc.update_journey(**self._new)

    def undo(self) -> None:
        self._doc.update_journey(**self._old)
