"""The palette: drag a new card of any kind, a stage or a lane onto the canvas (or double-click one)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from cjm_editor.model.journey import CARD_KINDS, LANE_KINDS
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.palette_drop import PALETTE_MIME, PaletteEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _swatch(fill: str, accent: str, wide: bool = False) -> QIcon:
    pix = QPixmap(28, 20)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(accent))
    p.setBrush(QColor(fill))
    p.drawRoundedRect(1, 1, 26, 18, 4, 4)
    p.fillRect(2, 4 if not wide else 2, 3 if not wide else 24, 12 if not wide else 4, QColor(accent))
    p.end()
    return QIcon(pix)


class PaletteList(QListWidget):
    """The entries, draggable onto the canvas. `activated_entry` fires on double-click or Enter."""

    activated_entry = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setIconSize(QSize(28, 20))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for kind in CARD_KINDS:
            fill, accent = style.CARD_COLOURS[kind]
            self._add(
                PaletteEntry("card", kind),
                style.KIND_LABELS[kind],
                _swatch(fill, accent),
                f"Drag into a cell to add a {style.KIND_LABELS[kind].lower()} card",
            )
        self._add(
            PaletteEntry("stage"),
            "Stage",
            _swatch(style.HEADER_BG.name(), style.HEADER_BG.name(), wide=True),
            "Drag between stages to add a stage there",
        )
        for kind in LANE_KINDS:
            label = style.LANE_KIND_LABELS[kind]
            self._add(
                PaletteEntry("lane", kind),
                f"Lane: {label}",
                _swatch(style.LANE_BG.name(), style.LANE_KIND_TEXT.name(), wide=True),
                f"Drag between lanes to add a lane for {label}",
            )
        self.itemActivated.connect(lambda item: self.activated_entry.emit(item.data(ENTRY_ROLE)))

    def _add(self, entry: PaletteEntry, text: str, icon: QIcon, tip: str) -> None:
        item = QListWidgetItem(icon, text)
        item.setData(ENTRY_ROLE, entry)
        item.setToolTip(tip + " (or double-click to add it)")
        self.addItem(item)

    def entry_item(self, entry: PaletteEntry) -> QListWidgetItem:
        return next(self.item(i) for i in range(self.count()) if self.item(i).data(ENTRY_ROLE) == entry)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        entry: PaletteEntry = items[0].data(ENTRY_ROLE)
        return entry.encode()

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [PALETTE_MIME]
