"""File → New: the templates with a preview of each (a thumbnail of the map, its stages and lanes)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Journey, snapshot
from cjm_editor.ui.canvas import style
from cjm_editor.ui.rich import escape
from cjm_editor.ui.user_templates import TemplateChoice

THUMB = QSize(360, 220)


def thumbnail(journey: Journey, size: QSize = THUMB) -> QPixmap:
    """The map drawn small, as the canvas draws it."""
    from cjm_editor.ui.canvas.scene import JourneyScene  # the canvas, only when a preview is made

    scene = JourneyScene(JourneyDocument(snapshot(journey)), QUndoStack())
    pixmap = QPixmap(size)
    pixmap.fill(QColor(style.CANVAS_BG))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    source = scene.sceneRect()
    scene.render(painter, QRectF(4, 4, size.width() - 8, size.height() - 8), source)
    painter.end()
    scene.detach()
    return pixmap


def outline_text(journey: Journey) -> str:
    stages = " → ".join(s.name for s in journey.stages) or "no stages"
    lanes = ", ".join(lane.name for lane in journey.lanes) or "no lanes"
    parts = [f"<b>Stages</b>: {stages}", f"<b>Lanes</b>: {lanes}"]
    if journey.personas:
        parts.append("<b>Personas</b>: " + ", ".join(p.name for p in journey.personas))
    if journey.cards:
        parts.append(f"{len(journey.cards)} example cards")
    return "<br>".join(parts)


class TemplateDialog(QDialog):
    """Pick a template; `chosen()` is its id. The preview follows the list's current row."""

    def __init__(self, choices: list[TemplateChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New journey map")
        self.choices = choices
        self.list = QListWidget()
        for choice in choices:
            item = QListWidgetItem(choice.title + ("  (yours)" if choice.own else ""))
            item.setToolTip(escape(choice.description))
            self.list.addItem(item)
        self.list.setMinimumWidth(220)
        self.picture = QLabel()
        self.picture.setFixedSize(THUMB)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setMaximumWidth(THUMB.width())
        preview = QVBoxLayout()
        preview.addWidget(self.picture)
        preview.addWidget(self.about)
        preview.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addLayout(preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._thumbs: dict[str, QPixmap] = {}
        self.list.currentRowChanged.connect(self._preview)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.setCurrentRow(min(1, len(choices) - 1))

    def _preview(self, row: int) -> None:
        if not 0 <= row < len(self.choices):
            return
        choice = self.choices[row]
        if choice.id not in self._thumbs:
            self._thumbs[choice.id] = thumbnail(choice.journey)
        self.picture.setPixmap(self._thumbs[choice.id])
        description = f"<p>{choice.description}</p>" if choice.description else ""
        self.about.setText(f"<h3>{choice.title}</h3>{description}{outline_text(choice.journey)}")

    def chosen(self) -> str | None:
        row = self.list.currentRow()
        return self.choices[row].id if 0 <= row < len(self.choices) else None
