"""Emotion commands. A drag of a point is many SetEmotion pushes merged into one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from cjm_editor.commands.ids import CommandId
from cjm_editor.model import EmotionPoint, JourneyDocument


class SetEmotion(QUndoCommand):
    """Change the score of one emotion point."""

    def __init__(self, doc: JourneyDocument, point_id: str, score: int, gesture: int = 0) -> None:
        super().__init__("Change emotion")
        self._doc, self._point_id, self._gesture = doc, point_id, gesture
        self._old, self._new = doc.emotion(point_id).score, score

    def id(self) -> int:
        return int(CommandId.SET_EMOTION)

    def mergeWith(self, other: object) -> bool:  # noqa: N802 (Qt virtual)
        if not isinstance(other, SetEmotion) or (other._point_id, other._gesture) != (
            self._point_id,
            self._gesture,
        ):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)  # dragged back to the start: no step
        return True

    def redo(self) -> None:
        self._doc.update_emotion(self._point_id, score=self._new)

    def undo(self) -> None:
        self._doc.update_emotion(self._point_id, score=self._old)


class AddEmotion(QUndoCommand):
    """Add a persona's score at a stage or card."""

    def __init__(self, doc: JourneyDocument, point: EmotionPoint) -> None:
        super().__init__("Add emotion point")
        self._doc, self._point = doc, point

    def redo(self) -> None:
        self._doc.add_emotion(self._point)

    def undo(self) -> None:
        self._doc.remove_emotion(self._point.id)
