"""Present: a full-screen view that walks the map stage by stage for a room.

The current stage is lit and the others dimmed; the view zooms so card titles read across a room:
at most 2.2x, which on a 1920 x 1080 projector draws a card title (8.5 pt, 11.3 px at 100 %) 25 px
high (about 19 pt) and its footer 22 px; the stage name in the bar is 40 px, the timer 40 px.
Left/Up/PageUp go back a stage, Right/Down/PageDown go forward (what presentation clickers send);
Escape leaves; T starts or pauses the stage's timer, which turns amber when its time is up. Lanes
can be hidden and revealed (the bar's lane buttons, or keys 1-9 for the n-th lane). The structure is
locked while presenting (PRESENT_MODE): stages and lanes cannot be moved, renamed or deleted; cards
can still be added, moved and edited.

The window draws the map in a scene of its own on the same document and undo stack, so its shades,
hidden lanes, zoom and selection never reach the editor's canvas; the editor's scene is only put in
PRESENT_MODE for the time (the lock) and gets its own mode back on Escape.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QKeyEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.ui import keymap
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.interactions import PRESENT_MODE, Mode
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.canvas.view import JourneyView
from cjm_editor.ui.workshop.present_bar import PresentBar
from cjm_editor.ui.workshop.timer import StageTimer

MAX_ZOOM = 2.2
STAGE_SHARE = 0.45  # of the view's width the current stage takes (up to MAX_ZOOM)
Z_SHADE = 90.0
ALERT = "#f4b942"


class PresentOverlay:
    """Shades over the stages not presented and over hidden lanes (their cards are hidden too, so a
    click cannot reach them). Scene items, rebuilt after every sync of the scene."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.stage_id = ""
        self.hidden_lanes: set[str] = set()
        self._items: list[QGraphicsItem] = []
        scene.synced.connect(self.refresh)

    def refresh(self) -> None:
        scene, g = self.scene, self.scene.geometry
        for item in self._items:
            scene.removeItem(item)
        self._items = []
        dim = QBrush(QColor(28, 32, 40, 150))
        frame = g.columns.get(self.stage_id)
        if frame is not None:
            top, far = frame.y, g.width + 40
            self._add_rect(QRectF(-40, top, frame.x + 40, g.height + 40 - top), dim)
            self._add_rect(QRectF(frame.right, top, far - frame.right, g.height + 40 - top), dim)
            edge = QGraphicsRectItem(QRectF(frame.x, frame.y, frame.w, g.height - frame.y))
            edge.setPen(QPen(QColor(ALERT), 4))
            edge.setZValue(Z_SHADE)
            self._keep(edge)
        cover = QBrush(QColor("#e9ecf2"))
        for lane in scene.doc.journey.lanes:
            row = g.rows.get(lane.id)
            if lane.id not in self.hidden_lanes or row is None:
                continue
            self._add_rect(QRectF(row.x, row.y, row.w, row.h), cover, border=True)
            label = QGraphicsSimpleTextItem(f"{lane.name}: hidden until revealed")
            label.setFont(style.font(12, bold=True))
            label.setBrush(style.MUTED)
            label.setPos(row.x + 16, row.y + row.h / 2 - 10)
            label.setZValue(Z_SHADE + 1)
            self._keep(label)
        for item in scene.items():
            if isinstance(item, CardItem) and item.card.lane_id in self.hidden_lanes:
                item.setVisible(False)

    def _add_rect(self, rect: QRectF, brush: QBrush, border: bool = False) -> None:
        item = QGraphicsRectItem(rect)
        item.setBrush(brush)
        item.setPen(QPen(style.CELL_BORDER, 1) if border else QPen(Qt.PenStyle.NoPen))
        item.setZValue(Z_SHADE)
        self._keep(item)

    def _keep(self, item: QGraphicsItem) -> None:
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scene.addItem(item)
        self._items.append(item)

    def remove(self) -> None:
        self.scene.synced.disconnect(self.refresh)
        self.hidden_lanes.clear()
        for item in self._items:
            self.scene.removeItem(item)
        self._items = []


