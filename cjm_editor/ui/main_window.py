"""The editor window: canvas, undo history, menus, file handling.

Stable surface for tests: open_path(path), save(), save_as(path), .document, .undo_stack, .canvas,
and .canvas.item_for(element_id). Constructing a MainWindow never opens a modal dialog; the
questions it asks go through the replaceable functions in `self.ask`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QSettings, Qt, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar, QVBoxLayout, QWidget

from cjm_editor.commands.cards import RemoveElements
from cjm_editor.commands.structure import RenameLane, RenameStage, UpdateElement
from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.formats.templates import template, templates
from cjm_editor.model import JourneyDocument
from cjm_editor.ui import about, clipboard, dialogs, interop_actions
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.canvas.view import JourneyView
from cjm_editor.ui.docks import Docks
from cjm_editor.ui.export_dialog import ExportDialog
from cjm_editor.ui.panels.find_bar import FindBar

MAX_RECENT = 8


def _paths(value: object) -> list[str]:
    """QSettings returns a list, a single string, or None depending on how many were stored."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


class MainWindow(QMainWindow):
    """One editor window showing one map."""

    def __init__(self) -> None:
        super().__init__()
        self.ask = SimpleNamespace(
            save_changes=dialogs.ask_save_changes,
            open_path=dialogs.ask_open_path,
            save_path=dialogs.ask_save_path,
            text=dialogs.ask_text,
            template=dialogs.ask_template,
            colour=dialogs.ask_colour,
            import_path=dialogs.ask_import_path,
            export_path=dialogs.ask_export_path,
        )
        self.path: str | None = None
        self.last_message: QMessageBox | None = None
        self._repaired = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.document = JourneyDocument(template("classic-five"))
        self.scene = JourneyScene(self.document, self.undo_stack)
        self.canvas = JourneyView(self.scene)
        self.find_bar = FindBar(self.document)
        self.find_bar.found.connect(self._found)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.canvas, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.docks = Docks(self)
        self._connect_scene()
        self._build_menus()
        self.setAcceptDrops(True)
        self.resize(1500, 950)
        self._update_title()

    # ------------------------------------------------------------------ document
    def _set_document(self, doc: JourneyDocument, path: str | None) -> None:
        self.scene.detach()
        self.undo_stack.clear()
        self.document = doc
        self.scene = JourneyScene(doc, self.undo_stack)
        self.canvas.setScene(self.scene)
        self.find_bar.doc = doc
        self.path = path
        self._connect_scene()
        self.undo_stack.setClean()
        self._update_title()

    def _connect_scene(self) -> None:
        self.scene.stage_rename_requested.connect(self.rename_stage)
        self.scene.lane_rename_requested.connect(self.rename_lane)
        self.scene.connection_label_requested.connect(self.edit_connection_label)
        self.scene.hint.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.docks.attach()

    def is_modified(self) -> bool:
        return self._repaired or not self.undo_stack.isClean()

    def _display_name(self) -> str:
        return Path(self.path).name if self.path else f"{self.document.journey.title} (unsaved)"

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self._display_name()}[*] — cjm-editor")
        self.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True means go ahead."""
        if not self.is_modified():
            return True
        choice = self.ask.save_changes(self, self._display_name())
        if choice is dialogs.Choice.SAVE:
            return self.save()
        return choice is dialogs.Choice.DISCARD

    def adopt(self, doc: JourneyDocument) -> None:
        """Show a map that has no file yet (an import)."""
        self._repaired = False
        self._set_document(doc, None)
        self._repaired = True  # unsaved: closing asks to save it
        self._update_title()
        self.canvas.zoom_fit()

    def new_from_template(self, template_id: str) -> bool:
        if not self.maybe_save():
            return False
        self._repaired = False
        self._set_document(JourneyDocument(template(template_id)), None)
        self.canvas.zoom_fit()
        return True

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a map. On a load error, say so in a dialog and keep the open map untouched."""
        path = os.fspath(path)
        if path.lower().endswith((".mmd", ".mermaid")):  # a Mermaid journey opens as an import
            return interop_actions.import_file(self, "mermaid", path)
        if not self.maybe_save():
            return False
        try:
            result = cjm_json.load(path)
        except LoadError as exc:
            self.show_message("Cannot open the map", f"{Path(path).name} could not be opened.", str(exc))
            return False
        self._repaired = bool(result.report)
        self._set_document(JourneyDocument(result.journey), path)
        self._remember(path)
        if result.report:
            details = "\n".join(result.report.lines())
            self.show_message(
                "The map was repaired",
                f"{Path(path).name} had problems that were repaired. Check the map, then save it.",
                details,
                QMessageBox.Icon.Warning,
            )
        return True

    def save(self) -> bool:
        if self.path is None:
            suggestion = self.document.journey.title.replace("/", "-") + cjm_json.SUFFIX
            chosen = self.ask.save_path(self, suggestion)
            return chosen is not None and self.save_as(chosen)
        return self.save_as(self.path)

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        path = os.fspath(path)
        try:
            cjm_json.save(self.document.journey, path)
        except SaveError as exc:
            self.show_message(
                "Cannot save the map", "The map was not saved; the file on disk is unchanged.", str(exc)
            )
            return False
        self.path = path
        self._repaired = False
        self.undo_stack.setClean()
        self._remember(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def show_message(
        self, title: str, text: str, details: str = "", icon: QMessageBox.Icon = QMessageBox.Icon.Critical
    ) -> None:
        """A non-blocking message dialog (tests find it in `last_message`)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    # ------------------------------------------------------------------ edits
    def delete_selection(self) -> None:
        """Delete the selected cards, connections, emotion points, stages and lanes as one step
        (a stage or lane takes its cards with it; undo brings them back)."""
        ids = [
            item.element_id
            for item in self.scene.selectedItems()
            if isinstance(item, CardItem | ConnectionItem | EmotionPointItem | HeaderItem)
        ]
        if ids:
            self.undo_stack.push(
                RemoveElements(self.document, ids, f"Delete {len(ids)} item{'s' * (len(ids) > 1)}")
            )

    def select_all(self) -> None:
        for item in self.scene.items():
            if isinstance(item, CardItem) and item.isVisible():
                item.setSelected(True)

    def reveal(self, element_id: str) -> None:
        """Scroll the canvas so an element is in view."""
        item = self.canvas.item_for(element_id)
        if item is not None and item.isVisible():
            self.canvas.ensureVisible(item, 60, 60)

    def frame(self, element_ids: list[str]) -> None:
        """Zoom and scroll so the elements fill the canvas (never beyond 100%)."""
        items = [self.canvas.item_for(e) for e in element_ids]
        rects = [i.sceneBoundingRect() for i in items if i is not None and i.isVisible()]
        if not rects:
            return
        area = rects[0]
        for r in rects[1:]:
            area = area.united(r)
        self.canvas.fitInView(area.adjusted(-80, -80, 80, 80), Qt.AspectRatioMode.KeepAspectRatio)
        if self.canvas.zoom() > 1.0:
            self.canvas.zoom_reset()
            self.canvas.centerOn(area.center())

    def export_handouts(self) -> ExportDialog:
        """Open the export dialog (window-modal, not blocking)."""
        dialog = ExportDialog(self.document.journey, self.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _found(self, card_id: str) -> None:
        self.scene.select_only([card_id])
        self.reveal(card_id)

    def copy(self) -> None:
        count = clipboard.copy(self.scene)
        self.statusBar().showMessage(
            f"Copied {count} card{'s' * (count != 1)}" if count else "Select cards to copy", 3000
        )

    def cut(self) -> None:
        if not clipboard.cut(self.scene, self.undo_stack):
            self.statusBar().showMessage("Select cards to cut", 3000)

    def paste(self) -> None:
        self.statusBar().showMessage(clipboard.paste_clipboard(self.scene, self.undo_stack), 4000)

    def duplicate(self) -> None:
        if not clipboard.duplicate(self.scene, self.undo_stack):
            self.statusBar().showMessage("Select cards to duplicate", 3000)

    def edit_title(self) -> None:
        ids = clipboard.selected_cards(self.scene)
        if len(ids) == 1:
            self.reveal(ids[0])
            self.scene.edit_title(ids[0])

    def edit_connection_label(self, connection_id: str) -> None:
        old = self.document.connection(connection_id).label
        label = self.ask.text(self, "Connection label", "Label (empty for none):", old)
        if label is not None and label.strip() != old:
            self.undo_stack.push(
                UpdateElement(
                    self.document, "connections", connection_id, "Label connection", label=label.strip()
                )
            )

    def rename_stage(self, stage_id: str) -> None:
        name = self.ask.text(self, "Rename stage", "Stage name:", self.document.stage(stage_id).name)
        if name and name != self.document.stage(stage_id).name:
            self.undo_stack.push(RenameStage(self.document, stage_id, name))

    def rename_lane(self, lane_id: str) -> None:
        name = self.ask.text(self, "Rename lane", "Lane name:", self.document.lane(lane_id).name)
        if name and name != self.document.lane(lane_id).name:
            self.undo_stack.push(RenameLane(self.document, lane_id, name))

    # ------------------------------------------------------------------ menus
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence
        | QKeySequence.StandardKey
        | list[QKeySequence | QKeySequence.StandardKey]
        | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(k) for k in shortcut])
            else:
                action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(
            file,
            "&New from template…",
            self._new_dialog,
            QKeySequence.StandardKey.New,
            "Start a new map from a template",
        )
        open_ = self._action(
            file, "&Open…", self._open_dialog, QKeySequence.StandardKey.Open, "Open a .cjm.json map"
        )
        self._recent_menu = file.addMenu("Open &Recent")
        self._recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        save = self._action(file, "&Save", self.save, QKeySequence.StandardKey.Save, "Save the map")
        self._toolbar_file = [open_, save]
        self._action(
            file,
            "Save &As…",
            self._save_as_dialog,
            QKeySequence.StandardKey.SaveAs,
            "Save the map under a new name",
        )
        file.addSeparator()
        imports = file.addMenu("&Import")
        self._action(
            imports,
            "&Mermaid Journey…",
            lambda: interop_actions.import_file(self, "mermaid"),
            tip="Open a Mermaid journey diagram as a new map",
        )
        self._action(
            imports,
            "Cards from &CSV…",
            lambda: interop_actions.import_file(self, "csv"),
            tip="Make a map from a spreadsheet of cards",
        )
        exports = file.addMenu("&Export")
        self._action(
            exports,
            "&Mermaid Journey…",
            lambda: interop_actions.export_file(self, "mermaid"),
            tip="Write the touchpoints and scores as a Mermaid journey",
        )
        self._action(
            exports,
            "Cards as &CSV…",
            lambda: interop_actions.export_file(self, "csv"),
            tip="One row per card, for spreadsheets",
        )
        self._action(
            exports,
            "&Image (PNG or SVG)…",
            lambda: interop_actions.export_file(self, "image"),
            QKeySequence("Ctrl+Shift+E"),
            "The canvas as you see it, as a picture",
        )
        self._action(
            file,
            "Export &Handouts…",
            self.export_handouts,
            QKeySequence("Ctrl+P"),
            "Print-ready PDF workshop handouts: worksheets, poster, personas, insights",
        )
        file.addSeparator()
        self._action(file, "&Close", self.close, QKeySequence.StandardKey.Close, "Close this window")
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit, "Quit cjm-editor")

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([undo, redo])
        edit.addSeparator()
        cut = self._action(edit, "Cu&t", self.cut, QKeySequence.StandardKey.Cut, "Cut the selected cards")
        copy = self._action(
            edit, "&Copy", self.copy, QKeySequence.StandardKey.Copy, "Copy the selected cards"
        )
        paste = self._action(
            edit, "&Paste", self.paste, QKeySequence.StandardKey.Paste, "Paste cards after the selected card"
        )
        self._action(
            edit, "D&uplicate", self.duplicate, QKeySequence("Ctrl+D"), "Duplicate the selected cards"
        )
        self._action(
            edit, "Edit &Title", self.edit_title, QKeySequence("F2"), "Edit the card's title in place"
        )
        self._action(
            edit,
            "&Delete",
            self.delete_selection,
            [QKeySequence.StandardKey.Delete, QKeySequence("Backspace")],
            "Delete the selected cards, connections or emotion points",
        )
        self._action(
            edit, "Select &All", self.select_all, QKeySequence.StandardKey.SelectAll, "Select every card"
        )
        edit.addSeparator()
        find = self._action(
            edit, "&Find…", self.find_bar.open, QKeySequence.StandardKey.Find, "Find cards by their text"
        )
        self._action(edit, "Find &Next", self.find_bar.next, QKeySequence.StandardKey.FindNext)
        self._action(edit, "Find Pre&vious", self.find_bar.previous, QKeySequence.StandardKey.FindPrevious)

        view = bar.addMenu("&View")
        self._toolbar_view = [
            self._action(
                view,
                "Zoom &In",
                self.canvas.zoom_in,
                [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")],
            ),
            self._action(view, "Zoom &Out", self.canvas.zoom_out, QKeySequence.StandardKey.ZoomOut),
            self._action(
                view, "&Fit Map", self.canvas.zoom_fit, QKeySequence("Ctrl+0"), "Show the whole map"
            ),
            self._action(view, "&100%", self.canvas.zoom_reset, QKeySequence("Ctrl+1"), "Actual size"),
        ]
        overlay = self._action(
            view,
            "Show Main &Path and Dead Ends",
            lambda: None,
            QKeySequence("Ctrl+Shift+P"),
            "Highlight the main path and the dead ends from the Insights panel",
        )
        overlay.setCheckable(True)
        overlay.toggled.connect(self.docks.insights.overlay.setChecked)
        self.docks.insights.overlay.toggled.connect(overlay.setChecked)
        view.addSeparator()
        for dock in self.docks.all:
            view.addAction(dock.toggleViewAction())
        help_ = bar.addMenu("&Help")
        self._action(help_, "&About cjm-editor", lambda: about.show_about(self), tip="Version and credits")
        undo_twin = self._fixed_text(undo, "Undo", self.undo_stack.canUndoChanged)
        redo_twin = self._fixed_text(redo, "Redo", self.undo_stack.canRedoChanged)
        self._build_toolbar(undo_twin, redo_twin, cut, copy, paste, find)

    def _fixed_text(self, action: QAction, text: str, can: SignalInstance) -> QAction:
        """A toolbar twin of an undo or redo action whose text does not change with every step."""
        twin = QAction(text, self)
        twin.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        twin.triggered.connect(action.trigger)
        twin.setEnabled(action.isEnabled())
        can.connect(twin.setEnabled)
        return twin

    def _build_toolbar(self, *edit_actions: QAction) -> None:
        bar = QToolBar("Main", self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions(self._toolbar_file)
        bar.addSeparator()
        bar.addActions(list(edit_actions))
        bar.addSeparator()
        bar.addActions(self._toolbar_view)
        self.addToolBar(bar)

    def _new_dialog(self) -> None:
        chosen = self.ask.template(self, [(t.id, t.title) for t in templates()])
        if chosen:
            self.new_from_template(chosen)

    def _open_dialog(self) -> None:
        folder = str(Path(self.path).parent) if self.path else str(Path.home())
        path = self.ask.open_path(self, folder)
        if path:
            self.open_path(path)

    def _save_as_dialog(self) -> None:
        path = self.ask.save_path(self, self.path or self.document.journey.title + cjm_json.SUFFIX)
        if path:
            self.save_as(path)

    # ------------------------------------------------------------------ recent files
    def _settings(self) -> QSettings:
        return QSettings("cjm-editor", "cjm-editor")

    def _remember(self, path: str) -> None:
        settings = self._settings()
        recent = [p for p in _paths(settings.value("recent", [])) if p != path]
        settings.setValue("recent", [os.path.abspath(path), *recent][:MAX_RECENT])

    def _fill_recent(self) -> None:
        self._recent_menu.clear()
        recent = _paths(self._settings().value("recent", []))
        for path in recent:
            action = self._recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_path(p))
        if not recent:
            self._recent_menu.addAction("No recent maps").setEnabled(False)

    # ------------------------------------------------------------------ window events
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.maybe_save():
            self.scene.detach()
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                break
