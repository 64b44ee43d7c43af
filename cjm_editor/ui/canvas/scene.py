"""JourneyScene: turns the gestures on the canvas into undo commands.

The mirroring half (items that follow the document) is MirrorScene; this half only reads the
document and pushes commands. Gestures: dragging cards between cells, reordering and resizing
headers, dragging emotion points, clicking the emotion lane, drawing connections from a card's
handle, dropping palette entries, and editing a card's title in place.
"""

from __future__ import annotations

from itertools import count
from typing import Any

from PySide6.QtCore import QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QPainterPath, QPen, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from cjm_editor.analysis.report import Report
from cjm_editor.commands.cards import AddCard, EditCard, MoveCard
from cjm_editor.commands.elements import AddElement
from cjm_editor.commands.emotions import AddEmotion, SetEmotion
from cjm_editor.commands.structure import MoveLane, MoveStage, ResizeStage, SetLaneCollapsed
from cjm_editor.layout.geometry import CELL_PAD, card_rect, insert_position
from cjm_editor.model import Card, Connection, EmotionPoint, JourneyDocument, Lane, Stage
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, AnchorKind
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem, LaneHeaderItem, StageHeaderItem
from cjm_editor.ui.canvas.items.overlay import InsightOverlay
from cjm_editor.ui.canvas.items.title_editor import TitleEditor
from cjm_editor.ui.canvas.mirror import MirrorScene
from cjm_editor.ui.canvas.palette_drop import PaletteEntry

_INTERACTIVE = (CardItem, EmotionPointItem, HeaderItem, ConnectionItem, TitleEditor)


def new_card_title(kind: str) -> str:
    return f"New {style.KIND_LABELS.get(kind, kind).lower()}"


