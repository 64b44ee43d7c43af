"""Adding stages, lanes, personas and connections: one generic command for every collection."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import JourneyDocument

SINGULAR = {
    "stages": "stage",
    "lanes": "lane",
    "personas": "persona",
    "connections": "connection",
    "emotions": "emotion",
    "links": "link",
}


class AddElement(QUndoCommand):
    """Add an entity to a collection at an index (None: at the end)."""

    def __init__(
        self, doc: JourneyDocument, collection: str, entity: Any, index: int | None = None, text: str = ""
    ) -> None:
        kind = SINGULAR[collection]
        name = getattr(entity, "name", "")
        super().__init__(text or (f"Add {kind} “{name}”" if name else f"Add {kind}"))
        self._add = getattr(doc, f"add_{kind}")
        self._remove = getattr(doc, f"remove_{kind}")
        self._entity, self._index = entity, index

    def redo(self) -> None:
        self._add(self._entity, self._index)

    def undo(self) -> None:
        self._remove(self._entity.id)
