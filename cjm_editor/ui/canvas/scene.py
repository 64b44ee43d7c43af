"""JourneyScene: mirrors a JourneyDocument and turns gestures into undo commands.

Items are created, updated and destroyed only in `sync`, which runs after every document change.
Entities are replaced (never mutated) on change, so `item.card is not card` finds what to repaint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from itertools import count
from typing import Any

from PySide6.QtCore import QLineF, QPointF, Signal
from PySide6.QtGui import QPen, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsScene, QGraphicsSceneMouseEvent

from cjm_editor.commands.cards import MoveCard
from cjm_editor.commands.emotions import SetEmotion
from cjm_editor.commands.structure import MoveLane, MoveStage, SetLaneCollapsed
from cjm_editor.layout import MapGeometry, compute
from cjm_editor.layout.geometry import CELL_PAD, Rect, card_rect, insert_position
from cjm_editor.model import JourneyDocument
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionCurveItem, EmotionPointItem
from cjm_editor.ui.canvas.items.grid import GridItem
from cjm_editor.ui.canvas.items.headers import HeaderItem, LaneHeaderItem, StageHeaderItem


class JourneyScene(QGraphicsScene):
    """The canvas scene. `item_for(id)` finds the item that shows an element."""

    stage_rename_requested = Signal(str)
    lane_rename_requested = Signal(str)
    card_edit_requested = Signal(str)

    def __init__(self, doc: JourneyDocument, stack: QUndoStack) -> None:
        super().__init__()
        self.doc, self.stack = doc, stack
        self.geometry = MapGeometry()
        self._items: dict[str, QGraphicsItem] = {}
        self._curves: dict[str, EmotionCurveItem] = {}
        self._gestures = count(1)
        self._gesture = 0
        self.setBackgroundBrush(style.CANVAS_BG)
        self._grid = GridItem()
        self.addItem(self._grid)
        self._marker = QGraphicsLineItem()
        self._marker.setPen(QPen(style.MARKER, 3))
        self._marker.setZValue(style.Z_MARKER)
        self._marker.hide()
        self.addItem(self._marker)
        doc.events.changed.connect(self.sync)
        self.sync()

    def detach(self) -> None:
        """Stop mirroring the document (before the scene is thrown away)."""
        self.doc.events.changed.disconnect(self.sync)

    def item_for(self, element_id: str) -> QGraphicsItem | None:
        return self._items.get(element_id) or self._curves.get(element_id)

    # ------------------------------------------------------------------ mirroring
    def sync(self) -> None:
        """Make the items match the document and the layout."""
        j = self.doc.journey
        g = self.geometry = compute(j)
        self._grid.sync(g, j.scale)
        live: set[str] = set()
        headers: list[tuple[list[Any], dict[str, Rect], Callable[..., HeaderItem]]] = [
            (j.stages, g.stages, self._new_stage),
            (j.lanes, g.lanes, self._new_lane),
        ]
        for entities, rects, make in headers:
            for entity in entities:
                r = rects[entity.id]
                item = self._ensure(entity.id, partial(make, entity, r.w, r.h))
                assert isinstance(item, HeaderItem)
                if item.entity is not entity:
                    item.sync(entity)
                item.place(r.x, r.y, r.w, r.h)
                live.add(entity.id)
        self._sync_cards(g, live)
        self._sync_emotions(g, live)
        for conn in j.connections:
            citem = self._ensure(conn.id, partial(ConnectionItem, conn))
            assert isinstance(citem, ConnectionItem)
            citem.sync(conn, g.connections.get(conn.id, []))
            citem.setVisible(conn.id in g.connections)
            live.add(conn.id)
        self._drop_items(set(self._items) - live)
        self.setSceneRect(-40, -40, g.width + 80, g.height + 80)

    def _sync_cards(self, g: MapGeometry, live: set[str]) -> None:
        for card in self.doc.journey.cards:
            rect = g.cards.get(card.id)
            item = self._ensure(
                card.id, partial(CardItem, card, rect.w if rect else 10, rect.h if rect else 10)
            )
            assert isinstance(item, CardItem)
            if item.card is not card:
                item.sync(card)
            if rect is None:
                item.setVisible(False)
            else:
                item.set_size(rect.w, rect.h)
                item.setPos(rect.x, rect.y)
                item.setVisible(True)
            live.add(card.id)

    def _sync_emotions(self, g: MapGeometry, live: set[str]) -> None:
        j = self.doc.journey
        colours = {p.id: p.colour for p in j.personas}
        names = {p.id: p.name for p in j.personas}
        labels = j.scale.labels
        for point in j.emotions:
            pos = g.emotion_points.get(point.id)
            item = self._ensure(point.id, partial(self._new_point, point.id, colours[point.persona_id]))
            assert isinstance(item, EmotionPointItem)
            item.setVisible(pos is not None)
            if pos is not None:
                label = labels.get(point.score, "")
                tip = f"<b>{names[point.persona_id]}</b>: {point.score:+d} {label}"
                if point.note:
                    tip += f"<br>{point.note}"
                item.place(pos, colours[point.persona_id], tip + "<br><i>Drag up or down to change</i>")
            live.add(point.id)
        for persona in j.personas:
            curve = self._curves.get(persona.id)
            if curve is None:
                curve = self._curves[persona.id] = EmotionCurveItem(persona.id, persona.colour)
                self.addItem(curve)
            curve.set_colour(persona.colour)
            curve.sync([pos for _, pos in g.curves.get(persona.id, [])])
        for gone in set(self._curves) - {p.id for p in j.personas}:
            self.removeItem(self._curves.pop(gone))

    def _ensure(self, element_id: str, make: Callable[[], QGraphicsItem]) -> QGraphicsItem:
        item = self._items.get(element_id)
        if item is None:
            item = self._items[element_id] = make()
            self.addItem(item)
        return item

    def _drop_items(self, ids: Iterable[str]) -> None:
        for element_id in ids:
            self.removeItem(self._items.pop(element_id))

    def _new_stage(self, stage: Any, w: float, h: float) -> StageHeaderItem:
        item = StageHeaderItem(stage, w, h)
        item.drag_finished.connect(self._stage_dropped)
        item.double_clicked.connect(self.stage_rename_requested)
        return item

    def _new_lane(self, lane: Any, w: float, h: float) -> LaneHeaderItem:
        item = LaneHeaderItem(lane, w, h)
        item.drag_finished.connect(self._lane_dropped)
        item.double_clicked.connect(self.lane_rename_requested)
        item.collapse_toggled.connect(self._toggle_lane)
        return item

    def _new_point(self, point_id: str, colour: str) -> EmotionPointItem:
        item = EmotionPointItem(point_id, colour)
        item.score_dragged.connect(self._emotion_dragged)
        item.drag_finished.connect(self._emotion_released)
        return item

    # ------------------------------------------------------------------ gestures
    def _stage_dropped(self, stage_id: str, centre: QPointF) -> None:
        others = [s.id for s in self.doc.journey.stages if s.id != stage_id]
        index = sum(1 for sid in others if self.geometry.stages[sid].center.x < centre.x())
        if index != self.doc.index_of("stages", stage_id):
            self.stack.push(MoveStage(self.doc, stage_id, index))
        else:
            self.sync()

    def _lane_dropped(self, lane_id: str, centre: QPointF) -> None:
        others = [lane.id for lane in self.doc.journey.lanes if lane.id != lane_id]
        index = sum(1 for lid in others if self.geometry.lanes[lid].center.y < centre.y())
        if index != self.doc.index_of("lanes", lane_id):
            self.stack.push(MoveLane(self.doc, lane_id, index))
        else:
            self.sync()

    def _toggle_lane(self, lane_id: str) -> None:
        self.stack.push(SetLaneCollapsed(self.doc, lane_id, not self.doc.lane(lane_id).collapsed))

    def _emotion_dragged(self, point_id: str, y: float) -> None:
        if not self._gesture:
            self._gesture = next(self._gestures)
        scale = self.doc.journey.scale
        score = self.geometry.y_score(y, scale.min, scale.max)
        if score != self.doc.emotion(point_id).score:
            self.stack.push(SetEmotion(self.doc, point_id, score, self._gesture))

    def _emotion_released(self, point_id: str) -> None:
        self._gesture = 0

    def _moved_cards(self) -> list[CardItem]:
        out = []
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                rect = self.geometry.cards.get(item.element_id)
                if rect is not None and (abs(item.x() - rect.x) > 0.5 or abs(item.y() - rect.y) > 0.5):
                    out.append(item)
        return out

    def drop_target(self, item: CardItem, moving: set[str]) -> tuple[str, str, int] | None:
        """Cell and position where a dragged card would land among the cards not `moving`,
        judged by its centre."""
        centre = item.sceneBoundingRect().center()
        cell = self.geometry.cell_at(centre.x(), centre.y())
        if cell is None:
            return None
        moving = moving | {item.element_id}
        others = [c for c in self.doc.cell_cards(*cell) if c.id not in moving]
        rect = self.geometry.cells[cell]
        return cell[0], cell[1], insert_position(rect, centre.y(), len(others))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        grabber = self.mouseGrabberItem()
        if isinstance(grabber, CardItem):
            moving = {i.element_id for i in self._moved_cards()}
            if moving:
                grabber.setZValue(style.Z_DRAGGING)
                self._show_marker(grabber, moving)

    def _show_marker(self, item: CardItem, moving: set[str]) -> None:
        target = self.drop_target(item, moving)
        if target is None:
            self._marker.hide()
            return
        stage_id, lane_id, position = target
        cell = self.geometry.cells[(stage_id, lane_id)]
        y = card_rect(cell, position).y - 4
        self._marker.setLine(QLineF(cell.x + CELL_PAD, y, cell.right - CELL_PAD, y))
        self._marker.show()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        grabber = self.mouseGrabberItem()
        super().mouseReleaseEvent(event)
        self._marker.hide()
        if isinstance(grabber, CardItem):
            grabber.setZValue(style.Z_CARD)
            self._commit_card_drop()

    def _commit_card_drop(self) -> None:
        moved = sorted(self._moved_cards(), key=lambda i: (i.x(), i.y()))
        moving = {i.element_id for i in moved}
        moves = []
        for item in moved:
            target = self.drop_target(item, moving)
            if target is None:
                continue
            place = self.doc.placement(item.element_id)
            cell = self.doc.cell_cards(target[0], target[1])
            current = next((i for i, c in enumerate(cell) if c.id == item.element_id), None)
            if (place.stage_id, place.lane_id) == target[:2] and current == target[2]:
                continue
            moves.append((item.element_id, target))
        if not moves:
            self.sync()  # dropped where it was, or outside the grid: snap back
            return
        if len(moves) > 1:
            self.stack.beginMacro(f"Move {len(moves)} cards")
        for card_id, (stage_id, lane_id, position) in moves:
            self.stack.push(MoveCard(self.doc, card_id, stage_id, lane_id, position))
        if len(moves) > 1:
            self.stack.endMacro()
        self.sync()  # cards that did not move (dropped outside) snap back too
