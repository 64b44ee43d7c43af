"""The compare view: one map drawn with what changed since another marked on its cards, and the list
of every change (File → Compare with…, History → Compare, and the recovery Compare).

The canvas is a JourneyScene in COMPARE_MODE (no gestures: nothing can be edited) showing the newer
map plus the cards that were removed, in the cell they had. Each changed card gets a coloured frame
and a tag: added (green), removed (red, dashed), moved (blue, with where it came from), changed (amber).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.formats.diff import ADDED, CHANGED, MOVED, REMOVED, MapDiff, diff
from cjm_editor.model import Journey, JourneyDocument
from cjm_editor.model.journey import snapshot
from cjm_editor.ui.canvas.interactions import Mode
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.canvas.view import JourneyView

COMPARE_MODE = Mode("compare", ())
COLOURS = {ADDED: "#2e9d4f", REMOVED: "#d1495b", MOVED: "#2e6fd1", CHANGED: "#e09a1a"}
MARK_Z = 50.0


def merged(old: Journey, new: Journey, result: MapDiff) -> Journey:
    """The new map plus the removed cards whose cell still exists, so they can be shown struck out."""
    out = snapshot(new)
    stages, lanes = {s.id for s in new.stages}, {lane.id for lane in new.lanes}
    removed = {c.id for c in result.of("cards", REMOVED)}
    doc = JourneyDocument(out)
    for card in old.cards:
        if card.id in removed and card.stage_id in stages and card.lane_id in lanes:
            doc.add_card(card)
    return doc.journey


class CompareView(QDialog):
    """Two versions of a map side by side in one picture: the changes marked on the canvas and listed."""

    def __init__(
        self, old: Journey, new: Journey, old_name: str, new_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Compare: {old_name} → {new_name}")
        self.changes_found = diff(old, new)
        self.stack = QUndoStack(self)
        self.document = JourneyDocument(merged(old, new, self.changes_found))
        self.scene = JourneyScene(self.document, self.stack, COMPARE_MODE)
        self.scene.setParent(self)
        self.canvas = JourneyView(self.scene)
        self.marks: dict[str, str] = {}
        self._mark_cards()
        self.changes = QListWidget()
        self._fill_list()
        self.changes.currentItemChanged.connect(self._show_item)
        legend = " ".join(f'<span style="color:{c}">■ {k}</span>' for k, c in COLOURS.items())
        head = QLabel(f"<b>{old_name}</b> → <b>{new_name}</b>: {self.changes_found.summary()}<br>{legend}")
        head.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.canvas)
        split.addWidget(self.changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 400])
        self.changes.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(head)
        column.addWidget(split, 1)
        self.resize(1400, 860)

    def _mark_cards(self) -> None:
        kinds = self.changes_found.kinds_by_id("cards")
        moved_from = {c.id: c.before for c in self.changes_found.of("cards", MOVED)}
        font = QFont()
        font.setPointSizeF(8)
        font.setBold(True)
        for card_id, kind in kinds.items():
            item = self.scene.item_for(card_id)
            if item is None:
                continue
            colour = QColor(COLOURS[kind])
            rect = item.sceneBoundingRect().adjusted(-4, -4, 4, 4)
            frame = QGraphicsRectItem(rect)
            pen = QPen(colour, 3.5, Qt.PenStyle.DashLine if kind == REMOVED else Qt.PenStyle.SolidLine)
            frame.setPen(pen)
            frame.setBrush(QBrush(QColor(255, 255, 255, 140)) if kind == REMOVED else QBrush())
            frame.setZValue(MARK_Z)
            self.scene.addItem(frame)
            label = kind if kind != MOVED else f"moved from {moved_from.get(card_id, '')}"
            tag = QGraphicsSimpleTextItem(label)
            tag.setFont(font)
            tag.setBrush(QColor("white"))
            box = QGraphicsRectItem(
                QRectF(0, 0, tag.boundingRect().width() + 8, tag.boundingRect().height() + 2)
            )
            box.setBrush(colour)
            box.setPen(QPen(Qt.PenStyle.NoPen))
            box.setPos(rect.left(), rect.top() - box.rect().height() + 2)
            box.setZValue(MARK_Z + 1)
            tag.setParentItem(box)
            tag.setPos(4, 1)
            self.scene.addItem(box)
            self.marks[card_id] = kind

    def _fill_list(self) -> None:
        for change in self.changes_found.changes:
            item = QListWidgetItem(change.text())
            item.setData(Qt.ItemDataRole.UserRole, change.id)
            item.setForeground(QColor(COLOURS.get(change.kind, "#333333")))
            self.changes.addItem(item)
        for line in [f"emotion: {e.text()}" for e in self.changes_found.emotions] + [
            f"metric: {m.text()}" for m in self.changes_found.metrics
        ]:
            self.changes.addItem(QListWidgetItem(line))
        if not self.changes_found:
            self.changes.addItem(QListWidgetItem("The two versions hold the same map."))

    def _show_item(self, item: QListWidgetItem | None) -> None:
        element_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if element_id and self.scene.item_for(element_id) is not None:
            self.canvas.reveal(element_id)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self.canvas.zoom_fit()
