"""The inspector: every field of the selected card, stage, lane, connection or emotion point, or of
the map itself when nothing is selected. Each finished edit is one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from cjm_editor.commands.cards import EditCard
from cjm_editor.commands.structure import EditMap, UpdateElement
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import CARD_KINDS, LANE_KINDS
from cjm_editor.model.registry import collection as collection_named
from cjm_editor.model.workshop import rating_lines
from cjm_editor.ui.canvas import style
from cjm_editor.ui.panels.form import Field, FieldForm
from cjm_editor.ui.panels.multi_cards import MultiCardForm

CARD_FIELDS = (
    Field("title", "Title"),
    Field("kind", "Kind", "choice", choices=tuple((k, style.KIND_LABELS[k]) for k in CARD_KINDS)),
    Field("body", "Details", "text"),
    Field("channel", "Channel", tip="web, mobile app, email, phone, in store…", only_for=("touchpoint",)),
    Field("owner", "Owner", tip="The department that owns this touchpoint", only_for=("touchpoint",)),
    Field("source", "Source", tip="Where the quote comes from", only_for=("quote",)),
    Field("value", "Value", "number", only_for=("metric",)),
    Field("target", "Target", "number", only_for=("metric",)),
    Field("unit", "Unit", tip="%, s, €…", only_for=("metric",)),
    Field("tags", "Tags", "list"),
    Field("personas", "Personas", "personas", tip="Leave all unticked when the card concerns everyone"),
    Field("link", "Micro map", "optional", tip="Relative path of a .cjm.json map that details this card"),
)
STAGE_FIELDS = (
    Field("name", "Name"),
    Field("description", "Description", "text"),
    Field("link", "Micro map", "optional", tip="Relative path of a .cjm.json map that details this stage"),
)
LANE_FIELDS = (
    Field("name", "Name"),
    Field("kind", "Kind", "choice", choices=tuple((k, style.LANE_KIND_LABELS[k]) for k in LANE_KINDS)),
    Field("collapsed", "Collapsed", "check"),
)
CONNECTION_FIELDS = (Field("label", "Label", tip="Shown on the arrow, e.g. “if the code fails”"),)
EMOTION_FIELDS = (
    Field("score", "Score", "int"),
    Field("note", "Note", "text", tip="Why the persona feels this way here"),
)
MAP_FIELDS = (Field("title", "Title"), Field("description", "Description", "text"))

_PAGES = {
    "cards": CARD_FIELDS,
    "stages": STAGE_FIELDS,
    "lanes": LANE_FIELDS,
    "connections": CONNECTION_FIELDS,
    "emotions": EMOTION_FIELDS,
    "map": MAP_FIELDS,
}


class Inspector(QWidget):
    """Edits one element. `show_element(id)` picks it; None shows the map's own fields."""

    def __init__(self, doc: JourneyDocument, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        self.element_id: str | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; padding: 4px 0")
        self.pages = QStackedWidget()
        self.forms: dict[str, FieldForm] = {}
        self._page_of: dict[str, QWidget] = {}
        for collection, fields in _PAGES.items():
            form = FieldForm(fields)
            form.edited.connect(lambda name, value, c=collection: self._edited(c, name, value))
            self.forms[collection] = form
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(form)
            column.addStretch(1)
            self.pages.addWidget(page)
            self._page_of[collection] = page
        self.multi = MultiCardForm(stack)  # several cards: the fields they share
        self.multi_ids: list[str] = []
        multi_page = QWidget()
        multi_column = QVBoxLayout(multi_page)
        multi_column.setContentsMargins(0, 0, 0, 0)
        multi_column.addWidget(self.multi)
        multi_column.addStretch(1)
        self.pages.addWidget(multi_page)
        self._page_of["multi"] = multi_page
        self.ratings = QLabel()  # the workshop's ratings at the stage, card or point shown
        self.ratings.setWordWrap(True)
        self.ratings.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages)
        layout.addWidget(self.ratings)
        layout.addStretch(1)
        self.set_document(doc)

    def set_document(self, doc: JourneyDocument) -> None:
        self.doc = doc
        self.element_id, self.multi_ids = None, []
        self.refresh()

    def show_element(self, element_id: str | None) -> None:
        self.element_id = element_id
        self.multi_ids = []
        self.refresh()

    def show_selection(self, element_ids: list[str]) -> None:
        """One element: its fields; several cards: what they share; anything else: the map."""
        cards = [i for i in element_ids if self.doc.has("cards", i)]
        if len(element_ids) > 1 and len(cards) == len(element_ids):
            self.element_id, self.multi_ids = None, cards
            self.refresh()
            return
        self.show_element(element_ids[0] if len(element_ids) == 1 else None)

    def refresh(self) -> None:
        """Show the current values (after a selection change, an edit, undo or redo)."""
        doc = self.doc
        self.multi_ids = [i for i in self.multi_ids if doc.has("cards", i)]
        if len(self.multi_ids) > 1:
            self.pages.setCurrentWidget(self._page_of["multi"])
            self.heading.setText(f"{len(self.multi_ids)} cards selected")
            self.multi.show_cards(doc, self.multi_ids)
            return
        collection = doc.collection_of(self.element_id) if self.element_id else None
        if collection not in self.forms or collection == "map":
            self.element_id, collection = None, "map"
        form = self.forms[collection]
        self.pages.setCurrentWidget(self._page_of[collection])
        self._show_ratings(collection)
        if collection == "map":
            self.heading.setText("Map")
            form.fill(doc.journey)
            return
        assert self.element_id is not None
        entity = doc.get(collection, self.element_id)
        kind = ""
        if collection == "cards":
            kind = entity.kind
            form.set_choices("personas", [(p.id, p.name) for p in doc.journey.personas])
            self.heading.setText(style.KIND_LABELS.get(kind, kind))
        elif collection == "emotions":
            scale = doc.journey.scale
            form.set_int_range("score", scale.min, scale.max)
            self.heading.setText(f"Emotion of {doc.persona(entity.persona_id).name}")
        else:
            self.heading.setText(collection_named(collection).singular.capitalize())
        form.fill(entity, kind)

    def _show_ratings(self, collection: str) -> None:
        j, element = self.doc.journey, self.element_id
        lines: list[str] = []
        if element is not None and collection in ("stages", "cards"):
            lines = rating_lines(j, collection[:-1], element)
        elif element is not None and collection == "emotions":
            point = self.doc.emotion(element)
            lines = rating_lines(j, point.anchor_kind, point.anchor_id, point.persona_id)
        self.ratings.setText("Ratings\n" + "\n".join(lines) if lines else "")
        self.ratings.setVisible(bool(lines))

    def _edited(self, collection: str, name: str, value: Any) -> None:
        label = next(f.label for f in _PAGES[collection] if f.name == name).lower()
        if collection == "map":
            self.stack.push(EditMap(self.doc, f"Edit map {label}", **{name: value}))
        elif self.element_id is None or not self.doc.has(collection, self.element_id):
            return
        elif collection == "cards":
            changes = {name: value}
            typed_unit = self.forms["cards"].units.get(name, "") if name in ("value", "target") else ""
            if typed_unit and not self.doc.card(self.element_id).unit:
                changes["unit"] = typed_unit  # "38%" on a metric without a unit: the unit is %
            self.stack.push(EditCard(self.doc, self.element_id, f"Edit card {label}", **changes))
        else:
            kind = collection_named(collection).singular
            self.stack.push(
                UpdateElement(self.doc, collection, self.element_id, f"Edit {kind} {label}", **{name: value})
            )
