"""Adding stages, lanes, personas, connections, emotion points and links: one command for every
collection of the registry."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import JourneyDocument
from cjm_editor.model.registry import collection


class AddElement(QUndoCommand):
    """Add an element to a collection; an ordered one goes at `index` among its siblings (None: last)."""

    def __init__(
        self, doc: JourneyDocument, name: str, entity: Any, index: int | None = None, text: str = ""
    ) -> None:
        spec = collection(name)
        label = getattr(entity, "name", "")
        super().__init__(text or (f"Add {spec.singular} “{label}”" if label else f"Add {spec.singular}"))
        self._doc, self._name = doc, name
        self._respace: tuple[tuple[str, str], ...] = ()
        self._unspace: tuple[tuple[str, str], ...] = ()
        if spec.ordered:
            plan = doc.plan_order(name, index, spec.siblings_of(entity))
            entity = dataclasses.replace(entity, order=plan.key)
            self._respace = plan.respace
        self._entity = entity

    @property
    def entity(self) -> Any:
        return self._entity

    def redo(self) -> None:
        self._unspace = self._doc.respace(self._name, self._respace)
        self._doc.add(self._name, self._entity)

    def undo(self) -> None:
        self._doc.remove(self._name, self._entity.id)
        self._doc.respace(self._name, self._unspace)
