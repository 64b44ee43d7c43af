"""Find: a bar under the canvas; Enter (or F3) jumps to the next matching card, Shift+Enter back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from cjm_editor.model import JourneyDocument
from cjm_editor.model.snippet import matching_cards


class _FindField(QLineEdit):
    backwards = Signal()
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.backwards.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


def _button(text: str, tip: str) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    return b


class FindBar(QWidget):
    """Emits `found(card_id)` for each jump; the window selects and shows the card."""

    found = Signal(str)

    def __init__(self, doc: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.field = _FindField()
        self.field.setPlaceholderText("Find cards by title, details, tag, channel, owner or source")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        previous = _button("▲", "Previous match (Shift+Enter)")
        following = _button("▼", "Next match (Enter or F3)")
        close = _button("✕", "Close (Escape)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for b in (previous, following, close):
            layout.addWidget(b)
        self.field.returnPressed.connect(self.next)
        self.field.backwards.connect(self.previous)
        self.field.escape.connect(self.hide)
        self.field.textChanged.connect(self._text_changed)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.hide)
        self._index = -1
        self.hide()

    def set_document(self, doc: JourneyDocument) -> None:
        """Search another map (after the session shows a new one)."""
        self.doc = doc
        self._index = -1

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def _text_changed(self) -> None:
        self._index = -1
        self._show_count(matching_cards(self.doc.journey, self.field.text()))

    def _show_count(self, hits: list[str]) -> None:
        text = self.field.text().strip()
        if not text:
            self.count.setText("")
        elif not hits:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self._index + 1 if self._index >= 0 else '–'} of {len(hits)}")

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        hits = matching_cards(self.doc.journey, self.field.text())
        if not hits:
            self._show_count(hits)
            return
        self._index = (self._index + direction) % len(hits)
        self._show_count(hits)
        self.found.emit(hits[self._index])
