"""Gestures on cards: move the selected cards, draw a connection from the ● handle, edit a title in place,
and the rubber band on empty canvas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsSceneMouseEvent, QGraphicsView

from cjm_editor.commands.cards import EditCard, MoveCard
from cjm_editor.commands.elements import AddElement
from cjm_editor.layout.geometry import CELL_PAD, card_rect, insert_position
from cjm_editor.model import Connection
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.interactions.base import Interaction
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.headers import LaneHeaderItem, StageHeaderItem
from cjm_editor.ui.canvas.items.title_editor import TitleEditor

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene

Target = tuple[str, str, int]  # stage id, lane id, position in the cell

_LEFT = Qt.MouseButton.LeftButton


def cell_position(scene: JourneyScene, pos: QPointF, moving: set[str]) -> Target | None:
    """The cell and position where something dropped at `pos` would land among the cards not `moving`."""
    cell = scene.geometry.cell_at(pos.x(), pos.y())
    if cell is None or cell[1] == scene.geometry.emotion_lane:  # the curves live there, not cards
        return None
    others = [c for c in scene.doc.cell_cards(*cell) if c.id not in moving]
    return cell[0], cell[1], insert_position(scene.geometry.cells[cell], pos.y(), len(others))


def show_marker(scene: JourneyScene, target: Target | None) -> None:
    """The drop marker: a line where the card would go, or hidden."""
    if target is None:
        scene.drop_marker.hide()
        return
    stage_id, lane_id, position = target
    cell = scene.geometry.cells[(stage_id, lane_id)]
    y = card_rect(cell, position).y - 4
    scene.drop_marker.setLine(QLineF(cell.x + CELL_PAD, y, cell.right - CELL_PAD, y))
    scene.drop_marker.show()


HANDLE_MIN_PX = 6.0  # the ● handle answers within this many screen pixels of its centre, at any zoom


def on_handle(item: CardItem, event: QGraphicsSceneMouseEvent) -> bool:
    """Whether a press is on a card's ● handle: its circle, or near its centre when zoomed out so far
    that the circle is only a few pixels wide."""
    at = item.mapFromScene(event.scenePos())
    handle = item.handle_rect()
    if handle.contains(at):
        return True
    widget = event.widget()
    view = widget.parentWidget() if widget is not None else None
    zoom = view.transform().m11() if isinstance(view, QGraphicsView) else 1.0
    reach = HANDLE_MIN_PX / max(zoom, 1e-6)
    return QLineF(at, handle.center()).length() <= reach


class RubberBand(Interaction):
    """A press on empty canvas clears the selection and lets the view draw its rubber band."""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != _LEFT or self.scene.top_item(event.scenePos()) is not None:
            return False
        self.scene.default_press(event)  # clears the selection unless Ctrl is held
        event.ignore()  # the view takes an ignored press as the start of its rubber band
        return True


class MoveCards(Interaction):
    """Drag the selected cards: they follow the mouse, translucent, over a marker where they would land;
    the release moves them in one undo step. Dropped where they were, or off the grid, they snap back."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self._grabbed: CardItem | None = None
        self._start = QPointF()
        self._origins: dict[CardItem, QPointF] = {}

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if event.button() != _LEFT or not isinstance(top, CardItem):
            return False
        if on_handle(top, event):
            return False  # the handle draws a connection
        self.scene.default_press(event)  # selection as everywhere: click selects, Ctrl+click adds
        self._grabbed = top
        self._start = event.scenePos()
        self._origins = {i: i.pos() for i in self.scene.selectedItems() if isinstance(i, CardItem)}
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        grabbed = self._grabbed
        if grabbed is None or grabbed not in self._origins:
            return
        delta = event.scenePos() - self._start
        for item, origin in self._origins.items():
            item.setPos(origin + delta)
        moved = self._moved()
        if moved:
            grabbed.setZValue(style.Z_DRAGGING)
            for item in moved:
                item.setOpacity(0.85)  # the marker and the cards underneath stay visible
            show_marker(self.scene, self._target(grabbed, {i.element_id for i in moved}))

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene.default_release(event)  # an unmoved click selects only this card
        self._end_drag()
        self._commit()
        self._grabbed, self._origins = None, {}

    def cancel(self) -> None:
        self._end_drag()
        for item, origin in self._origins.items():
            item.setPos(origin)
        self._grabbed, self._origins = None, {}

    def _end_drag(self) -> None:
        self.scene.drop_marker.hide()
        if self._grabbed is not None:
            self._grabbed.setZValue(style.Z_CARD)
        for item in self._origins:
            item.setOpacity(1.0)

    def _moved(self) -> list[CardItem]:
        out = []
        for item in self._origins:
            rect = self.scene.geometry.cards.get(item.element_id)
            if rect is not None and (abs(item.x() - rect.x) > 0.5 or abs(item.y() - rect.y) > 0.5):
                out.append(item)
        return out

    def _target(self, item: CardItem, moving: set[str]) -> Target | None:
        """Where a dragged card would land among the cards not `moving`, judged by its centre."""
        return cell_position(self.scene, item.sceneBoundingRect().center(), moving | {item.element_id})

    def _commit(self) -> None:
        scene, doc = self.scene, self.scene.doc
        moved = sorted(self._moved(), key=lambda i: (i.x(), i.y()))
        moving = {i.element_id for i in moved}
        moves = []
        for item in moved:
            target = self._target(item, moving)
            if target is None:
                continue
            place = doc.placement(item.element_id)
            cell = doc.cell_cards(target[0], target[1])
            current = next((i for i, c in enumerate(cell) if c.id == item.element_id), None)
            if (place.stage_id, place.lane_id) == target[:2] and current == target[2]:
                continue
            moves.append((item.element_id, target))
        if len(moves) > 1:
            scene.stack.beginMacro(f"Move {len(moves)} cards")
        for card_id, (stage_id, lane_id, position) in moves:
            scene.stack.push(MoveCard(doc, card_id, stage_id, lane_id, position))
        if len(moves) > 1:
            scene.stack.endMacro()
        for item in moved:  # cards dropped where they were, or outside the grid, snap back
            rect = scene.geometry.cards.get(item.element_id)
            if rect is not None:
                item.setPos(rect.x, rect.y)


