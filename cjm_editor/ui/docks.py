"""The docks around the canvas. Their panels follow the session's document; the canvas scene of that
document is handed over with `bind_scene` (the window makes a new scene for each document)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QUndoView, QWidget

from cjm_editor.model import JourneyDocument
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.canvas.view import JourneyView
from cjm_editor.ui.panels.insights import InsightsPanel
from cjm_editor.ui.panels.inspector import Inspector
from cjm_editor.ui.panels.outline import Outline
from cjm_editor.ui.panels.palette import PaletteList
from cjm_editor.ui.panels.personas import PersonasPanel
from cjm_editor.ui.session import DocumentSession

_SELECTABLE = (CardItem, ConnectionItem, EmotionPointItem, HeaderItem)
Area = Qt.DockWidgetArea
AskColour = Callable[[QWidget, str], str | None]


def _dock(
    window: QMainWindow, title: str, name: str, widget: QWidget, area: Area, scroll: bool = False
) -> QDockWidget:
    """A dock; `scroll` puts a form in a scroll area so that a small window can narrow the dock."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    if scroll:
        area_widget = QScrollArea()
        area_widget.setWidgetResizable(True)
        area_widget.setFrameShape(QFrame.Shape.NoFrame)
        area_widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area_widget.setWidget(widget)
        area_widget.setMinimumSize(120, 80)
        dock.setWidget(area_widget)
    else:
        dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


class Docks(QObject):
    """Palette and outline on the left; inspector, personas, history and insights on the right.
    A QObject child of the window, so Qt disconnects it from the scene when the window goes."""

    def __init__(
        self,
        window: QMainWindow,
        session: DocumentSession,
        canvas: JourneyView,
        ask_colour: AskColour,
        *,
        analyse_after_paint: bool = False,
    ) -> None:
        super().__init__(window)
        self.session, self.canvas = session, canvas
        doc, stack = session.document, session.undo_stack
        self.palette = PaletteList()
        self.outline = Outline(doc)
        self.inspector = Inspector(doc, stack)
        self.personas = PersonasPanel(doc, stack, ask_colour)
        self.insights = InsightsPanel(doc, held=canvas.viewport() if analyse_after_paint else None)
        self.insights.set_document(doc, session.path)
        self.history = QUndoView(stack)
        self.history.setEmptyLabel("Opened map")
        w = window
        self.all = [
            _dock(w, "Palette", "palette", self.palette, Area.LeftDockWidgetArea),
            _dock(w, "Outline", "outline", self.outline, Area.LeftDockWidgetArea),
            _dock(w, "Inspector", "inspector", self.inspector, Area.RightDockWidgetArea, scroll=True),
            _dock(w, "Personas", "personas", self.personas, Area.RightDockWidgetArea, scroll=True),
            _dock(w, "History", "history", self.history, Area.RightDockWidgetArea),
            _dock(w, "Insights", "insights", self.insights, Area.RightDockWidgetArea),  # its tree scrolls
        ]
        w.tabifyDockWidget(self.all[3], self.all[4])
        w.tabifyDockWidget(self.all[3], self.all[5])
        self.all[3].raise_()
        w.resizeDocks(self.all[:2], [200, 200], Qt.Orientation.Horizontal)
        w.resizeDocks(self.all[2:3], [300], Qt.Orientation.Horizontal)
        self.palette.activated_entry.connect(lambda entry: self.scene.add_entry(entry))
        self.outline.picked.connect(self._outline_picked)
        self.personas.visibility_changed.connect(
            lambda pid, shown: self.scene.set_persona_visible(pid, shown)
        )
        self.personas.visibility_changed.connect(lambda *_: self._show_legend())
        canvas.legend.toggled.connect(self.personas.set_visible)
        self.personas.active_changed.connect(self._active_changed)
        self.insights.picked.connect(self._insight_picked)
        self.insights.analysed.connect(lambda report: self.scene.show_insights(report))
        self.insights.overlay_toggled.connect(lambda on: self.scene.set_overlay_visible(on))
        doc.events.changed.connect(self._document_changed)
        session.document_replaced.connect(self._document_replaced)
        self._show_legend()

    def fit(self, window_width: int) -> None:
        """In a narrow window, narrow the docks so the canvas keeps most of the width."""
        window = self.parent()
        assert isinstance(window, QMainWindow)
        left = [d for d in self.all[:2] if d.isVisible() and not d.isFloating()]
        right = [d for d in self.all[2:] if d.isVisible() and not d.isFloating()]
        docks_width = max((d.width() for d in left), default=0) + max((d.width() for d in right), default=0)
        if window_width - docks_width >= window_width * 0.5:
            return
        if left:
            window.resizeDocks(left[:1], [max(100, int(window_width * 0.18))], Qt.Orientation.Horizontal)
        if right:
            window.resizeDocks(right[:1], [max(120, int(window_width * 0.25))], Qt.Orientation.Horizontal)

    @property
    def scene(self) -> JourneyScene:
        return self.canvas.journey_scene()

    def bind_scene(self, scene: JourneyScene) -> None:
        """Follow the selection of a new canvas scene and carry the panels' view settings over to it."""
        scene.set_overlay_visible(self.insights.overlay.isChecked())
        scene.selectionChanged.connect(self._canvas_selection_changed)

    def _document_replaced(self, doc: JourneyDocument) -> None:
        self.outline.detach()
        self.outline.set_document(doc)
        self.inspector.set_document(doc)
        self.personas.set_document(doc, self.scene.active_persona)
        self.insights.set_document(doc, self.session.path)
        doc.events.changed.connect(self._document_changed)
        self._show_legend()

    def _document_changed(self) -> None:
        self.inspector.refresh()
        self.personas.refresh()
        self._show_legend()

    def _show_legend(self) -> None:
        self.canvas.legend.show_personas(list(self.session.document.journey.personas), self.personas.hidden)

    def _active_changed(self, persona_id: str) -> None:
        self.scene.active_persona = persona_id

    def _canvas_selection_changed(self) -> None:
        ids = [i.element_id for i in self.scene.selectedItems() if isinstance(i, _SELECTABLE)]
        self.inspector.show_selection(ids)
        self.outline.follow(ids)

    def _insight_picked(self, ids: list[str]) -> None:
        self.scene.select_only(ids)
        self.canvas.frame(ids)

    def _outline_picked(self, ids: list[str]) -> None:
        self.scene.select_only(ids)
        if ids:
            self.canvas.reveal(ids[0])
