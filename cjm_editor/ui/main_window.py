"""The editor window: the canvas, the find bar, the docks, the menus, the title, and window events.

What is open lives in the session (`window.session`); menus and edit actions in `ui/actions.py`; file
handling with its questions in `ui/file_actions.py`. Stable surface for tests and scripts:
open_path(path), save(), save_as(path), .document, .undo_stack, .path, .scene, .canvas and
.canvas.item_for(element_id). Constructing a MainWindow never opens a modal dialog; the questions it
asks go through the replaceable functions in `self.ask`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from cjm_editor.model import JourneyDocument
from cjm_editor.ui import collector, dialogs
from cjm_editor.ui.actions import EditActions, Menus
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.canvas.view import JourneyView
from cjm_editor.ui.collab_ui import CollabController
from cjm_editor.ui.docks import Docks
from cjm_editor.ui.file_actions import FileActions
from cjm_editor.ui.panels.find_bar import FindBar
from cjm_editor.ui.recovery.keeper import Keeper
from cjm_editor.ui.session import DocumentSession, Modified
from cjm_editor.ui.workshop.actions import WorkshopActions

if TYPE_CHECKING:
    from cjm_editor.ui.export_dialog import ExportDialog


class MainWindow(QMainWindow):
    """One editor window showing the map of one session."""

    def __init__(self, session: DocumentSession | None = None, *, starting: bool = False) -> None:
        """`starting`: the editor's start, where what the first paint does not need waits for it."""
        super().__init__()
        collector.install()  # cyclic garbage is collected on the GUI thread, never on a worker's
        self.ask = dialogs.questions()
        self.last_message: QMessageBox | None = None
        self.siblings: list[MainWindow] = []  # other windows opened from the same command line
        self.title_note = ""  # e.g. " (shared, 3 people)"
        self.session = session if session is not None else DocumentSession()
        self.session.setParent(self)
        # The canvas follows a new document before the docks do (they read the new scene).
        self.session.document_replaced.connect(self._show_document)
        self.session.modified_changed.connect(self._update_title)
        self.session.path_changed.connect(self._update_title)
        self.canvas = JourneyView(self._new_scene(self.session.document))
        self.find_bar = FindBar(self.session.document)
        self.find_bar.found.connect(self._found)
        self.session.document_replaced.connect(self.find_bar.set_document)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.canvas, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.docks = Docks(
            self,
            self.session,
            self.canvas,
            lambda parent, c: self.ask.colour(parent, c),
            analyse_after_paint=starting,
        )
        self.docks.bind_scene(self.scene)
        self.docks.personas.confirm = lambda text: self.ask.confirm(
            self, "Remove persona", f"{text}.\n\nRemove all of this? Undo brings it back."
        )
        self.files = FileActions(self)
        self.keeper = Keeper(self)  # autosave, lock, watcher, history: never lose the map
        self.edits = EditActions(self)
        self.menus = Menus(self)
        self.collab = CollabController(self)
        self.workshop = WorkshopActions(self)
        # The scene belongs to the window's last child, so that when the window is destroyed the docks
        # (which follow the scene's selection) are gone before a scene with a selection is torn down.
        self._scenes = QObject(self)
        self.scene.setParent(self._scenes)
        self.zoom_readout = QLabel("100%")
        self.zoom_readout.setToolTip("Zoom (Ctrl+0 fits the map, Ctrl+1 is 100%)")
        self.zoom_readout.setMinimumWidth(48)
        self.statusBar().addPermanentWidget(self.zoom_readout)
        self.canvas.zoom_changed.connect(lambda zoom: self.zoom_readout.setText(f"{round(zoom * 100)}%"))
        self.setAcceptDrops(True)
        self.resize(1500, 950)
        self._update_title()

    # ------------------------------------------------------------------ the canvas of the document
    def _new_scene(self, doc: JourneyDocument) -> JourneyScene:
        scene = JourneyScene(doc, self.session.undo_stack)
        scene.stage_rename_requested.connect(lambda sid: self.edits.rename_stage(sid))
        scene.lane_rename_requested.connect(lambda lid: self.edits.rename_lane(lid))
        scene.connection_label_requested.connect(lambda cid: self.edits.edit_connection_label(cid))
        scene.hint.connect(lambda text: self.statusBar().showMessage(text, 5000))
        return scene

    def _show_document(self, doc: JourneyDocument) -> None:
        old = self.scene
        old.detach()
        scene = self._new_scene(doc)
        scene.setParent(self._scenes)
        self.canvas.setScene(scene)
        self.docks.bind_scene(scene)
        old.setParent(None)  # and so Python deletes it
        self._update_title()

    @property
    def scene(self) -> JourneyScene:
        return self.canvas.journey_scene()

    def _found(self, card_id: str) -> None:
        self.scene.select_only([card_id])
        self.canvas.reveal(card_id)

    # ------------------------------------------------------------------ the session, for tests and scripts
    @property
    def document(self) -> JourneyDocument:
        return self.session.document

    @property
    def undo_stack(self) -> QUndoStack:
        return self.session.undo_stack

    @property
    def path(self) -> str | None:
        return self.session.path

    def is_modified(self) -> bool:
        return self.session.is_modified()

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        return self.files.open_path(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        return self.files.save_as(path)

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def adopt(self, doc: JourneyDocument, origin: Modified = Modified.IMPORTED) -> None:
        self.files.adopt(doc, origin)

    def new_from_template(self, template_id: str) -> bool:
        return self.files.new_from_template(template_id)

    def delete_selection(self) -> None:
        self.edits.delete_selection()

    def duplicate(self) -> None:
        self.edits.duplicate()

    def copy(self) -> None:
        self.edits.copy()

    def paste(self) -> None:
        self.edits.paste()

    def reveal(self, element_id: str) -> None:
        self.canvas.reveal(element_id)

    # ------------------------------------------------------------------ chrome
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.display_name()}[*]{self.title_note} — cjm-editor")
        self.setWindowModified(self.session.is_modified())

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

    def export_handouts(self) -> ExportDialog:
        """Open the export dialog (window-modal, not blocking)."""
        from cjm_editor.ui.export_dialog import ExportDialog  # reportlab loads with the first export

        dialog = ExportDialog(self.session.document.journey, self.session.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.docks.fit(event.size().width())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.files.maybe_save():
            self.keeper.closed()
            self.collab.close()
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
                self.files.open_path(url.toLocalFile())
                break
