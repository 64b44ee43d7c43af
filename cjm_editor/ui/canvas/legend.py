"""The persona legend in the canvas's top-right corner: each persona's colour and name; a click shows
or hides that persona's curve (the same setting as the tick in the Personas panel)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QToolButton, QVBoxLayout, QWidget

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


class PersonaLegend(QFrame):
    """`toggled(persona_id, shown)` when the user clicks an entry; `show_personas` fills it."""

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("persona-legend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setToolTip("Click a persona to show or hide its emotion curve")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.setSpacing(0)
        self.buttons: dict[str, QToolButton] = {}
        self._wanted = False  # it has entries to show (a very small canvas still leaves it out)
        self._shown: object = None  # what the buttons show now, so an edit elsewhere rebuilds nothing

    def show_personas(self, personas: list[Persona], hidden: set[str]) -> None:
        key = [(p.id, p.name, p.colour, p.id in hidden) for p in personas]
        if key == self._shown:
            return
        self._shown = key
        for button in self.buttons.values():
            button.hide()
            self._layout.removeWidget(button)
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
            self._layout.addWidget(button)
            button.show()  # now, not when the layout gets round to it
            self.buttons[persona.id] = button
        self._wanted = bool(personas)
        self.setVisible(self._wanted)
        self._layout.activate()
        self.resize(self.sizeHint())
        self.place()

    def place(self) -> None:
        """Keep to the bottom-right corner of the canvas, clear of the stage headers."""
        parent = self.parentWidget()
        if parent is not None:
            self.setVisible(self._wanted and parent.width() >= 2.5 * self.width())  # room for the map
            self.move(
                max(0, parent.width() - self.width() - 12), max(0, parent.height() - self.height() - 12)
            )
