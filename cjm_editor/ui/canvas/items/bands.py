"""The spread of several ratings at one anchor: a translucent bar from the lowest to the highest score,
capped at both ends, with n beside it. One item per persona, derived from the layout's bands."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjm_editor.layout.geometry import Band
from cjm_editor.ui.canvas import style

HALF_W = 7.0


class RatingBandsItem(QGraphicsItem):
    Type = style.USER_TYPE + 9

    def __init__(self, persona_id: str, colour: str) -> None:
        super().__init__()
        self.element_id = persona_id
        self.colour = QColor(colour)
        self.bands: list[Band] = []
        self._rect = QRectF()
        self.setZValue(style.Z_CURVE - 1)

    def type(self) -> int:
        return self.Type

    def sync(self, bands: list[Band], colour: str) -> None:
        self.prepareGeometryChange()
        self.bands, self.colour = list(bands), QColor(colour)
        rect = QRectF()
        for b in bands:
            rect = rect.united(QRectF(b.x - HALF_W, b.high - 16, 2 * HALF_W + 30, b.low - b.high + 20))
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.colour)
        fill.setAlpha(95)
        painter.setFont(style.font(7.5, bold=True))
        for b in self.bands:
            bar = QRectF(b.x - HALF_W, b.high, 2 * HALF_W, max(1.0, b.low - b.high))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(bar, 4, 4)
            painter.setPen(QPen(self.colour, 1.5))
            painter.drawLine(QLineF(bar.topLeft(), bar.topRight()))
            painter.drawLine(QLineF(bar.bottomLeft(), bar.bottomRight()))
            painter.setPen(self.colour.darker(130))
            painter.drawText(
                QRectF(b.x + HALF_W + 2, b.high - 14, 30, 14), int(Qt.AlignmentFlag.AlignLeft), f"n={b.n}"
            )
