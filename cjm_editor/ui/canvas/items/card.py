"""A card on the canvas: a snapshot of one Card, drawn in its kind's colours."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cjm_editor.layout.content import card_footer
from cjm_editor.layout.labels import HANDLE
from cjm_editor.model import Card
from cjm_editor.ui.canvas import style
from cjm_editor.ui.rich import escape

_Flag = QGraphicsItem.GraphicsItemFlag
HANDLE_R = HANDLE  # layout keeps labels this far off a card's right edge


def _bounds(rect: QRectF) -> QRectF:
    """A card's bounding rect: the card, half its pen and the handle on its right edge."""
    h = style.CARD_PEN / 2 + 2
    return rect.adjusted(-h, -h, h + HANDLE_R, h)


class CardItem(QGraphicsObject):
    """Shows one card. Holds the card id and a display snapshot; never touches the document."""

    Type = style.USER_TYPE + 1

    def __init__(self, card: Card, width: float, height: float) -> None:
        super().__init__()
        self.element_id = card.id
        self.card = card
        self.votes = 0  # the card's tally (model/workshop.py), set by the mirror
        self._rect = QRectF(0, 0, width, height)
        self._bounds = _bounds(self._rect)
        self.setFlags(_Flag.ItemIsSelectable | _Flag.ItemIsFocusable)  # moved by the MoveCards interaction
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(style.Z_CARD)
        self.setAcceptHoverEvents(True)
        self._hovered = False
        self._update_tooltip()

    def type(self) -> int:
        return self.Type

    def sync(self, card: Card) -> None:
        """Take a new snapshot of the card and repaint."""
        self.card = card
        self._update_tooltip()
        self.update()

    def set_votes(self, votes: int) -> None:
        """Show a new vote tally in the badge."""
        if votes != self.votes:
            self.votes = votes
            self.update()

    def set_size(self, width: float, height: float) -> None:
        if (width, height) != (self._rect.width(), self._rect.height()):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, width, height)
            self._bounds = _bounds(self._rect)

    def _update_tooltip(self) -> None:
        c = self.card
        lines = [f"<b>{style.KIND_LABELS.get(c.kind, c.kind)}</b>: {escape(c.title)}"]
        if c.body:
            lines.append(escape(c.body))
        if c.channel or c.owner:
            lines.append(f"Channel: {escape(c.channel or '–')} · Owner: {escape(c.owner or '–')}")
        if c.source:
            lines.append(f"Source: {escape(c.source)}")
        if c.link:
            lines.append(f"Micro map: {escape(c.link)}")
        lines.append("<i>Double-click to edit the title · drag the ● handle to connect</i>")
        self.setToolTip("<br>".join(lines))

    def handle_rect(self) -> QRectF:
        """The round handle on the right edge: drag from it to another card to connect them."""
        r = HANDLE_R
        return QRectF(self._rect.right() - r, self._rect.center().y() - r, 2 * r, 2 * r)

    def boundingRect(self) -> QRectF:  # noqa: N802
        # Kept, not computed: the scene's index asks for it on every move (10,000 times when a drop
        # moves every card down). Callers read it and never change it.
        return self._bounds

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        on_handle = self.handle_rect().adjusted(-3, -3, 3, 3).contains(event.pos())
        self.setCursor(Qt.CursorShape.CrossCursor if on_handle else Qt.CursorShape.ArrowCursor)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hovered = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    def shape(self) -> QPainterPath:
        # Nonzero filling: under the default odd-even rule the overlap of the card and the handle
        # would be a hole, and a press on the handle's left half would miss the card altogether.
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addRoundedRect(self._rect, style.CARD_RADIUS, style.CARD_RADIUS)
        path.addEllipse(self.handle_rect())
        return path.simplified()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        c = self.card
        fill, accent = (QColor(x) for x in style.CARD_COLOURS.get(c.kind, style.CARD_COLOURS["note"]))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.5)
        pen = QPen(style.SELECTION if selected else accent.darker(110), 2.5 if selected else style.CARD_PEN)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, style.CARD_RADIUS, style.CARD_RADIUS)
        painter.fillRect(QRectF(0, 4, 4, self._rect.height() - 8), accent)
        if lod < 0.35:  # zoomed far out: colour blocks only
            return
        r = self._rect.adjusted(10, 6, -8, -6)
        painter.setPen(style.TEXT)
        painter.setFont(style.font(8.5, bold=True))
        title_rect = QRectF(r.x(), r.y(), r.width() - (22 if self.votes else 0), 34)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(title_rect, int(flags), _elide_lines(painter, c.title, title_rect))
        painter.setFont(style.font(7.5))
        painter.setPen(style.MUTED)
        footer = QRectF(r.x(), r.bottom() - 14, r.width(), 14)
        painter.drawText(
            footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), card_footer(self.card)
        )
        if self.votes:
            self._paint_votes(painter, QRectF(r.right() - 18, r.y(), 20, 16), accent, self.votes)
        if self._hovered or selected:
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(style.SELECTION)
            painter.drawEllipse(self.handle_rect().adjusted(2, 2, -2, -2))

    @staticmethod
    def _paint_votes(painter: QPainter, rect: QRectF, accent: QColor, votes: int) -> None:
        painter.setBrush(accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(style.font(7.5, bold=True))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(votes))


def _elide_lines(painter: QPainter, text: str, rect: QRectF) -> str:
    """Fit text in two lines of the rect, ending with … when cut."""
    metrics = painter.fontMetrics()
    if metrics.boundingRect(rect.toRect(), int(Qt.TextFlag.TextWordWrap), text).height() <= rect.height():
        return text
    words, out = text.split(), ""
    for word in words:
        trial = f"{out} {word}".strip()
        size = metrics.boundingRect(rect.toRect(), int(Qt.TextFlag.TextWordWrap), trial + "…")
        if size.height() > rect.height():
            break
        out = trial
    return (out or metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))) + "…"