class ConnectCards(Interaction):
    """Drag from a card's ● handle to another card to connect them."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self._source: str | None = None

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if event.button() != _LEFT or not isinstance(top, CardItem):
            return False
        if not on_handle(top, event):
            return False
        self._source = top.element_id
        event.accept()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        start = self.scene.geometry.cards.get(self._source or "")
        if start is not None:
            path = QPainterPath(QPointF(start.right, start.center.y))
            path.lineTo(event.scenePos())
            self.scene.link_preview.setPath(path)
            self.scene.link_preview.show()

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        source = self._source
        self.cancel()
        target = self._card_under(event.scenePos())
        if source is None or target is None or target.element_id == source:
            return
        scene, doc = self.scene, self.scene.doc
        if any((c.source_id, c.target_id) == (source, target.element_id) for c in doc.journey.connections):
            scene.hint.emit("These cards are already connected.")
            return
        conn = Connection(source, target.element_id)
        scene.stack.push(AddElement(doc, "connections", conn, text="Connect cards"))
        scene.select_only([conn.id])

    def cancel(self) -> None:
        self._source = None
        self.scene.link_preview.hide()

    def _card_under(self, pos: QPointF) -> CardItem | None:
        return next((i for i in self.scene.items(pos) if isinstance(i, CardItem) and i.isVisible()), None)


class EditTitle(Interaction):
    """Double-click a card (or F2) to edit its title in place; Enter or a click elsewhere keeps it."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self.editor: TitleEditor | None = None

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.editor is not None and self.scene.top_item(event.scenePos()) is not self.editor:
            self.editor.commit()  # and let the press do what it does
        return False

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if not isinstance(top, CardItem):
            return False
        self.open(top.element_id)
        return True

    def open(self, card_id: str) -> None:
        rect = self.scene.geometry.cards.get(card_id)
        if rect is None:
            return
        if self.editor is not None:
            self.editor.commit()
        editor = self.editor = TitleEditor(card_id, self.scene.doc.card(card_id).title, rect.w)
        editor.setPos(rect.x, rect.y)
        editor.finished.connect(self._edited)
        editor.cancelled.connect(self._cancelled)
        self.scene.addItem(editor)
        editor.start()

    def _edited(self, card_id: str, title: str) -> None:
        self.close()
        doc = self.scene.doc
        if title and doc.has("cards", card_id) and title != doc.card(card_id).title:
            self.scene.stack.push(EditCard(doc, card_id, "Rename card", title=title))

    def _cancelled(self, _card_id: str) -> None:
        self.close()

    def close(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.finished.disconnect(self._edited)
            editor.cancelled.disconnect(self._cancelled)
            self.scene.removeItem(editor)
            editor.deleteLater()


class RenameByDoubleClick(Interaction):
    """Double-click a stage or lane header to rename it, or a connection to label it (the window asks)."""

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if isinstance(top, StageHeaderItem):
            self.scene.stage_rename_requested.emit(top.element_id)
        elif isinstance(top, LaneHeaderItem):
            self.scene.lane_rename_requested.emit(top.element_id)
        elif isinstance(top, ConnectionItem):
            self.scene.connection_label_requested.emit(top.element_id)
        else:
            return False
        return True
