"""The grid: cell backgrounds for every stage x lane, and the emotion lane's scale. One item for all cells."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjm_editor.layout import MapGeometry
from cjm_editor.model.journey import EmotionScale
from cjm_editor.ui.canvas import style


class GridItem(QGraphicsItem):
    """Paints the cells from layout geometry; it holds no map data of its own."""

    def __init__(self) -> None:
        super().__init__()
        self._geometry = MapGeometry()
        self._scale = EmotionScale()
        self.setZValue(style.Z_GRID)

    def sync(self, geometry: MapGeometry, scale: EmotionScale) -> None:
        self.prepareGeometryChange()
        self._geometry, self._scale = geometry, scale
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, self._geometry.width, self._geometry.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        g = self._geometry
        exposed = option.exposedRect
        painter.setPen(QPen(style.CELL_BORDER, 1))
        painter.setBrush(style.CELL_BG)
        for rect in g.cells.values():
            r = QRectF(rect.x, rect.y, rect.w, rect.h)
            if r.intersects(exposed):
                painter.drawRoundedRect(r, 4, 4)
        if g.emotion_lane and g.emotion_lane in g.rows:
            self._paint_scale(painter)

    def _paint_scale(self, painter: QPainter) -> None:
        g, scale = self._geometry, self._scale
        row = g.rows[g.emotion_lane or ""]
        painter.setFont(style.font(7))
        for score in range(scale.min, scale.max + 1):
            y = g.score_y(score, scale.min, scale.max)
            neutral = score == round(scale.neutral) and scale.neutral == round(scale.neutral)
            pen = QPen(style.NEUTRAL_LINE, 1.2 if neutral else 0.6)
            pen.setStyle(Qt.PenStyle.SolidLine if neutral else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(row.x, y, row.right, y))
            label = scale.labels.get(score, f"{score:+d}" if scale.min < 0 else str(score))
            painter.setPen(style.MUTED)
            painter.drawText(QRectF(row.x + 4, y - 12, 120, 12), int(Qt.AlignmentFlag.AlignLeft), label)
