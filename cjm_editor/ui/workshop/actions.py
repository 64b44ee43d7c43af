"""The Workshop menu and dock of a window: present, lock, vote, rate, capture, vote results, and
File → Import → Ratings from a survey (one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QScrollArea

from cjm_editor.commands.elements import AddElement
from cjm_editor.formats import csv_ratings
from cjm_editor.formats.csv_cards import CsvRowsError
from cjm_editor.formats.errors import LoadError
from cjm_editor.model.vocabulary import counted
from cjm_editor.ui.canvas.interactions import EDIT_MODE, LOCK_MODE, RATE_MODE, VOTE_MODE, Mode
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.workshop.panel import WorkshopPanel
from cjm_editor.ui.workshop.present import PresentWindow
from cjm_editor.ui.workshop.results import VoteResults

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow

SURVEY_FILTER = "Survey CSV (*.csv *.txt);;All files (*)"
_IMPORT_ORDER = ("personas", "lanes", "participants", "cards", "ratings")


class WorkshopActions(QObject):
    def __init__(self, window: MainWindow, clock: Callable[[], float] | None = None) -> None:
        super().__init__(window)
        self.window, self.clock = window, clock
        self.present_window: PresentWindow | None = None
        self.results: VoteResults | None = None
        self.panel = WorkshopPanel(window.session.undo_stack, lambda: window.scene)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        self.dock = QDockWidget("Workshop", window)
        self.dock.setObjectName("workshop")
        self.dock.setWidget(scroll)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.docks.all[3], self.dock)
        self.panel.present_requested.connect(self.present)
        self.panel.results_requested.connect(self.show_results)
        self.panel.bind(window.scene)
        window.session.document_replaced.connect(lambda _doc: self._rebind())
        self.mode_actions: dict[str, QAction] = {}
        self._menu(_menu_before_help(window, "&Workshop"))
        window.menus.view_menu.addAction(self.dock.toggleViewAction())
        self._follow_mode(window.scene)
        imports = next((a.menu() for a in window.menuBar().actions() if a.text() == "&File"), None)
        for action in imports.actions() if isinstance(imports, QMenu) else []:
            sub = action.menu()
            if isinstance(sub, QMenu) and action.text() == "&Import":
                self._add(sub, "&Ratings from a Survey…", self.import_ratings, None, "Into this map")

    def _rebind(self) -> None:
        if self.present_window is not None:
            self.present_window.close()
        self.panel.bind(self.window.scene)
        self._follow_mode(self.window.scene)

    def _follow_mode(self, scene: JourneyScene) -> None:
        """The menu's mode entries show the scene's mode, however it was chosen (menu, panel, Present)."""
        scene.mode_changed.connect(self._show_mode)
        self._show_mode(scene.mode)

    def _show_mode(self, mode: Mode) -> None:
        for name, action in self.mode_actions.items():
            action.setChecked(name == mode.name)  # none while presenting: Present is not one of them

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object], key: str | None, tip: str) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.setStatusTip(tip)
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        return action

    def _menu(self, menu: QMenu) -> None:
        self._add(menu, "&Present…", self.present, "F5", "Walk the map stage by stage, full screen")
        menu.addSeparator()
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for text, mode, key in (
            ("&Edit Everything", EDIT_MODE, "Ctrl+Alt+E"),
            ("&Lock Stages and Lanes", LOCK_MODE, "Ctrl+Alt+L"),
            ("&Vote", VOTE_MODE, "Ctrl+Alt+V"),
            ("&Rate", RATE_MODE, "Ctrl+Alt+R"),
        ):
            action = self._add(menu, text, partial(self.set_mode, mode), key, "")
            action.setCheckable(True)
            group.addAction(action)
            self.mode_actions[mode.name] = action
        menu.addSeparator()
        self._add(menu, "Vote Res&ults…", self.show_results, "Ctrl+Alt+U", "Cards ranked by votes, per kind")
        self._add(menu, "&Capture…", self.capture, "Ctrl+Alt+C", "Type lines that become cards")

    def set_mode(self, mode: Mode) -> None:
        self.panel.set_mode(mode)
        self.dock.raise_()

    def capture(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.capture.setFocus()

    def present(self) -> PresentWindow:
        if self.present_window is None:
            window = PresentWindow(self.window.scene, self.clock)
            window.closed.connect(self._present_closed)
            self.present_window = window
            window.showFullScreen()
        self.present_window.activateWindow()
        return self.present_window

    def _present_closed(self) -> None:
        self.present_window = None
        self.panel.refresh()

    def show_results(self) -> VoteResults:
        if self.results is not None:
            self.results.close()
        self.results = VoteResults(self.window.session.document, self.window)
        self.results.show()
        return self.results

    def import_ratings(self, path: str | None = None, scale: str | None = None) -> bool:
        """Ratings from a survey CSV into the open map, as one undo step."""
        w = self.window
        path = path or w.ask.import_path(w, "Import ratings from a survey", SURVEY_FILTER)
        if not path:
            return False
        scale = scale or w.ask.text(w, "Survey scale", "The survey's own score scale (min..max):", "1..5")
        if not scale:
            return False
        doc = w.session.document
        try:
            result = csv_ratings.load(path, doc.journey, csv_ratings.parse_scale(scale))
        except ValueError as exc:
            w.show_message("Cannot import the ratings", "The scale is not like 1..5.", str(exc))
            return False
        except CsvRowsError as exc:
            w.show_message(
                "Cannot import the ratings", f"{Path(path).name} has bad rows.", "\n".join(exc.rows)
            )
            return False
        except LoadError as exc:
            w.show_message("Cannot import the ratings", f"{Path(path).name} could not be read.", str(exc))
            return False
        stack = w.session.undo_stack
        stack.beginMacro(f"Import ratings from {Path(path).name}")
        for name in _IMPORT_ORDER:
            for entity in getattr(result.journey, name):
                if not doc.has(name, entity.id):
                    stack.push(AddElement(doc, name, entity))
        stack.endMacro()
        w.statusBar().showMessage(
            f"Imported {counted(result.ratings, 'rating')} and {counted(result.quotes, 'quote')} "
            f"from {Path(path).name}",
            6000,
        )
        if result.report:  # new personas, ignored columns: said, never silent
            w.show_message(
                "Imported with notes",
                f"The ratings of {Path(path).name} were added (Undo takes them out again).",
                "\n".join(result.report.lines()),
                QMessageBox.Icon.Information,
            )
        return True


def _menu_before_help(window: QMainWindow, title: str) -> QMenu:
    """A new menu bar menu, placed before Help (which stays last, as desktop users expect)."""
    bar = window.menuBar()
    menu = QMenu(title, bar)
    help_action = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
    if help_action is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(help_action, menu)
    return menu
