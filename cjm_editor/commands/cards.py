"""Card commands: add, move, edit, remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.model import Card, JourneyDocument, Placement, Removal


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AddCard(QUndoCommand):
    """Add a card at a position in its cell (None: at the end)."""

    def __init__(self, doc: JourneyDocument, card: Card, position: int | None = None) -> None:
        super().__init__(f"Add “{_short(card.title)}”" if card.title else "Add card")
        self._doc, self._card = doc, card
        self._index = doc.cell_insert_index(card.stage_id, card.lane_id, position)

    def redo(self) -> None:
        self._doc.add_card(self._card, self._index)

    def undo(self) -> None:
        self._doc.remove_card(self._card.id)


class MoveCard(QUndoCommand):
    """Move one card to a cell and a position in it."""

    def __init__(
        self, doc: JourneyDocument, card_id: str, stage_id: str, lane_id: str, position: int | None
    ) -> None:
        super().__init__("Move card")
        self._doc, self._card_id = doc, card_id
        self._target = (stage_id, lane_id, position)
        self._old: Placement | None = None

    def redo(self) -> None:
        self._old = self._doc.move_card(self._card_id, *self._target)

    def undo(self) -> None:
        assert self._old is not None
        self._doc.place_card(self._card_id, self._old)


class EditCard(QUndoCommand):
    """Change fields of a card (title, body, kind fields, votes, tags, personas, link)."""

    def __init__(self, doc: JourneyDocument, card_id: str, text: str = "Edit card", **changes: Any) -> None:
        super().__init__(text)
        self._doc, self._card_id = doc, card_id
        old = doc.card(card_id)
        self._new = changes
        self._old = {k: getattr(old, k) for k in changes}

    def redo(self) -> None:
        self._doc.update_card(self._card_id, **self._new)

    def undo(self) -> None:
        self._doc.update_card(self._card_id, **self._old)


class RemoveElements(QUndoCommand):
    """Remove cards, connections or emotion points (with what hangs on them), as one step."""

    _REMOVERS = {
        "cards": "remove_card",
        "connections": "remove_connection",
        "emotions": "remove_emotion",
        "stages": "remove_stage",
        "lanes": "remove_lane",
        "personas": "remove_persona",
    }

    def __init__(self, doc: JourneyDocument, element_ids: list[str], text: str = "Delete") -> None:
        super().__init__(text)
        self._doc = doc
        self._ids = element_ids
        self._removals: list[Removal] = []

    def redo(self) -> None:
        self._removals = []
        for element_id in self._ids:
            collection = self._doc.collection_of(element_id)
            if collection is None:  # already removed by an earlier cascade in this step
                continue
            self._removals.append(getattr(self._doc, self._REMOVERS[collection])(element_id))

    def undo(self) -> None:
        for removal in reversed(self._removals):
            self._doc.restore(removal)
