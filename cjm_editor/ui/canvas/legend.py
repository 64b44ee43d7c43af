"""The persona legend under the canvas: each persona's colour and name; a click shows or hides that
persona's curve (the same setting as the tick in the Personas panel). It has a strip of its own
between the map and the scroll bar (the view makes room for it), so it never covers a card."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QToolButton, QWidget

from cjm_editor.model import Persona
from cjm_editor.ui.rich import escape


def _swatch(colour: str, shown: bool) -> QIcon:
    pixmap = QPixmap(QSize(22, 10))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_colour = QColor(colour) if shown else QColor("#9aa5b1")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen_colour)
    painter.drawRoundedRect(0, 3, 22, 4, 2, 2)
    painter.drawEllipse(8, 1, 8, 8)
    painter.end()
    return QIcon(pixmap)


PAD = 4  # around the entries, in pixels


class PersonaLegend(QFrame):
    """`toggled(persona_id, shown)` when the user clicks an entry; `show_personas` fills it and says
    `changed`; `arrange(width)` lays the entries out in rows and says how tall the strip is."""

    toggled = Signal(str, bool)
    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("persona-legend")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setToolTip("Click a persona to show or hide its emotion curve")
        self.buttons: dict[str, QToolButton] = {}
        self._shown: object = None  # what the buttons show now, so an edit elsewhere rebuilds nothing
        self.hide()

    def show_personas(self, personas: list[Persona], hidden: set[str]) -> None:
        key = [(p.id, p.name, p.colour, p.id in hidden) for p in personas]
        if key == self._shown:
            return
        self._shown = key
        for button in self.buttons.values():
            button.hide()
            button.deleteLater()
        self.buttons = {}
        for persona in personas:
            shown = persona.id not in hidden
            button = QToolButton(self)
            button.setText(persona.name if shown else f"{persona.name} (hidden)")
            button.setIcon(_swatch(persona.colour, shown))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setToolTip(f"Click to {'hide' if shown else 'show'} {escape(persona.name)}'s curve")
            button.clicked.connect(lambda _=False, pid=persona.id, s=shown: self.toggled.emit(pid, not s))
            button.show()
            self.buttons[persona.id] = button
        self.setVisible(bool(personas))
        self.changed.emit()

    def arrange(self, width: int) -> int:
        """Place the entries left to right, wrapping at `width`; the strip's height (0 when empty)."""
        if not self.buttons:
            return 0
        x = y = PAD
        row = 0
        for button in self.buttons.values():
            size = button.sizeHint()
            w = min(size.width(), max(1, width - 2 * PAD))  # one entry wider than the canvas: cut
            if x > PAD and x + w > width - PAD:
                x, y, row = PAD, y + row, 0
            button.setGeometry(x, y, w, size.height())
            x, row = x + w + PAD, max(row, size.height())
        return y + row + PAD
