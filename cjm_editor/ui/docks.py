"""The docks around the canvas and how they follow the document and the canvas selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QUndoView, QWidget

from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.panels.insights import InsightsPanel
from cjm_editor.ui.panels.inspector import Inspector
from cjm_editor.ui.panels.outline import Outline
from cjm_editor.ui.panels.palette import PaletteList
from cjm_editor.ui.panels.personas import PersonasPanel

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow

_SELECTABLE = (CardItem, ConnectionItem, EmotionPointItem, HeaderItem)
Area = Qt.DockWidgetArea


def _dock(window: QMainWindow, title: str, name: str, widget: QWidget, area: Area) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


class Docks:
    """Palette and outline on the left; inspector, personas and history on the right."""

    def __init__(self, w: MainWindow) -> None:
        self.window = w
        self.palette = PaletteList()
        self.outline = Outline(w.document)
        self.inspector = Inspector(w.document, w.undo_stack)
        self.personas = PersonasPanel(w.document, w.undo_stack, lambda parent, c: w.ask.colour(parent, c))
        self.insights = InsightsPanel(w.document)
        self.history = QUndoView(w.undo_stack)
        self.history.setEmptyLabel("Opened map")
        self.all = [
            _dock(w, "Palette", "palette", self.palette, Area.LeftDockWidgetArea),
            _dock(w, "Outline", "outline", self.outline, Area.LeftDockWidgetArea),
            _dock(w, "Inspector", "inspector", self.inspector, Area.RightDockWidgetArea),
            _dock(w, "Personas", "personas", self.personas, Area.RightDockWidgetArea),
            _dock(w, "History", "history", self.history, Area.RightDockWidgetArea),
            _dock(w, "Insights", "insights", self.insights, Area.RightDockWidgetArea),
        ]
        w.tabifyDockWidget(self.all[3], self.all[4])
        w.tabifyDockWidget(self.all[3], self.all[5])
        self.all[3].raise_()
        w.resizeDocks(self.all[:2], [200, 200], Qt.Orientation.Horizontal)
        w.resizeDocks(self.all[2:3], [300], Qt.Orientation.Horizontal)
        self.palette.activated_entry.connect(lambda entry: w.scene.add_entry(entry))
        self.outline.picked.connect(self._outline_picked)
        self.personas.visibility_changed.connect(lambda pid, shown: w.scene.set_persona_visible(pid, shown))
        self.personas.active_changed.connect(self._active_changed)
        self.insights.picked.connect(self._insight_picked)
        self.insights.analysed.connect(lambda report: w.scene.show_insights(report))
        self.insights.overlay_toggled.connect(lambda on: w.scene.set_overlay_visible(on))

    def attach(self) -> None:
        """Follow the window's current document and scene (after open or new)."""
        w = self.window
        self.outline.detach()
        self.outline.set_document(w.document)
        self.inspector.set_document(w.document)
        self.personas.set_document(w.document, w.scene.active_persona)
        self.insights.set_document(w.document, w.path)
        w.scene.set_overlay_visible(self.insights.overlay.isChecked())
        w.document.events.changed.connect(self._document_changed)
        w.scene.selectionChanged.connect(self._canvas_selection_changed)

    def _document_changed(self) -> None:
        self.inspector.refresh()
        self.personas.refresh()

    def _active_changed(self, persona_id: str) -> None:
        self.window.scene.active_persona = persona_id

    def _canvas_selection_changed(self) -> None:
        scene = self.window.scene
        ids = [i.element_id for i in scene.selectedItems() if isinstance(i, _SELECTABLE)]
        self.inspector.show_element(ids[0] if len(ids) == 1 else None)
        self.outline.follow(ids)

    def _insight_picked(self, ids: list[str]) -> None:
        w = self.window
        w.scene.select_only(ids)
        w.frame(ids)

    def _outline_picked(self, ids: list[str]) -> None:
        w = self.window
        w.scene.select_only(ids)
        if ids:
            w.reveal(ids[0])
