"""The insight overlay: the main path drawn as a broad amber band and dead ends ringed in red."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cjm_editor.layout import MapGeometry
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.items.connection import rounded_polyline

PATH_COLOUR = QColor(245, 166, 35, 110)
DEAD_END_COLOUR = QColor("#d93025")


class InsightOverlay(QGraphicsItem):
    """Derived from the last analysis and the layout; shows nothing until given a path or dead ends."""

    def __init__(self) -> None:
        super().__init__()
        self.path: list[str] = []
        self.dead_ends: list[str] = []
        self._shape = QPainterPath()
        self._rings: list[QRectF] = []
        self.setZValue(style.Z_CONNECTION - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_insights(
        self, path: list[str], dead_ends: list[str], g: MapGeometry, routes: dict[tuple[str, str], str]
    ) -> None:
        """`routes`: connection id for each drawn step of the path (implicit steps draw straight)."""
        self.prepareGeometryChange()
        self.path, self.dead_ends = path, dead_ends
        band = QPainterPath()
        for a, b in zip(path, path[1:], strict=False):
            ra, rb = g.cards.get(a), g.cards.get(b)
            if ra is None or rb is None:
                continue
            conn = routes.get((a, b))
            points = g.connections.get(conn) if conn else None
            if points:
                band.addPath(rounded_polyline(points))
            else:
                band.moveTo(QPointF(ra.right, ra.center.y))
                band.lineTo(QPointF(rb.x, rb.center.y))
        for card_id in path:
            r = g.cards.get(card_id)
            if r is not None:
                band.addRoundedRect(QRectF(r.x - 5, r.y - 5, r.w + 10, r.h + 10), 9, 9)
        self._shape = band
        self._rings = [
            QRectF(r.x - 7, r.y - 7, r.w + 14, r.h + 14)
            for r in (g.cards.get(c) for c in dead_ends)
            if r is not None
        ]
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        rect = self._shape.boundingRect().adjusted(-12, -12, 12, 12)
        for ring in self._rings:
            rect = rect.united(ring.adjusted(-3, -3, 3, 3))
        return rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(PATH_COLOUR, 14)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._shape)
        ring = QPen(DEAD_END_COLOUR, 3, Qt.PenStyle.DashLine)
        painter.setPen(ring)
        for r in self._rings:
            painter.drawRoundedRect(r, 10, 10)
