"""The grid: cell backgrounds for every stage x lane, and the emotion lane's scale. One item for all cells."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjm_editor.layout import MapGeometry
from cjm_editor.layout.content import CELL_RADIUS, scale_ticks
from cjm_editor.model.journey import EmotionScale
from cjm_editor.ui.canvas import style


class GridItem(QGraphicsItem):
    """Paints the cells from layout geometry; it holds no map data of its own."""

    def __init__(self) -> None:
        super().__init__()
        self._geometry = MapGeometry()
        self._scale = EmotionScale()
        # the viewports that draw the scale labels themselves, pinned (ui/canvas/sticky.py)
        self.label_viewports: set[QWidget] = set()
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
                painter.drawRoundedRect(r, CELL_RADIUS, CELL_RADIUS)
        if g.emotion_lane and g.emotion_lane in g.rows:
            self._paint_scale(painter, widget not in self.label_viewports)

    def _paint_scale(self, painter: QPainter, labels: bool) -> None:
        g = self._geometry
        row = g.rows[g.emotion_lane or ""]
        painter.setFont(style.font(7))
        for tick in scale_ticks(g, self._scale):
            pen = QPen(style.NEUTRAL_LINE, 1.2 if tick.neutral else 0.6)
            pen.setStyle(Qt.PenStyle.SolidLine if tick.neutral else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(row.x, tick.y, row.right, tick.y))
            if not labels:
                continue
            painter.setPen(style.MUTED)
            label_rect = QRectF(row.x + 4, tick.y - 12, 120, 12)
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignLeft), tick.label)
