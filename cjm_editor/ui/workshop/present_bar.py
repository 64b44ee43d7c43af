"""Present's bar: the stage name, where we are and the timer on the first row; the lane buttons and
the persona legend below, wrapping onto more rows on a small screen (down to 1024 x 768) instead of
cutting a button off. A stage or persona name too long for the room is elided, whole in its tooltip."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from cjm_editor.model import Lane, Persona
from cjm_editor.ui.canvas import style
from cjm_editor.ui.elided_label import ElidedLabel
from cjm_editor.ui.flow_layout import FlowLayout
from cjm_editor.ui.rich import escape

TITLE_PX = 40
LANE_TEXT_MAX = 320  # px: a longer lane name is elided on its button
BUTTON = "QPushButton { background: #3a4254; color: #f4f6fa; padding: 6px 12px; border-radius: 6px; }"
LANE_BUTTON = (
    "QPushButton { background: #2a303c; color: #8a93a6; padding: 4px 10px; border-radius: 6px;"
    " text-decoration: line-through; }"
    "QPushButton:checked { background: #3a4254; color: #f4f6fa; text-decoration: none; }"
)


def font(px: int, bold: bool = False) -> QFont:
    f = QFont(style.FONT_FAMILY)
    f.setPixelSize(px)
    f.setBold(bold)
    return f


def button(text: str, slot: Callable[[], object], px: int = 18) -> QPushButton:
    """A bar button: never takes the keyboard (the arrows belong to the stages), never squeezed."""
    b = QPushButton(text)
    b.setFont(font(px))
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setStyleSheet(BUTTON)
    b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    b.clicked.connect(lambda *_: slot())
    return b


class PresentBar(QWidget):
    """The widgets the present window updates: `title`, `position`, `clock_label`, `start_button`,
    `lane_buttons` (lane id → its button, numbered like keys 1–9) and `legend` (one entry a persona)."""

    def __init__(
        self,
        lanes: list[Lane],
        personas: list[Persona],
        toggle: Callable[[], object],
        minutes: Callable[[int], object],
        lane_clicked: Callable[[str], object],
    ) -> None:
        super().__init__()
        self.title = ElidedLabel()
        self.title.setFont(font(TITLE_PX, bold=True))
        self.position = QLabel()
        self.position.setFont(font(22))
        self.clock_label = QLabel()
        self.clock_label.setFont(font(TITLE_PX, bold=True))
        self.clock_label.setMinimumWidth(150)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = button("Start", toggle)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addSpacing(16)
        top.addWidget(self.position)
        top.addSpacing(16)
        top.addWidget(button("−1 min", partial(minutes, -1)))
        top.addWidget(self.clock_label)
        top.addWidget(button("+1 min", partial(minutes, 1)))
        top.addWidget(self.start_button)
        flow = FlowLayout(spacing=6)
        label = QLabel("Lanes:")
        label.setFont(font(16))
        label.setToolTip("Click a lane, or press its number (1–9), to hide or reveal it")
        flow.addWidget(label)
        self.lane_buttons: dict[str, QPushButton] = {}
        for n, lane in enumerate(lanes, start=1):
            self.lane_buttons[lane.id] = b = button("", partial(lane_clicked, lane.id), px=16)
            name = f"{n} {lane.name}" if n <= 9 else lane.name
            shown = QFontMetrics(b.font()).elidedText(name, Qt.TextElideMode.ElideRight, LANE_TEXT_MAX)
            b.setText(shown.replace("&", "&&"))
            b.setCheckable(True)
            b.setChecked(True)
            b.setStyleSheet(LANE_BUTTON)
            key = f" (key {n})" if n <= 9 else ""
            b.setToolTip(f"{escape(lane.name)}: hide or reveal this lane{key}")
            flow.addWidget(b)
        label.setFixedHeight(max((b.sizeHint().height() for b in self.lane_buttons.values()), default=24))
        self.legend: list[QWidget] = [self._persona(p) for p in personas]
        for entry in self.legend:
            flow.addWidget(entry)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(flow)

    @staticmethod
    def _persona(persona: Persona) -> QWidget:
        """A swatch in the persona's colour and the name, elided past 360 px."""
        entry = QWidget()
        entry.setToolTip(f"{escape(persona.name)}: the curve in this colour")
        row = QHBoxLayout(entry)
        row.setContentsMargins(12, 0, 0, 0)
        swatch = QLabel("━━")
        swatch.setFont(font(18, bold=True))
        swatch.setStyleSheet(f"color: {persona.colour}")
        name = ElidedLabel(persona.name)
        name.setFont(font(18))
        name.setMaximumWidth(360)
        row.addWidget(swatch)
        row.addWidget(name)
        return entry
