"""Emotion curves (one smooth line per persona) and their draggable points."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjm_editor.layout import Point
from cjm_editor.layout.curves import bezier_segments
from cjm_editor.ui.canvas import style

_Flag = QGraphicsItem.GraphicsItemFlag
POINT_R = 7.0


def smooth_path(points: list[Point]) -> QPainterPath:
    """A smooth curve through the points that never overshoots them (monotone cubic Béziers)."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0].x, points[0].y)
    for c1, c2, end in bezier_segments([(p.x, p.y) for p in points]):
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
    return path


class EmotionCurveItem(QGraphicsPathItem):
    """One persona's curve. Derived from the points' layout; holds only the persona id and colour."""

    Type = style.USER_TYPE + 4

    def __init__(self, persona_id: str, colour: str) -> None:
        super().__init__()
        self.element_id = persona_id
        self.setZValue(style.Z_CURVE)
        self.set_colour(colour)

    def type(self) -> int:
        return self.Type

    def set_colour(self, colour: str) -> None:
        pen = QPen(QColor(colour), 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)

    def sync(self, points: list[Point]) -> None:
        self.setPath(smooth_path(points))


class EmotionPointItem(QGraphicsObject):
    """A persona's score at a stage or card. Dragging it (a canvas interaction) moves it between scale
    steps only: the document decides where it is."""

    Type = style.USER_TYPE + 5

    def __init__(self, point_id: str, colour: str) -> None:
        super().__init__()
        self.element_id = point_id
        self.colour = QColor(colour)
        self.setFlags(_Flag.ItemIsSelectable)
        self.setZValue(style.Z_EMOTION_POINT)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setAcceptHoverEvents(True)

    def type(self) -> int:
        return self.Type

    def place(self, pos: Point, colour: str, tooltip: str) -> None:
        self.colour = QColor(colour)
        self.setToolTip(tooltip)
        self.setPos(pos.x, pos.y)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = POINT_R + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), POINT_R + 3, POINT_R + 3)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(style.SELECTION if selected else QColor("#ffffff"), 3 if selected else 2))
        painter.setBrush(self.colour)
        painter.drawEllipse(QPointF(0, 0), POINT_R, POINT_R)


def stroke_shape(path: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path)
