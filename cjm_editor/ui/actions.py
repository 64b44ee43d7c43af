"""The menus, the toolbar, and what the Edit entries do to the canvas selection.

Every entry is a QAction owned by the window (so its shortcut works wherever the focus is in it);
file entries go to `FileActions`, edits push undo commands on the session's stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from cjm_editor.commands.structure import RenameLane, RenameStage, UpdateElement
from cjm_editor.model.vocabulary import counted
from cjm_editor.ui import about, clipboard, deletion, import_into, interop_actions
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.recovery import history
from cjm_editor.ui.shortcut_sheet import ShortcutSheet

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow

_FRAME = ("stages", "lanes")  # what a locked mode keeps as it is
Key = QKeySequence.StandardKey
Shortcut = QKeySequence | QKeySequence.StandardKey | list[QKeySequence | QKeySequence.StandardKey] | None


class EditActions:
    """Edit → Cut, Copy, Paste, Duplicate, Delete, Select All, Edit Title; renames the canvas asks for."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.session = window.session

    def _status(self, text: str, ms: int = 3000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def delete_selection(self) -> None:
        """Delete the selected cards, connections, emotion points, stages and lanes as one step
        (a stage or lane takes its cards with it; undo brings them back)."""
        ids = [
            item.element_id
            for item in self.window.scene.selectedItems()
            if isinstance(item, CardItem | ConnectionItem | EmotionPointItem | HeaderItem)
        ]
        if self.window.scene.mode.locked and any(
            self.session.document.has(n, i) for i in ids for n in _FRAME
        ):
            ids = [i for i in ids if not any(self.session.document.has(n, i) for n in _FRAME)]
            self._status("Stages and lanes are locked while presenting")
        w = self.window
        deletion.delete(
            self.session.document,
            ids,
            self.session.undo_stack.push,
            lambda text: w.ask.confirm(w, "Delete", f"{text}.\n\nDelete all of this? Undo brings it back."),
        )

    def select_all(self) -> None:
        for item in self.window.scene.items():
            if isinstance(item, CardItem) and item.isVisible():
                item.setSelected(True)

    def copy(self) -> None:
        count = clipboard.copy(self.window.scene)
        self._status(f"Copied {counted(count, 'card')}" if count else "Select cards to copy")

    def cut(self) -> None:
        if not clipboard.cut(self.window.scene, self.session.undo_stack):
            self._status("Select cards to cut")

    def paste(self) -> None:
        self._status(clipboard.paste_clipboard(self.window.scene, self.session.undo_stack), 4000)

    def duplicate(self) -> None:
        if not clipboard.duplicate(self.window.scene, self.session.undo_stack):
            self._status("Select cards to duplicate")

    def edit_title(self) -> None:
        ids = clipboard.selected_cards(self.window.scene)
        if len(ids) == 1:
            self.window.canvas.reveal(ids[0])
            self.window.scene.edit_title(ids[0])

    def edit_connection_label(self, connection_id: str) -> None:
        doc = self.session.document
        old = doc.connection(connection_id).label
        label = self.window.ask.text(self.window, "Connection label", "Label (empty for none):", old)
        if label is not None and label.strip() != old:
            command = UpdateElement(
                doc, "connections", connection_id, "Label connection", label=label.strip()
            )
            self.session.undo_stack.push(command)

    def rename_stage(self, stage_id: str) -> None:
        if self.window.scene.mode.locked:
            self._status("Stages and lanes are locked while presenting")
            return
        doc = self.session.document
        name = self.window.ask.text(self.window, "Rename stage", "Stage name:", doc.stage(stage_id).name)
        if name and name != doc.stage(stage_id).name:
            self.session.undo_stack.push(RenameStage(doc, stage_id, name))

    def rename_lane(self, lane_id: str) -> None:
        if self.window.scene.mode.locked:
            self._status("Stages and lanes are locked while presenting")
            return
        doc = self.session.document
        name = self.window.ask.text(self.window, "Rename lane", "Lane name:", doc.lane(lane_id).name)
        if name and name != doc.lane(lane_id).name:
            self.session.undo_stack.push(RenameLane(doc, lane_id, name))


def help_menu(window: QMainWindow) -> QMenu:
    """The window's Help menu, made once (by whichever part of the window asks first)."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == "Help":
            return menu
    return bar.addMenu("&Help")


class Menus:
    """Builds the menu bar and the toolbar of a window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._file(window.menuBar().addMenu("&File"))
        self._edit(window.menuBar().addMenu("&Edit"))
        self._view(window.menuBar().addMenu("&View"))
        self._help(help_menu(window))
        self._toolbar()

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(k) for k in shortcut])
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _file(self, file: QMenu) -> None:
        w, files, add = self.window, self.window.files, self._action
        self.file_menu = file
        add(file, "&New from template…", files.new_dialog, Key.New, "Start a new map from a template")
        open_ = add(file, "&Open…", files.open_dialog, Key.Open, "Open a .cjm.json map")
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent(self.recent_menu))
        file.addSeparator()
        save = add(file, "&Save", files.save, Key.Save, "Save the map")
        self.file_tools = [open_, save]
        add(file, "Save &As…", files.save_as_dialog, Key.SaveAs, "Save the map under a new name")
        add(
            file,
            "Save as &Template…",
            files.save_as_template_dialog,
            tip="Keep this map as a template for new maps",
        )
        history.add_entries(file, add, w)
        file.addSeparator()
        imports = file.addMenu("&Import")
        add(
            imports,
            "&Mermaid Journey…",
            lambda: interop_actions.import_file(w, "mermaid"),
            tip="Open a Mermaid journey diagram as a new map",
        )
        add(
            imports,
            "Cards from &CSV…",
            lambda: interop_actions.import_file(w, "csv"),
            tip="Make a map from a spreadsheet of cards",
        )
        add(
            imports,
            "Cards from CSV &into This Map…",
            lambda: import_into.import_cards_into(w),
            tip="Add the cards of a spreadsheet to the open map (one undo step)",
        )
        exports = file.addMenu("&Export")
        add(
            exports,
            "&Mermaid Journey…",
            lambda: interop_actions.export_file(w, "mermaid"),
            tip="Write the touchpoints and scores as a Mermaid journey",
        )
        add(
            exports,
            "Cards as &CSV…",
            lambda: interop_actions.export_file(w, "csv"),
            tip="One row per card, for spreadsheets",
        )
        add(
            exports,
            "&Image (PNG or SVG)…",
            lambda: interop_actions.export_file(w, "image"),
            QKeySequence("Ctrl+Shift+E"),
            "The canvas as you see it, as a picture",
        )
        add(
            file,
            "Export &Handouts…",
            w.export_handouts,
            QKeySequence("Ctrl+P"),
            "Print-ready PDF workshop handouts: worksheets, poster, personas, insights",
        )
        file.addSeparator()
        add(file, "&Close", w.close, Key.Close, "Close this window")
        add(file, "&Quit", w.close, Key.Quit, "Quit cjm-editor")

    def _edit(self, edit: QMenu) -> None:
        w, e, add = self.window, self.window.edits, self._action
        stack = w.session.undo_stack
        undo = stack.createUndoAction(w, "&Undo")
        undo.setShortcut(Key.Undo)
        redo = stack.createRedoAction(w, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo
        edit.addSeparator()
        cut = add(edit, "Cu&t", e.cut, Key.Cut, "Cut the selected cards")
        copy = add(edit, "&Copy", e.copy, Key.Copy, "Copy the selected cards")
        paste = add(edit, "&Paste", e.paste, Key.Paste, "Paste cards after the selected card")
        add(edit, "D&uplicate", e.duplicate, QKeySequence("Ctrl+D"), "Duplicate the selected cards")
        add(edit, "Edit &Title", e.edit_title, QKeySequence("F2"), "Edit the card's title in place")
        add(
            edit,
            "&Delete",
            e.delete_selection,
            [Key.Delete, QKeySequence("Backspace")],
            "Delete the selected cards, connections or emotion points",
        )
        add(edit, "Select &All", e.select_all, Key.SelectAll, "Select every card")
        edit.addSeparator()
        find = add(edit, "&Find…", w.find_bar.open, Key.Find, "Find cards by their text")
        add(edit, "Find &Next", w.find_bar.next, Key.FindNext)
        add(edit, "Find Pre&vious", w.find_bar.previous, Key.FindPrevious)
        undo_twin = self._fixed_text(undo, "Undo", stack.canUndoChanged)
        redo_twin = self._fixed_text(redo, "Redo", stack.canRedoChanged)
        self.edit_tools = [undo_twin, redo_twin, cut, copy, paste, find]

    def _view(self, view: QMenu) -> None:
        self.view_menu = view  # the Workshop adds its dock's entry (ui/workshop/actions.py)
        w, canvas, add = self.window, self.window.canvas, self._action
        self.view_tools = [
            add(view, "Zoom &In", canvas.zoom_in, [Key.ZoomIn, QKeySequence("Ctrl+=")]),
            add(view, "Zoom &Out", canvas.zoom_out, Key.ZoomOut),
            add(view, "&Fit Map", canvas.zoom_fit, QKeySequence("Ctrl+0"), "Show the whole map"),
            add(view, "&100%", canvas.zoom_reset, QKeySequence("Ctrl+1"), "Actual size"),
        ]
        overlay = add(
            view,
            "Show Main &Path and Dead Ends",
            lambda: None,
            QKeySequence("Ctrl+Shift+P"),
            "Highlight the main path and the dead ends from the Insights panel",
        )
        self.focus_menu = view.addMenu("F&ocus on Persona")
        self.focus_menu.setToolTipsVisible(True)
        self.focus_menu.aboutToShow.connect(self._fill_focus_menu)
        overlay.setCheckable(True)
        overlay.toggled.connect(w.docks.insights.overlay.setChecked)
        w.docks.insights.overlay.toggled.connect(overlay.setChecked)
        view.addSeparator()
        for dock in w.docks.all:
            view.addAction(dock.toggleViewAction())

    def _help(self, help_: QMenu) -> None:
        self.shortcuts_action = self._action(
            help_,
            "&Keyboard Shortcuts",
            self.show_shortcuts,
            [QKeySequence(Key.HelpContents), QKeySequence("Ctrl+/")],
            "Every shortcut of the editor on one sheet",
        )
        help_.addSeparator()
        w = self.window
        self._action(help_, "&About cjm-editor", lambda: about.show_about(w), tip="Version and credits")

    def show_shortcuts(self) -> ShortcutSheet:
        """The shortcut sheet, non-modal (it can stay open beside the map)."""
        sheet = ShortcutSheet(self.window.menuBar(), self.window)
        sheet.show()
        return sheet

    def _fill_focus_menu(self) -> None:
        """Everyone, then each persona: the chosen one's cards and curve stay, the rest fade."""
        menu, focus = self.focus_menu, self.window.canvas.focus
        menu.clear()
        choices: list[tuple[str, str | None]] = [("Everyone", None)]
        choices += [(p.name, p.id) for p in self.window.document.journey.personas]
        for text, persona_id in choices:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(focus.persona_id == persona_id)
            action.triggered.connect(lambda checked=False, pid=persona_id: self.focus_on(pid))

    def focus_on(self, persona_id: str | None) -> None:
        self.window.canvas.focus.set_persona(persona_id)
        name = self.window.document.persona(persona_id).name if persona_id else ""
        self.window.statusBar().showMessage(f"Focus on {name}" if name else "Focus on everyone", 4000)

    def _fixed_text(self, action: QAction, text: str, can: SignalInstance) -> QAction:
        """A toolbar twin of an undo or redo action whose text does not change with every step."""
        twin = QAction(text, self.window)
        twin.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        twin.triggered.connect(action.trigger)
        twin.setEnabled(action.isEnabled())
        can.connect(twin.setEnabled)
        return twin

    def _toolbar(self) -> None:
        bar = QToolBar("Main", self.window)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions(self.file_tools)
        bar.addSeparator()
        bar.addActions(self.edit_tools)
        bar.addSeparator()
        bar.addActions(self.view_tools)
        self.window.addToolBar(bar)
