"""Card commands: add, move, edit, remove. Places are order keys planned when the command is made, so
redo after any number of undos puts a card back between the same neighbours."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QUndoCommand

from cjm_editor.commands.removal import RemoveElements
from cjm_editor.model import Card, JourneyDocument, Placement

__all__ = ["AddCard", "EditCard", "MoveCard", "RemoveElements"]


def short(text: str, limit: int = 28) -> str:
    """A title cut to fit a History entry."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AddCard(QUndoCommand):
    """Add a card at a position in its cell (None: at the end)."""

    def __init__(self, doc: JourneyDocument, card: Card, position: int | None = None) -> None:
        super().__init__(f"Add “{short(card.title)}”" if card.title else "Add card")
        self._doc = doc
        plan = doc.plan_order("cards", position, (card.stage_id, card.lane_id))
        self._card = dataclasses.replace(card, order=plan.key)
        self._respace = plan.respace
        self._unspace: tuple[tuple[str, str], ...] = ()

    @property
    def card(self) -> Card:
        return self._card

    def redo(self) -> None:
        self._unspace = self._doc.respace("cards", self._respace)
        self._doc.add_card(self._card)

    def undo(self) -> None:
        self._doc.remove_card(self._card.id)
        self._doc.respace("cards", self._unspace)


class MoveCard(QUndoCommand):
    """Move one card to a cell and a position in it (among the cell's other cards)."""

    def __init__(
        self, doc: JourneyDocument, card_id: str, stage_id: str, lane_id: str, position: int | None
    ) -> None:
        super().__init__("Move card")
        self._doc, self._card_id = doc, card_id
        plan = doc.plan_order("cards", position, (stage_id, lane_id), moving=card_id)
        self._target = Placement(stage_id, lane_id, plan.key)
        self._respace = plan.respace
        self._unspace: tuple[tuple[str, str], ...] = ()
        self._old = doc.placement(card_id)

    def redo(self) -> None:
        self._unspace = self._doc.respace("cards", self._respace)
        t = self._target
        self._old = self._doc.move_card(self._card_id, t.stage_id, t.lane_id, t.order)

    def undo(self) -> None:
        old = self._old
        self._doc.move_card(self._card_id, old.stage_id, old.lane_id, old.order)
        self._doc.respace("cards", self._unspace)


class EditCard(QUndoCommand):
    """Change fields of a card (title, body, kind fields, votes, tags, personas, link)."""

    def __init__(
        self, doc: JourneyDocument, card_id: str, text: str = "Edit card", /, **changes: Any
    ) -> None:
        super().__init__(text)
        self._doc, self._card_id = doc, card_id
        old = doc.card(card_id)
        self._new = changes
        self._old = {k: getattr(old, k) for k in changes}

    def redo(self) -> None:
        self._doc.update_card(self._card_id, **self._new)

    def undo(self) -> None:
        self._doc.update_card(self._card_id, **self._old)
