"""The inspector's page for several selected cards: the fields they share (kind, owner, channel, tags,
personas), each edit applied to every selected card as one undo step."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QWidget

from cjm_editor.commands.cards import EditCard
from cjm_editor.model import Card, JourneyDocument
from cjm_editor.model.journey import CARD_KINDS
from cjm_editor.ui.canvas import style
from cjm_editor.ui.panels.form import Field, FieldForm

MIXED = ""
SHARED_FIELDS = (
    Field(
        "kind",
        "Kind",
        "choice",
        choices=((MIXED, "(mixed)"), *((k, style.KIND_LABELS[k]) for k in CARD_KINDS)),
    ),
    Field("owner", "Owner", tip="The department that owns these cards"),
    Field("channel", "Channel", tip="web, mobile app, email, phone, in store…"),
    Field("tags", "Tags", "list", tip="The tags every selected card has; add or remove one for all"),
    Field("personas", "Personas", "personas", tip="The personas every selected card concerns"),
)
_SETS = ("tags", "personas")  # edited as: what was added goes to every card, what was removed leaves all


def _common(cards: list[Card], name: str) -> Any:
    values = [getattr(c, name) for c in cards]
    if name in _SETS:
        shared = set(values[0]).intersection(*values[1:])
        return tuple(v for v in values[0] if v in shared)
    return values[0] if all(v == values[0] for v in values) else MIXED


class MultiCardForm(FieldForm):
    """Shows what the selected cards have in common; `apply` pushes one macro for an edit."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(SHARED_FIELDS, parent)
        self.stack = stack
        self.doc: JourneyDocument | None = None
        self.card_ids: list[str] = []
        self.edited.connect(self.apply)

    def show_cards(self, doc: JourneyDocument, card_ids: list[str]) -> None:
        self.doc, self.card_ids = doc, list(card_ids)
        cards = [doc.card(i) for i in card_ids]
        self.set_choices("personas", [(p.id, p.name) for p in doc.journey.personas])
        shared = SimpleNamespace(**{f.name: _common(cards, f.name) for f in SHARED_FIELDS})
        self.fill(shared)
        for name in ("owner", "channel"):
            line = self.widget(name)
            assert isinstance(line, QLineEdit)
            line.setPlaceholderText(
                "(mixed)"
                if getattr(shared, name) == MIXED and len({getattr(c, name) for c in cards}) > 1
                else ""
            )

    def apply(self, name: str, value: Any) -> None:
        doc = self.doc
        if doc is None or (name == "kind" and value == MIXED):
            return
        cards = [doc.card(i) for i in self.card_ids if doc.has("cards", i)]
        before = set(_common(cards, name)) if name in _SETS else set()
        changes: list[tuple[str, Any]] = []
        for card in cards:
            new = value
            if name in _SETS:
                added = [v for v in value if v not in before]
                kept = [v for v in getattr(card, name) if v not in before or v in value]
                new = tuple(kept + [v for v in added if v not in kept])
            if new != getattr(card, name):
                changes.append((card.id, new))
        if not changes:
            return
        label = next(f.label for f in SHARED_FIELDS if f.name == name).lower()
        self.stack.beginMacro(f"Edit {len(cards)} cards' {label}")
        for card_id, new in changes:
            self.stack.push(EditCard(doc, card_id, f"Edit card {label}", **{name: new}))
        self.stack.endMacro()