class JourneyScene(MirrorScene):
    """The canvas scene. `item_for(id)` finds the item that shows an element."""

    stage_rename_requested = Signal(str)
    lane_rename_requested = Signal(str)
    connection_label_requested = Signal(str)
    hint = Signal(str)  # a short status-bar message about what a gesture did or could not do

    def __init__(self, doc: JourneyDocument, stack: QUndoStack) -> None:
        super().__init__(doc)
        self.stack = stack
        self.active_persona: str | None = None
        self._gestures = count(1)
        self._gesture = 0
        self._link_from: str | None = None
        self._editor: TitleEditor | None = None
        self._marker = QGraphicsLineItem()
        self._marker.setPen(QPen(style.MARKER, 3))
        self._marker.setZValue(style.Z_MARKER)
        self._marker.hide()
        self.addItem(self._marker)
        self._rubber_link = QGraphicsPathItem()
        pen = QPen(style.SELECTION, 2, Qt.PenStyle.DashLine)
        self._rubber_link.setPen(pen)
        self._rubber_link.setZValue(style.Z_MARKER)
        self._rubber_link.hide()
        self.addItem(self._rubber_link)
        self.overlay = InsightOverlay()
        self.overlay.hide()
        self.addItem(self.overlay)
        self._report: Report | None = None
        self.synced.connect(self._place_overlay)
        if doc.journey.personas:
            self.active_persona = doc.journey.personas[0].id
        self.sync()

    # ------------------------------------------------------------------ item factories
    def _new_stage(self, stage: Any, w: float, h: float) -> StageHeaderItem:
        item = StageHeaderItem(stage, w, h)
        item.drag_finished.connect(self._stage_dropped)
        item.double_clicked.connect(self.stage_rename_requested)
        item.resize_finished.connect(self._stage_resized)
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

    # ------------------------------------------------------------------ insights
    def show_insights(self, report: Report) -> None:
        """Keep the latest analysis for the overlay (main path and dead ends)."""
        self._report = report
        self._place_overlay()

    def set_overlay_visible(self, visible: bool) -> None:
        self.overlay.setVisible(visible)
        self._place_overlay()

    def _place_overlay(self) -> None:
        report = self._report
        if report is None or not self.overlay.isVisible():
            return
        live = self.doc.journey
        path = [c for c in report.main_path if self.doc.has("cards", c)]
        dead = [
            e for f in report.findings if f.kind == "dead-end" for e in f.elements if self.doc.has("cards", e)
        ]
        routes = {(c.source_id, c.target_id): c.id for c in live.connections}
        self.overlay.show_insights(path, dead, self.geometry, routes)

    def select_only(self, element_ids: list[str]) -> None:
        self.clearSelection()
        for element_id in element_ids:
            item = self.item_for(element_id)
            if item is not None and item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
                item.setSelected(True)

    # ------------------------------------------------------------------ headers
    def _stage_dropped(self, stage_id: str, centre: QPointF) -> None:
        others = [s.id for s in self.doc.journey.stages if s.id != stage_id]
        index = sum(1 for sid in others if self.geometry.stages[sid].center.x < centre.x())
        if index != self.doc.index_of("stages", stage_id):
            self.stack.push(MoveStage(self.doc, stage_id, index))
        else:
            self.sync()

    def _stage_resized(self, stage_id: str, width: float) -> None:
        if width != self.geometry.stages[stage_id].w:
            self.stack.push(ResizeStage(self.doc, stage_id, width))
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

    # ------------------------------------------------------------------ emotions
    def _emotion_dragged(self, point_id: str, y: float) -> None:
        if not self._gesture:
            self._gesture = next(self._gestures)
        scale = self.doc.journey.scale
        score = self.geometry.y_score(y, scale.min, scale.max)
        if score != self.doc.emotion(point_id).score:
            self.stack.push(SetEmotion(self.doc, point_id, score, self._gesture))

    def _emotion_released(self, point_id: str) -> None:
        self._gesture = 0

    def add_emotion_at(self, pos: QPointF) -> bool:
        """A click in the emotion lane: the active persona's score at that stage, or at the selected
        card when exactly one card of that stage is selected. An existing point takes the new score."""
        g, j = self.geometry, self.doc.journey
        persona = self.active_persona
        if persona is None or not self.doc.has("personas", persona) or g.emotion_lane is None:
            self.hint.emit("Add a persona first: emotion points belong to a persona.")
            return False
        if persona in self.hidden_personas:
            self.hint.emit("The active persona's curve is hidden; show it to add points.")
            return False
        stage_id = next((sid for sid, r in g.columns.items() if r.x <= pos.x() <= r.right), None)
        if stage_id is None:
            return False
        score = g.y_score(pos.y(), j.scale.min, j.scale.max)
        chosen = [
            item.card
            for item in self.selectedItems()
            if isinstance(item, CardItem) and item.card.stage_id == stage_id
        ]
        kind: AnchorKind = "card" if len(chosen) == 1 else "stage"
        anchor = chosen[0].id if len(chosen) == 1 else stage_id
        existing = self.doc.emotion_at(persona, kind, anchor)
        if existing is not None:
            if existing.score != score:
                self.stack.push(SetEmotion(self.doc, existing.id, score))
            return True
        self.stack.push(AddEmotion(self.doc, EmotionPoint(persona, kind, anchor, score)))
        return True

    # ------------------------------------------------------------------ cards
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
        return self._cell_position(centre, moving | {item.element_id})

    def _cell_position(self, pos: QPointF, moving: set[str]) -> tuple[str, str, int] | None:
        cell = self.geometry.cell_at(pos.x(), pos.y())
        if cell is None:
            return None
        others = [c for c in self.doc.cell_cards(*cell) if c.id not in moving]
        rect = self.geometry.cells[cell]
        return cell[0], cell[1], insert_position(rect, pos.y(), len(others))

    def _show_marker(self, target: tuple[str, str, int] | None) -> None:
        if target is None:
            self._marker.hide()
            return
        stage_id, lane_id, position = target
        cell = self.geometry.cells[(stage_id, lane_id)]
        y = card_rect(cell, position).y - 4
        self._marker.setLine(QLineF(cell.x + CELL_PAD, y, cell.right - CELL_PAD, y))
        self._marker.show()

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
        if len(moves) > 1:
            self.stack.beginMacro(f"Move {len(moves)} cards")
        for card_id, (stage_id, lane_id, position) in moves:
            self.stack.push(MoveCard(self.doc, card_id, stage_id, lane_id, position))
        if len(moves) > 1:
            self.stack.endMacro()
        for item in moved:  # cards dropped where they were, or outside the grid, snap back
            rect = self.geometry.cards.get(item.element_id)
            if rect is not None:
                item.setPos(rect.x, rect.y)

    # ------------------------------------------------------------------ title editing
    def edit_title(self, card_id: str) -> None:
        """Open the in-place title editor over a card."""
        rect = self.geometry.cards.get(card_id)
        if rect is None:
            return
        self.finish_editing()
        editor = self._editor = TitleEditor(card_id, self.doc.card(card_id).title, rect.w)
        editor.setPos(rect.x, rect.y)
        editor.finished.connect(self._title_edited)
        editor.cancelled.connect(self._title_cancelled)
        self.addItem(editor)
        editor.start()

    def finish_editing(self) -> None:
        if self._editor is not None:
            self._editor.commit()

    def _title_edited(self, card_id: str, title: str) -> None:
        self._close_editor()
        if title and self.doc.has("cards", card_id) and title != self.doc.card(card_id).title:
            self.stack.push(EditCard(self.doc, card_id, "Rename card", title=title))

    def _title_cancelled(self, card_id: str) -> None:
        self._close_editor()

    def _close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor.finished.disconnect(self._title_edited)
            editor.cancelled.disconnect(self._title_cancelled)
            self.removeItem(editor)
            editor.deleteLater()

    # ------------------------------------------------------------------ connections
    def _card_under(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem) and item.isVisible():
                return item
        return None

    def _finish_link(self, pos: QPointF) -> None:
        source, self._link_from = self._link_from, None
        self._rubber_link.hide()
        target = self._card_under(pos)
        if source is None or target is None or target.element_id == source:
            return
        pair = (source, target.element_id)
        if any((c.source_id, c.target_id) == pair for c in self.doc.journey.connections):
            self.hint.emit("These cards are already connected.")
            return
        conn = Connection(source, target.element_id)
        self.stack.push(AddElement(self.doc, "connections", conn, text="Connect cards"))
        self.select_only([conn.id])

    # ------------------------------------------------------------------ mouse
    def _top_interactive(self, pos: QPointF) -> QGraphicsItem | None:
        return next((i for i in self.items(pos) if isinstance(i, _INTERACTIVE) and i.isVisible()), None)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        pos = event.scenePos()
        top = self._top_interactive(pos)
        if self._editor is not None and top is not self._editor:
            self.finish_editing()
            top = self._top_interactive(pos)
        if event.button() == Qt.MouseButton.LeftButton:
            if isinstance(top, CardItem) and top.handle_rect().contains(top.mapFromScene(pos)):
                self._link_from = top.element_id
                event.accept()
                return
            lane = self.geometry.emotion_lane
            in_lane = lane is not None and self.geometry.rows[lane].contains(pos.x(), pos.y())
            if top is None and in_lane and self.add_emotion_at(pos):
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._link_from is not None:
            start = self.geometry.cards.get(self._link_from)
            if start is not None:
                path = QPainterPath(QPointF(start.right, start.center.y))
                path.lineTo(event.scenePos())
                self._rubber_link.setPath(path)
                self._rubber_link.show()
            event.accept()
            return
        super().mouseMoveEvent(event)
        grabber = self.mouseGrabberItem()
        if isinstance(grabber, CardItem):
            moved = self._moved_cards()
            if moved:
                grabber.setZValue(style.Z_DRAGGING)
                for item in moved:
                    item.setOpacity(0.85)  # the marker and the cards underneath stay visible
                self._show_marker(self.drop_target(grabber, {i.element_id for i in moved}))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._link_from is not None:
            self._finish_link(event.scenePos())
            event.accept()
            return
        grabber = self.mouseGrabberItem()
        super().mouseReleaseEvent(event)
        self._marker.hide()
        if isinstance(grabber, CardItem):
            grabber.setZValue(style.Z_CARD)
            for item in self.selectedItems():
                item.setOpacity(1.0)
            self._commit_card_drop()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        top = self._top_interactive(event.scenePos())
        if isinstance(top, CardItem):
            self.edit_title(top.element_id)
            event.accept()
            return
        if isinstance(top, ConnectionItem):
            self.connection_label_requested.emit(top.element_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # ------------------------------------------------------------------ palette drops
    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        event.setAccepted(PaletteEntry.decode(event.mimeData()) is not None)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        entry = PaletteEntry.decode(event.mimeData())
        if entry is None:
            event.ignore()
            return
        target = self._cell_position(event.scenePos(), set()) if entry.what == "card" else None
        self._show_marker(target)
        event.setAccepted(entry.what != "card" or target is not None)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self._marker.hide()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self._marker.hide()
        entry = PaletteEntry.decode(event.mimeData())
        if entry is None or not self.drop_entry(entry, event.scenePos()):
            event.ignore()
            return
        event.acceptProposedAction()

    def add_entry(self, entry: PaletteEntry) -> None:
        """Add a palette entry without a drop position: a card goes after the selected card, or at
        the end of the first cell of a lane of its kind; a stage or lane goes at the end."""
        j = self.doc.journey
        if entry.what == "card":
            chosen = [i.card for i in self.selectedItems() if isinstance(i, CardItem)]
            if chosen:
                cell = (chosen[-1].stage_id, chosen[-1].lane_id)
                position: int | None = [c.id for c in self.doc.cell_cards(*cell)].index(chosen[-1].id) + 1
            elif j.stages and j.lanes:
                natural = [lane for lane in j.lanes if CARD_KIND_FOR_LANE[lane.kind] == entry.kind]
                cell, position = (j.stages[0].id, (natural or j.lanes)[0].id), None
            else:
                self.hint.emit("Add a stage and a lane first: cards sit in the cells of the grid.")
                return
            card = Card(cell[0], cell[1], entry.kind, new_card_title(entry.kind))
            self.stack.push(AddCard(self.doc, card, position))
            self.select_only([card.id])
        elif entry.what == "stage":
            self.stack.push(AddElement(self.doc, "stages", Stage(name="New stage")))
        else:
            name = style.LANE_KIND_LABELS.get(entry.kind, entry.kind).capitalize()
            self.stack.push(AddElement(self.doc, "lanes", Lane(name=name, kind=entry.kind)))

    def drop_entry(self, entry: PaletteEntry, pos: QPointF) -> bool:
        """Create what a palette entry stands for where it was dropped."""
        if entry.what == "card":
            target = self._cell_position(pos, set())
            if target is None:
                self.hint.emit("Drop cards into a cell of the grid.")
                return False
            stage_id, lane_id, position = target
            card = Card(stage_id, lane_id, entry.kind, new_card_title(entry.kind))
            self.stack.push(AddCard(self.doc, card, position))
            self.select_only([card.id])
            return True
        if entry.what == "stage":
            stages = self.doc.journey.stages
            index = sum(1 for s in stages if self.geometry.stages[s.id].center.x < pos.x())
            stage = Stage(name="New stage")
            self.stack.push(AddElement(self.doc, "stages", stage, index))
            return True
        lanes = self.doc.journey.lanes
        index = sum(1 for lane in lanes if self.geometry.lanes[lane.id].center.y < pos.y())
        name = style.LANE_KIND_LABELS.get(entry.kind, entry.kind).capitalize()
        self.stack.push(AddElement(self.doc, "lanes", Lane(name=name, kind=entry.kind), index))
        return True
