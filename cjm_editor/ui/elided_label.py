"""A one-line label that shows as much of its text as fits, ends it with … and then shows the whole
text as its tooltip: a stage name or a persona on a small screen is cut visibly, never silently."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from cjm_editor.ui.rich import escape


class ElidedLabel(QLabel):
    """Plain text only; `text()` is the whole text, `shown()` what is drawn at the current width."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M…") + 4), hint.height())

    def shown(self) -> str:
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.setToolTip(escape(self.text()) if self.shown() != self.text() else "")

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip(escape(text) if self.shown() != text else "")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(
            self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.shown()
        )
