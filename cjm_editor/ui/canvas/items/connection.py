"""A connection arrow between two cards, routed by layout along the gutters."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyle, QStyleOptionGraphicsItem, QWidget

from cjm_editor.layout import Point, Rect
from cjm_editor.layout.labels import LABEL_PAD
from cjm_editor.model import Connection
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.items.emotion import stroke_shape
from cjm_editor.ui.rich import escape

ARROW = 9.0
CORNER = 8.0


def rounded_polyline(points: list[Point]) -> QPainterPath:
    """An orthogonal polyline with softened corners."""
    path = QPainterPath(QPointF(points[0].x, points[0].y))
    for i in range(1, len(points) - 1):
        prev, cur, nxt = points[i - 1], points[i], points[i + 1]
        d1 = max(1e-6, math.hypot(cur.x - prev.x, cur.y - prev.y))
        d2 = max(1e-6, math.hypot(nxt.x - cur.x, nxt.y - cur.y))
        r = min(CORNER, d1 / 2, d2 / 2)
        a = QPointF(cur.x - (cur.x - prev.x) / d1 * r, cur.y - (cur.y - prev.y) / d1 * r)
        b = QPointF(cur.x + (nxt.x - cur.x) / d2 * r, cur.y + (nxt.y - cur.y) / d2 * r)
        path.lineTo(a)
        path.quadTo(QPointF(cur.x, cur.y), b)
    path.lineTo(QPointF(points[-1].x, points[-1].y))
    return path


class ConnectionLabelItem(QGraphicsItem):
    """A connection's label in the box layout gave it (layout/labels.py), which covers no card and
    no other label; drawn above the cards so nothing hides it. A label that found no room beside its
    arrow is a number here, and its text is in the tooltip and the exported images' key."""

    def __init__(self, owner: ConnectionItem) -> None:
        super().__init__()
        self.owner = owner
        self._rect = QRectF()
        self.setZValue(style.Z_CONNECTION_LABEL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # presses go to what is underneath

    def place(self, rect: QRectF | None) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF() if rect is None else QRectF(rect)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self._rect)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: a press on the label is a press on what lies under it

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        text = self.owner.label_text
        if not text or self._rect.isEmpty():
            return
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.35:
            return
        colour = style.SELECTION if self.owner.isSelected() else style.CONNECTION
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self._rect)
        mark = text != self.owner.connection.label
        painter.setPen(QPen(colour, 0.8))
        painter.setBrush(colour if mark else style.CANVAS_BG)
        painter.drawRoundedRect(rect, 3, 3)
        font = style.font(7.5, mark)
        painter.setFont(font)
        room = rect.width() - 2 * LABEL_PAD + 1
        width = painter.fontMetrics().horizontalAdvance(text)
        if width > room:  # layout's estimate is generous; a font that runs wider is made to fit
            font.setPointSizeF(7.5 * room / width)
            painter.setFont(font)
        painter.setPen(style.CANVAS_BG if mark else colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


class ConnectionItem(QGraphicsObject):
    """Shows one connection; selectable so it can be deleted."""

    Type = style.USER_TYPE + 6

    def __init__(self, connection: Connection) -> None:
        super().__init__()
        self.element_id = connection.id
        self.connection = connection
        self._path = QPainterPath()
        self._points: list[Point] = []
        self._label: Rect | None = None
        self.label_text = connection.label  # the label, or its number in the key (layout.labels)
        self._shape: QPainterPath | None = None
        self._local: list[Point] = []  # the route relative to pos(): the path as it was built
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(style.Z_CONNECTION)
        self.label_item = ConnectionLabelItem(self)  # in the same scene, above the cards

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        Change = QGraphicsItem.GraphicsItemChange  # noqa: N806
        label = getattr(self, "label_item", None)
        if label is None:  # still being built
            pass
        elif change == Change.ItemSceneChange and label.scene() is not None:
            label.scene().removeItem(label)
        elif change == Change.ItemSceneHasChanged and self.scene() is not None:
            self.scene().addItem(label)
            self._place_label()
        elif change == Change.ItemVisibleHasChanged:
            label.setVisible(self.isVisible())
        elif change in (Change.ItemSelectedHasChanged, Change.ItemPositionHasChanged):
            self._place_label()
        return super().itemChange(change, value)

    def _place_label(self) -> None:
        r = self._label
        visible = bool(self.connection.label) and r is not None and self.isVisible()
        self.label_item.setVisible(visible)
        self.label_item.place(None if r is None else QRectF(r.x, r.y, r.w, r.h))

    def type(self) -> int:
        return self.Type

    def sync(
        self, connection: Connection, points: list[Point], label: Rect | None = None, text: str | None = None
    ) -> None:
        """Take the connection, its route (scene coordinates), its label's box and what the box says
        (the label unless given); the path is drawn from pos (0, 0)."""
        self.connection = connection
        self.label_text = connection.label if text is None else text
        if points != self._points or label != self._label or self.y() != 0:
            self.prepareGeometryChange()
            self.setPos(0, 0)
            self._points = points
            self._local = points
            self._label = label
            self._path = rounded_polyline(points) if len(points) > 1 else QPainterPath()
            self._shape = None
        tip = escape(connection.label) or "Connection (select and press Delete to remove)"
        if self.label_text != connection.label:
            tip = f"{escape(self.label_text)}: {tip}"
        self.setToolTip(tip)
        self._place_label()
        self.update()

    def shift(self, dy: float, points: list[Point], label: Rect | None) -> None:
        """The whole route moved down (or up) by dy: move the item instead of rebuilding its path."""
        self.moveBy(0, dy)  # first: bounds stay consistent while the scene index updates
        had = self._label
        self._points, self._label = points, label
        if had is not None or label is not None:  # an arrow with no label keeps its label item hidden
            self._place_label()

    def _local_label(self) -> QRectF | None:
        r = self._label
        return None if r is None else QRectF(r.x, r.y - self.y(), r.w, r.h)

    def boundingRect(self) -> QRectF:  # noqa: N802
        rect = self._path.boundingRect().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        label = self._local_label()
        return rect if label is None else rect.united(label)

    def shape(self) -> QPainterPath:
        if self._shape is None:  # hit tests ask often; the stroke only changes with the route
            self._shape = stroke_shape(self._path, 10)
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if len(self._points) < 2:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = style.SELECTION if selected else style.CONNECTION
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.5)
        painter.setPen(QPen(colour, 2.6 if selected else 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        end, before = self._local[-1], self._local[-2]
        angle = math.atan2(end.y - before.y, end.x - before.x)
        tip = QPointF(end.x, end.y)
        left = QPointF(end.x - ARROW * math.cos(angle - 0.45), end.y - ARROW * math.sin(angle - 0.45))
        right = QPointF(end.x - ARROW * math.cos(angle + 0.45), end.y - ARROW * math.sin(angle + 0.45))
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([tip, left, right]))  # the label is drawn by label_item
