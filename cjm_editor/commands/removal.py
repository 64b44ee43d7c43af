"""Deleting elements of any collection, with what hangs on them, as one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import JourneyDocument, Removal


class RemoveElements(QUndoCommand):
    """Remove cards, connections, emotion points, stages, lanes or personas (with their cascades)."""

    def __init__(self, doc: JourneyDocument, element_ids: list[str], text: str = "Delete") -> None:
        super().__init__(text)
        self._doc = doc
        self._ids = element_ids
        self._removals: list[Removal] = []

    @property
    def removals(self) -> list[Removal]:
        """What the last redo took away (for naming the step after what went)."""
        return self._removals

    def redo(self) -> None:
        self._removals = []
        for element_id in self._ids:
            name = self._doc.collection_of(element_id)
            if name is None:  # already removed by an earlier cascade in this step
                continue
            self._removals.append(self._doc.remove(name, element_id))

    def undo(self) -> None:
        for removal in reversed(self._removals):
            self._doc.restore(removal)