class PresentWindow(QWidget):
    """The present view of a scene; closing it (Escape) gives the scene its previous mode back."""

    stage_changed = Signal(int)
    closed = Signal()

    def __init__(self, scene: JourneyScene, clock: Callable[[], float] | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(f"Present — {scene.doc.journey.title}")
        self.setStyleSheet("background: #1f2430; color: #f4f6fa;")
        self.source = scene
        self._previous: Mode = scene.mode
        scene.set_mode(PRESENT_MODE)
        self.scene = _own_scene(scene)
        self.timer = StageTimer(clock) if clock is not None else StageTimer()
        self.timer.setParent(self)
        self.overlay = PresentOverlay(self.scene)
        self.index = 0
        j = scene.doc.journey
        self.bar = PresentBar(j.lanes, j.personas, self.timer.toggle, self._add_minutes, self.toggle_lane)
        bar = self.bar
        self.title, self.position, self.clock_label = bar.title, bar.position, bar.clock_label
        self.start_button, self.lane_buttons, self.legend = bar.start_button, bar.lane_buttons, bar.legend
        self.view = JourneyView(self.scene, sticky=False)
        self.view.setStyleSheet("")
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self.timer.ticked.connect(self._show_time)
        self.timer.expired.connect(self._show_time)
        self.scene.setParent(self)  # after the view, so the view goes first when the window does
        self.go(0)

    # ------------------------------------------------------------------ stages
    @property
    def stage_ids(self) -> list[str]:
        return [s.id for s in self.scene.doc.journey.stages]

    @property
    def stage_id(self) -> str:
        ids = self.stage_ids
        return ids[self.index] if ids else ""

    def go(self, index: int) -> None:
        """Present the stage at `index` (clamped): light it, dim the rest, bring it into view."""
        ids = self.stage_ids
        if not ids:
            self.title.setText("This map has no stages")
            return
        self.index = max(0, min(len(ids) - 1, index))
        stage = self.scene.doc.stage(ids[self.index])
        self.title.setText(stage.name)
        self.position.setText(f"Stage {self.index + 1} of {len(ids)}")
        self.overlay.stage_id = stage.id
        self.overlay.refresh()
        self.timer.set_stage(stage.id)
        self.frame()
        self.stage_changed.emit(self.index)

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def frame(self) -> None:
        col = self.scene.geometry.columns.get(self.stage_id)
        if col is None:
            return
        width = max(1, self.view.viewport().width())
        zoom = max(1.0, min(MAX_ZOOM, STAGE_SHARE * width / max(1.0, col.w)))
        self.view.resetTransform()
        self.view.scale(zoom, zoom)
        self.view.centerOn(col.x + col.w / 2, col.y + self.view.viewport().height() / (2 * zoom))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.frame()  # a projector's screen, or full screen arriving late: the stage stays framed

    # ------------------------------------------------------------------ lanes
    def toggle_lane(self, lane_id: str) -> None:
        self.set_lane_hidden(lane_id, lane_id not in self.overlay.hidden_lanes)

    def set_lane_hidden(self, lane_id: str, hidden: bool) -> None:
        (self.overlay.hidden_lanes.add if hidden else self.overlay.hidden_lanes.discard)(lane_id)
        button = self.lane_buttons.get(lane_id)
        if button is not None:
            button.setChecked(not hidden)
        self.scene.sync()  # cards come back, then the overlay hides what stays hidden

    # ------------------------------------------------------------------ timer
    def _add_minutes(self, minutes: int) -> None:
        self.timer.set_duration(self.timer.duration() + 60 * minutes)

    def _show_time(self) -> None:
        t = self.timer
        self.clock_label.setText(t.text())
        self.start_button.setText("Pause" if t.running else "Start")
        alert = t.is_expired
        self.clock_label.setStyleSheet(
            f"background: {ALERT}; color: #1f2430; border-radius: 8px;"
            if alert
            else "background: transparent;"
        )
        self.clock_label.setToolTip("Time is up for this stage" if alert else "")

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        editor = self.scene.title_editor
        editing = editor is not None and editor.isVisible()
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and not editing:
            return self._key(event) or super().eventFilter(watched, event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in keymap.BACK:
            self.previous()
        elif key in keymap.FORWARD:
            self.next()
        elif key in keymap.LEAVE:
            self.close()
        elif key in keymap.TIMER:
            self.timer.toggle()
        elif key in keymap.LANES:
            lanes = self.scene.doc.journey.lanes
            n = int(key) - int(Qt.Key.Key_1)
            if n < len(lanes):
                self.toggle_lane(lanes[n].id)
        else:
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.timer.pause()
        self.overlay.remove()
        self.scene.detach()
        self.source.set_mode(self._previous)
        self.closed.emit()
        super().closeEvent(event)


def _own_scene(source: JourneyScene) -> JourneyScene:
    """A scene of the present window's own on the source's document and undo stack, showing the same
    curves and active persona; what it asks of the window (renames, labels, hints) goes to the source."""
    scene = JourneyScene(source.doc, source.stack, PRESENT_MODE)
    scene.hidden_personas = set(source.hidden_personas)
    scene.active_persona = source.active_persona
    scene.stage_rename_requested.connect(source.stage_rename_requested)
    scene.lane_rename_requested.connect(source.lane_rename_requested)
    scene.connection_label_requested.connect(source.connection_label_requested)
    scene.hint.connect(source.hint)
    scene.sync()
    return scene
