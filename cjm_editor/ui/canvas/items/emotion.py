"""Emotion curves (one smooth line per persona) and their draggable points."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjm_editor.layout import Point
from cjm_editor.layout.curves import bezier_segments
from cjm_editor.ui.canvas import style

_Flag = QGraphicsItem.GraphicsItemFlag
_Change = QGraphicsItem.GraphicsItemChange
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
    """A persona's score at a stage or card. Dragging moves it between scale steps only."""

    Type = style.USER_TYPE + 5
    score_dragged = Signal(str, float)  # point id, scene y while dragging
    drag_finished = Signal(str)

    def __init__(self, point_id: str, colour: str) -> None:
        super().__init__()
        self.element_id = point_id
        self.colour = QColor(colour)
        self._home_x = 0.0
        self._dragging = False
        self._placing = False
        self.setFlags(_Flag.ItemIsMovable | _Flag.ItemIsSelectable | _Flag.ItemSendsGeometryChanges)
        self.setZValue(style.Z_EMOTION_POINT)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setAcceptHoverEvents(True)

    def type(self) -> int:
        return self.Type

    def place(self, pos: Point, colour: str, tooltip: str) -> None:
        self._home_x = pos.x
        self.colour = QColor(colour)
        self.setToolTip(tooltip)
        self._placing = True
        try:
            self.setPos(pos.x, pos.y)
        finally:
            self._placing = False
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

    def itemChange(self, change: _Change, value: object) -> object:  # noqa: N802
        if change == _Change.ItemPositionChange and isinstance(value, QPointF) and not self._placing:
            if self._dragging:  # the document decides where the point goes: it snaps to a scale step
                self.score_dragged.emit(self.element_id, value.y())
                return self.pos()
            return QPointF(self._home_x, value.y())
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._dragging = True
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._dragging:
            self._dragging = False
            self.drag_finished.emit(self.element_id)


def stroke_shape(path: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path)
