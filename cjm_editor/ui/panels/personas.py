"""Personas: add, edit and remove them, pick their colour, show or hide each curve, and choose the
active persona (the one a click in the emotion lane adds a point for)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.commands.elements import AddElement
from cjm_editor.commands.structure import UpdateElement
from cjm_editor.layout.palette import PERSONA_COLOURS, persona_colour
from cjm_editor.model import JourneyDocument, Persona
from cjm_editor.ui import deletion
from cjm_editor.ui.panels.form import Field, FieldForm

ID_ROLE = Qt.ItemDataRole.UserRole
PERSONA_FIELDS = (
    Field("name", "Name"),
    Field("description", "Description", "text"),
    Field("goals", "Goals", "list"),
    Field("needs", "Needs", "list"),
    Field("pain_points", "Pain points", "list"),
    Field("channels", "Channels", "list", tip="Channels this persona prefers"),
)


def _dot(colour: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(colour))
    return QIcon(pix)


class PersonasPanel(QWidget):
    """The list (tick = curve shown, bold = active) above the selected persona's fields."""

    visibility_changed = Signal(str, bool)
    active_changed = Signal(str)

    def __init__(
        self,
        doc: JourneyDocument,
        stack: QUndoStack,
        ask_colour: Callable[[QWidget, str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.stack, self.ask_colour = doc, stack, ask_colour
        self.confirm: Callable[[str], bool] = lambda text: True  # the window asks before a big removal
        self.hidden: set[str] = set()
        self.active: str | None = None
        self.list = QListWidget()
        self.list.setToolTip("Tick to show a persona's curve · double-click to make it the active persona")
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentItemChanged.connect(lambda *_: self._fill_form())
        self.list.itemDoubleClicked.connect(lambda item: self.set_active(item.data(ID_ROLE)))
        buttons = QHBoxLayout()
        self.add_button = self._button("Add", "Add a persona", self.add_persona)
        self.remove_button = self._button("Remove", "Remove the persona and its emotion points", self.remove)
        self.active_button = self._button(
            "Make active", "New emotion points go to this persona", self._activate
        )
        self.colour_button = self._button(
            "Colour…", "Pick the colour of the persona's curve", self.pick_colour
        )
        for b in (self.add_button, self.remove_button, self.active_button, self.colour_button):
            buttons.addWidget(b)
        self.form = FieldForm(PERSONA_FIELDS)
        self.form.edited.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.form)
        self.set_document(doc)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def set_document(self, doc: JourneyDocument, active: str | None = None) -> None:
        self.doc = doc
        self.hidden = set()
        self.active = active
        self.refresh()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def refresh(self) -> None:
        personas = self.doc.journey.personas
        ids = {p.id for p in personas}
        if self.active not in ids:
            self.active = personas[0].id if personas else None
            if self.active:
                self.active_changed.emit(self.active)
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for p in personas:
            item = QListWidgetItem(_dot(p.colour), p.name + ("  (active)" if p.id == self.active else ""))
            item.setData(ID_ROLE, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            shown = p.id not in self.hidden
            item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
            font = QFont(item.font())
            font.setBold(p.id == self.active)
            item.setFont(font)
            self.list.addItem(item)
            if p.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._fill_form()

    def _fill_form(self) -> None:
        pid = self.current_id()
        has = pid is not None and self.doc.has("personas", pid)
        self.form.setEnabled(has)
        for b in (self.remove_button, self.active_button, self.colour_button):
            b.setEnabled(has)
        if has:
            assert pid is not None
            self.form.fill(self.doc.persona(pid))

    def _item_changed(self, item: QListWidgetItem) -> None:
        pid = item.data(ID_ROLE)
        shown = item.checkState() == Qt.CheckState.Checked
        if shown == (pid in self.hidden):
            (self.hidden.discard if shown else self.hidden.add)(pid)
            self.visibility_changed.emit(pid, shown)

    def set_visible(self, persona_id: str, shown: bool) -> None:
        """Show or hide a persona's curve, as ticking it in the list does (the canvas legend asks)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == persona_id:
                item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)

    def set_active(self, persona_id: str) -> None:
        self.active = persona_id
        self.active_changed.emit(persona_id)
        self.refresh()

    def _activate(self) -> None:
        pid = self.current_id()
        if pid is not None:
            self.set_active(pid)

    def add_persona(self) -> None:
        used = {p.colour.lower() for p in self.doc.journey.personas}
        colour = next((c for c in PERSONA_COLOURS if c not in used), persona_colour(len(used)))
        persona = Persona(name=f"Persona {len(self.doc.journey.personas) + 1}", colour=colour)
        self.stack.push(AddElement(self.doc, "personas", persona))
        self.list.setCurrentRow(self.list.count() - 1)

    def remove(self) -> None:
        pid = self.current_id()
        if pid is not None:
            deletion.delete(self.doc, [pid], self.stack.push, self.confirm)

    def pick_colour(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        colour = self.ask_colour(self, self.doc.persona(pid).colour)
        if colour and colour != self.doc.persona(pid).colour:
            self.stack.push(UpdateElement(self.doc, "personas", pid, "Change persona colour", colour=colour))

    def _edited(self, name: str, value: object) -> None:
        pid = self.current_id()
        if pid is not None and self.doc.has("personas", pid):
            label = next(f.label for f in PERSONA_FIELDS if f.name == name).lower()
            self.stack.push(
                UpdateElement(self.doc, "personas", pid, f"Edit persona {label}", **{name: value})
            )
