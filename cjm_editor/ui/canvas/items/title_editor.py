"""In-place editor for a card's title: Enter or a click elsewhere commits, Escape cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem

from cjm_editor.ui.canvas import style


class TitleEditor(QGraphicsTextItem):
    """A text field laid over a card. Emits `finished(card_id, text)` or `cancelled(card_id)` once."""

    finished = Signal(str, str)
    cancelled = Signal(str)

    def __init__(self, card_id: str, title: str, width: float) -> None:
        super().__init__()
        self.card_id = card_id
        self._done = False
        self.setPlainText(title)
        self.setFont(style.font(8.5, bold=True))
        self.setTextWidth(width)
        self.setZValue(style.Z_MARKER)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.document().setDocumentMargin(4)

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        painter.setBrush(style.CELL_BG)
        painter.setPen(style.SELECTION)
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        if not self._done:
            self._done = True
            self.finished.emit(self.card_id, " ".join(self.toPlainText().split()))

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self.cancelled.emit(self.card_id)
