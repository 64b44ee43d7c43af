"""JourneyScene: offers the canvas's mouse, key and drop events to the interactions of its mode.

The mirroring half (items that follow the document) is MirrorScene. The gestures themselves
(moving cards, connecting, editing titles, emotion points, headers, palette drops) live in
`ui/canvas/interactions/`; this class only dispatches to them and holds what they share: the
drop marker, the connection preview, the insight overlay and the active persona.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPen, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from cjm_editor.analysis.report import Report
from cjm_editor.model import JourneyDocument
from cjm_editor.ui import keymap
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.interactions import EDIT_MODE, EditTitle, Interaction, Mode, PaletteDrop
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem, LaneHeaderItem, StageHeaderItem
from cjm_editor.ui.canvas.items.overlay import InsightOverlay
from cjm_editor.ui.canvas.items.title_editor import TitleEditor
from cjm_editor.ui.canvas.mirror import MirrorScene
from cjm_editor.ui.canvas.palette_drop import PaletteEntry
from cjm_editor.ui.canvas.workshop_state import WorkshopState

_INTERACTIVE = (CardItem, EmotionPointItem, HeaderItem, ConnectionItem, TitleEditor)
I = TypeVar("I", bound=Interaction)  # noqa: E741


class JourneyScene(MirrorScene):
    """The canvas scene. `item_for(id)` finds the item that shows an element."""

    stage_rename_requested = Signal(str)
    lane_rename_requested = Signal(str)
    connection_label_requested = Signal(str)
    hint = Signal(str)  # a short status-bar message about what a gesture did or could not do
    mode_changed = Signal(object)  # the new Mode, after set_mode

    def __init__(self, doc: JourneyDocument, stack: QUndoStack, mode: Mode = EDIT_MODE) -> None:
        super().__init__(doc)
        self.stack = stack
        self.active_persona: str | None = None
        self.workshop = WorkshopState()  # who votes or rates now, where the scribe captures
        self.headers_pinned_by: object | None = None  # the one view's sticky headers that move them
        self.drop_marker = QGraphicsLineItem()
        self.drop_marker.setPen(QPen(style.MARKER, 3))
        self.drop_marker.setZValue(style.Z_MARKER)
        self.drop_marker.hide()
        self.addItem(self.drop_marker)
        self.link_preview = QGraphicsPathItem()
        self.link_preview.setPen(QPen(style.SELECTION, 2, Qt.PenStyle.DashLine))
        self.link_preview.setZValue(style.Z_MARKER)
        self.link_preview.hide()
        self.addItem(self.link_preview)
        self.overlay = InsightOverlay()
        self.overlay.hide()
        self.addItem(self.overlay)
        self._report: Report | None = None
        self.mode = mode
        self._interactions: list[Interaction] = [kind(self) for kind in mode.interactions]
        self._active: Interaction | None = None  # the one that took the gesture under way
        self._dragging_in: Interaction | None = None  # the one that took a drag from outside
        self.synced.connect(self._place_overlay)
        if doc.journey.personas:
            self.active_persona = doc.journey.personas[0].id
        self.sync()

    # ------------------------------------------------------------------ item factories
    def _new_stage(self, stage: Any, w: float, h: float) -> StageHeaderItem:
        return StageHeaderItem(stage, w, h)

    def _new_lane(self, lane: Any, w: float, h: float) -> LaneHeaderItem:
        item = LaneHeaderItem(lane, w, h)
        item.count_cards = lambda lane_id: sum(1 for c in self.doc.journey.cards if c.lane_id == lane_id)
        return item

    # ------------------------------------------------------------------ modes
    def set_mode(self, mode: Mode) -> None:
        """Allow another set of interactions; a gesture under way is cancelled first."""
        self.cancel_gesture()
        self.mode = mode
        self._interactions = [kind(self) for kind in mode.interactions]
        self.mode_changed.emit(mode)

    def interaction(self, kind: type[I]) -> I | None:
        """The mode's interaction of this kind, or None when the mode does not allow it."""
        return next((i for i in self._interactions if isinstance(i, kind)), None)

    def cancel_gesture(self) -> None:
        active, self._active = self._active, None
        if active is not None:
            active.cancel()

    def detach(self) -> None:
        self.cancel_gesture()
        editor = self.interaction(EditTitle)
        if editor is not None:
            editor.close()
        super().detach()

    # ------------------------------------------------------------------ what the window asks for
    def edit_title(self, card_id: str) -> None:
        """Open the in-place title editor over a card (F2), if the mode allows editing titles."""
        editor = self.interaction(EditTitle)
        if editor is not None:
            editor.open(card_id)

    @property
    def title_editor(self) -> TitleEditor | None:
        editor = self.interaction(EditTitle)
        return editor.editor if editor is not None else None

    def add_entry(self, entry: PaletteEntry) -> None:
        """Add what a palette entry stands for without a drop position (double-click in the palette)."""
        palette = self.interaction(PaletteDrop)
        if palette is not None:
            palette.add(entry)

    def focus_canvas(self) -> None:
        """Give the keyboard to the canvas (after a drop from the palette, so F2 and typing reach it)."""
        for view in self.views():
            view.activateWindow()
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_only(self, element_ids: list[str]) -> None:
        self.clearSelection()
        for element_id in element_ids:
            item = self.item_for(element_id)
            if item is not None and item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
                item.setSelected(True)

    def top_item(self, pos: QPointF) -> QGraphicsItem | None:
        """The topmost visible card, header, emotion point, connection or title editor at a point."""
        return next((i for i in self.items(pos) if isinstance(i, _INTERACTIVE) and i.isVisible()), None)

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

    # ------------------------------------------------------------------ Qt's own handling
    def default_press(self, event: QGraphicsSceneMouseEvent) -> None:
        """Qt's press: selects the item under the mouse (ctrl toggles) and lets it grab the mouse."""
        super().mousePressEvent(event)

    def default_move(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)

    def default_release(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)

    # ------------------------------------------------------------------ dispatch
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.cancel_gesture()  # a press while another gesture is under way (a second button) ends it
        for interaction in self._interactions:
            if interaction.press(event):
                self._active = interaction
                return
        self.default_press(event)
        event.accept()  # no rubber band in a mode that does not offer it

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._active is not None:
            self._active.move(event)
            return
        self.default_move(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        active, self._active = self._active, None
        if active is not None:
            active.release(event)
            return
        self.default_release(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.cancel_gesture()
        if any(i.double_click(event) for i in self._interactions):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in keymap.CANCEL and self._active is not None:
            self.cancel_gesture()
            event.accept()
            return
        if any(i.key_press(event) for i in self._interactions):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        """Tab and Shift+Tab: Qt's scene handles them itself; offer them to the interactions first."""
        key = Qt.Key.Key_Tab if next else Qt.Key.Key_Backtab
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
        if any(i.key_press(event) for i in self._interactions):
            return True
        return super().focusNextPrevChild(next)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self._dragging_in = next((i for i in self._interactions if i.drag_enter(event)), None)
        event.setAccepted(self._dragging_in is not None)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if self._dragging_in is None:
            event.ignore()
            return
        self._dragging_in.drag_move(event)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        taker, self._dragging_in = self._dragging_in, None
        if taker is not None:
            taker.drag_leave()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        taker, self._dragging_in = self._dragging_in, None
        if taker is None:
            event.ignore()
            return
        taker.drop(event)
