"""Stage and lane commands: rename, reorder."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import JourneyDocument


class RenameStage(QUndoCommand):
    def __init__(self, doc: JourneyDocument, stage_id: str, name: str) -> None:
        old = doc.stage(stage_id).name
        super().__init__(f"Rename “{old}”")
        self._doc, self._stage_id, self._old, self._new = doc, stage_id, old, name

    def redo(self) -> None:
        self._doc.update_stage(self._stage_id, name=self._new)

    def undo(self) -> None:
        self._doc.update_stage(self._stage_id, name=self._old)


class MoveStage(QUndoCommand):
    def __init__(self, doc: JourneyDocument, stage_id: str, index: int) -> None:
        super().__init__(f"Move stage “{doc.stage(stage_id).name}”")
        self._doc, self._stage_id, self._index = doc, stage_id, index
        self._old = doc.index_of("stages", stage_id)

    def redo(self) -> None:
        self._doc.move_stage(self._stage_id, self._index)

    def undo(self) -> None:
        self._doc.move_stage(self._stage_id, self._old)


class RenameLane(QUndoCommand):
    def __init__(self, doc: JourneyDocument, lane_id: str, name: str) -> None:
        old = doc.lane(lane_id).name
        super().__init__(f"Rename “{old}”")
        self._doc, self._lane_id, self._old, self._new = doc, lane_id, old, name

    def redo(self) -> None:
        self._doc.update_lane(self._lane_id, name=self._new)

    def undo(self) -> None:
        self._doc.update_lane(self._lane_id, name=self._old)


class MoveLane(QUndoCommand):
    def __init__(self, doc: JourneyDocument, lane_id: str, index: int) -> None:
        super().__init__(f"Move lane “{doc.lane(lane_id).name}”")
        self._doc, self._lane_id, self._index = doc, lane_id, index
        self._old = doc.index_of("lanes", lane_id)

    def redo(self) -> None:
        self._doc.move_lane(self._lane_id, self._index)

    def undo(self) -> None:
        self._doc.move_lane(self._lane_id, self._old)


class SetLaneCollapsed(QUndoCommand):
    def __init__(self, doc: JourneyDocument, lane_id: str, collapsed: bool) -> None:
        name = doc.lane(lane_id).name
        super().__init__(f"{'Collapse' if collapsed else 'Expand'} “{name}”")
        self._doc, self._lane_id, self._new = doc, lane_id, collapsed

    def redo(self) -> None:
        self._doc.update_lane(self._lane_id, collapsed=self._new)

    def undo(self) -> None:
        self._doc.update_lane(self._lane_id, collapsed=not self._new)
