"""Stage headers (top row) and lane headers (left column). The gestures on them (reorder, resize,
collapse, rename) are canvas interactions; the items draw and say where their hot spots are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjm_editor.model import Lane, Stage
from cjm_editor.model.vocabulary import counted
from cjm_editor.ui.canvas import style
from cjm_editor.ui.rich import escape

_Flag = QGraphicsItem.GraphicsItemFlag
EDGE = 6.0  # how close to a stage header's right edge the resize cursor appears


class HeaderItem(QGraphicsObject):
    """Shared behaviour: a selectable header; `horizontal` says along which axis it is dragged."""

    Type = style.USER_TYPE
    horizontal = True

    def __init__(self, entity: Stage | Lane, width: float, height: float) -> None:
        super().__init__()
        self.element_id = entity.id
        self.entity = entity
        self._rect = QRectF(0, 0, width, height)
        self.pinned = False  # held at the view's edge while the map scrolls under it (ui/canvas/sticky.py)
        self.setFlags(_Flag.ItemIsSelectable)
        self.setZValue(style.Z_HEADER)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.sync(entity)

    def type(self) -> int:
        return self.Type

    def sync(self, entity: Stage | Lane) -> None:
        """Take a new snapshot of the stage or lane and repaint."""
        self.entity = entity
        self.setToolTip(self._tooltip())
        self.update()

    def _tooltip(self) -> str:
        raise NotImplementedError

    def place(self, x: float, y: float, width: float, height: float) -> None:
        if (width, height) != (self._rect.width(), self._rect.height()):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, width, height)
        self.setPos(x, y)

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def set_pinned(self, pinned: bool) -> None:
        if pinned != self.pinned:
            self.prepareGeometryChange()
            self.pinned = pinned
            self.setZValue(style.Z_HEADER + (1 if pinned else 0))
            self.update()

    def _paint_backdrop(self, painter: QPainter) -> None:
        """A pinned header hides the cards that scroll under it."""
        if self.pinned:  # and the gutters beside it, so no arrow shows between two headers
            gutter = 8.0
            cover = (
                self._rect.adjusted(-gutter, -1, gutter, 1)
                if self.horizontal
                else self._rect.adjusted(-1, -gutter, 1, gutter)
            )
            painter.fillRect(cover, style.CANVAS_BG)

    def boundingRect(self) -> QRectF:  # noqa: N802
        grow = 9 if self.pinned else 1  # room for a pinned header's backdrop over the gutters
        return self._rect.adjusted(-grow, -grow, grow, grow)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect.adjusted(-1, -1, 1, 1))  # pinned or not, the header is hit as drawn
        return path

    @staticmethod
    def _paint_background(
        painter: QPainter, option: QStyleOptionGraphicsItem, brush: QColor, rect: QRectF
    ) -> None:
        """The rounded header, outlined when selected."""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.SELECTION, 2.5) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(brush)
        painter.drawRoundedRect(rect, 6, 6)


class StageHeaderItem(HeaderItem):
    Type = style.USER_TYPE + 2
    horizontal = True

    def __init__(self, entity: Stage, width: float, height: float) -> None:
        super().__init__(entity, width, height)
        self.setAcceptHoverEvents(True)

    def on_edge(self, pos: QPointF) -> bool:
        return abs(pos.x() - self._rect.right()) <= EDGE

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        edge = self.on_edge(event.pos())
        self.setCursor(Qt.CursorShape.SizeHorCursor if edge else Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def set_width(self, width: float) -> None:
        """Follow a resize under way (the layout sets the width again once it is committed)."""
        self.prepareGeometryChange()
        self._rect.setWidth(width)
        self.update()

    @property
    def stage(self) -> Stage:
        assert isinstance(self.entity, Stage)
        return self.entity

    def _tooltip(self) -> str:
        stage = self.stage
        tip = f"<b>{escape(stage.name)}</b>" + (
            f"<br>{escape(stage.description)}" if stage.description else ""
        )
        if stage.link:
            tip += f"<br>Micro map: {escape(stage.link)}"
        return tip + "<br><i>Drag to reorder · drag the right edge to resize · double-click to rename</i>"

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._paint_backdrop(painter)
        self._paint_background(painter, option, style.HEADER_BG, self._rect.adjusted(0, 6, 0, -4))
        painter.setPen(style.HEADER_TEXT)
        painter.setFont(style.font(10.5, bold=True))
        text_rect = self._rect.adjusted(12, 6, -12, -4)
        name = painter.fontMetrics().elidedText(
            self.stage.name, Qt.TextElideMode.ElideRight, int(text_rect.width())
        )
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name)
        if self.stage.link:
            painter.setFont(style.font(9))
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), "↗")


class LaneHeaderItem(HeaderItem):
    Type = style.USER_TYPE + 3
    horizontal = False
    count_cards: Callable[[str], int] = staticmethod(lambda lane_id: 0)  # the scene says how many

    def summary(self) -> str:
        """What a collapsed lane shows beside its name: how many cards it hides."""
        if not self.lane.collapsed:
            return ""
        n = self.count_cards(self.lane.id)
        return counted(n, "card") if n else "empty"

    @property
    def lane(self) -> Lane:
        assert isinstance(self.entity, Lane)
        return self.entity

    def _tooltip(self) -> str:
        kind = style.LANE_KIND_LABELS.get(self.lane.kind, self.lane.kind)
        hint = "<i>Drag to reorder · ▸ collapses · double-click renames</i>"
        return f"<b>{escape(self.lane.name)}</b> ({kind})<br>{hint}"

    def toggle_rect(self) -> QRectF:
        return QRectF(6, 6, 16, 18)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._paint_backdrop(painter)
        self._paint_background(painter, option, style.LANE_BG, self._rect.adjusted(4, 0, 0, 0))
        painter.setPen(style.LANE_TEXT)
        painter.setFont(style.font(9))
        painter.drawText(
            self.toggle_rect(), int(Qt.AlignmentFlag.AlignCenter), "▸" if self.lane.collapsed else "▾"
        )
        summary = self.summary()
        if summary:  # collapsed: say what it hides, on the name's line
            painter.setFont(style.font(8))
            painter.setPen(style.LANE_KIND_TEXT)
            room = QRectF(24, 6, self._rect.width() - 30, 20)
            painter.drawText(room, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), summary)
            painter.setPen(style.LANE_TEXT)
        painter.setFont(style.font(9.5, bold=True))
        text = QRectF(24, 6, self._rect.width() - 30 - (len(summary) * 6 + 6 if summary else 0), 20)
        name = painter.fontMetrics().elidedText(
            self.lane.name, Qt.TextElideMode.ElideRight, int(text.width())
        )
        painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
        if not self.lane.collapsed:
            painter.setPen(style.LANE_KIND_TEXT)
            painter.setFont(style.font(7.5))
            painter.drawText(
                QRectF(24, 26, self._rect.width() - 30, 16),
                int(Qt.AlignmentFlag.AlignLeft),
                style.LANE_KIND_LABELS.get(self.lane.kind, self.lane.kind),
            )
