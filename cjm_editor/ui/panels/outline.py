"""The outline: stages, their lanes and the cards in each cell, as a keyboard-navigable tree that
follows the canvas selection and selects on the canvas in turn."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from cjm_editor.model import JourneyDocument
from cjm_editor.ui.canvas import style
from cjm_editor.ui.rich import escape

ID_ROLE = Qt.ItemDataRole.UserRole


class Outline(QTreeWidget):
    """Rebuilt (debounced) after document changes while it is visible."""

    picked = Signal(list)  # element ids the user selected in the tree

    def __init__(self, doc: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._syncing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self.rebuild)
        self._stale = True
        self._wanted: list[str] | None = None  # what the canvas selected while the tree was stale
        self.itemSelectionChanged.connect(self._selection_changed)
        self.set_document(doc)

    def set_document(self, doc: JourneyDocument) -> None:
        self.doc = doc
        doc.events.changed.connect(self.schedule)
        self.rebuild()

    def detach(self) -> None:
        self.doc.events.changed.disconnect(self.schedule)

    def schedule(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.rebuild()

    def item_for(self, element_id: str) -> QTreeWidgetItem | None:
        return self._items.get(element_id)

    def rebuild(self) -> None:
        j = self.doc.journey
        self._stale = False
        selected = (
            set(self._wanted)
            if self._wanted is not None
            else {i.data(0, ID_ROLE) for i in self.selectedItems()}
        )
        self._wanted = None
        expanded = {sid for sid, item in self._items.items() if item.isExpanded()}
        first = not self._items
        self._syncing = True
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self._items = {}
            cells: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
            for card in j.cards:
                cells.setdefault((card.stage_id, card.lane_id), []).append((card.id, card.title, card.kind))
            for stage in j.stages:
                top = self._add(None, stage.id, stage.name, "Stage")
                for lane in j.lanes:
                    cards = cells.get((stage.id, lane.id), [])
                    node = QTreeWidgetItem(top, [f"{lane.name} ({len(cards)})"])
                    node.setData(0, ID_ROLE, lane.id)
                    node.setToolTip(0, f"Lane “{escape(lane.name)}” in “{escape(stage.name)}”")
                    for card_id, title, kind in cards:
                        self._add(node, card_id, title, style.KIND_LABELS.get(kind, kind))
                    node.setExpanded(bool(cards) and len(cards) <= 50)
                top.setExpanded(first or stage.id in expanded)
            for element_id in selected:
                item = self._items.get(element_id)
                if item is not None:
                    item.setSelected(True)
                    self.setCurrentItem(item, 0, self.selectionModel().SelectionFlag.NoUpdate)
        finally:
            self.setUpdatesEnabled(True)
            self._syncing = False

    def _add(self, parent: QTreeWidgetItem | None, element_id: str, text: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text or "(untitled)"])
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        item.setData(0, ID_ROLE, element_id)
        item.setToolTip(0, f"{kind}: {escape(text)}")
        self._items[element_id] = item
        return item

    def follow(self, element_ids: list[str]) -> None:
        """Select the tree items of what is selected on the canvas (nothing when they are not in the
        tree, such as a connection; once rebuilt when the tree is stale, such as after a drop)."""
        if self._stale:
            self._wanted = list(element_ids)
            self._syncing = True
            self.clearSelection()
            self._syncing = False
            return
        self._syncing = True
        try:
            self.clearSelection()
            for element_id in element_ids:
                item = self._items.get(element_id)
                if item is not None:
                    item.setSelected(True)
            if element_ids and element_ids[0] in self._items:
                self.scrollToItem(self._items[element_ids[0]])
                self.setCurrentItem(
                    self._items[element_ids[0]], 0, self.selectionModel().SelectionFlag.NoUpdate
                )
            else:
                self.selectionModel().clearCurrentIndex()
        finally:
            self._syncing = False

    def _selection_changed(self) -> None:
        if not self._syncing:
            self.picked.emit([i.data(0, ID_ROLE) for i in self.selectedItems()])
