"""File → New, Open, Save, Save As and Open Recent: the session's lifecycle with the questions it needs.

The session changes state; these functions ask (through the window's replaceable `ask`), report
errors in a non-blocking message box, and never lose unsaved changes silently.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QMessageBox

from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.model import JourneyDocument
from cjm_editor.ui import dialogs, interop_actions, user_templates
from cjm_editor.ui.recovery.guard import Claim
from cjm_editor.ui.rich import escape
from cjm_editor.ui.session import Modified

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow


class FileActions:
    """What File menu entries and the window's close button do with the window's session."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.session = window.session

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True means go ahead."""
        if not self.session.is_modified():
            return True
        choice = self.window.ask.save_changes(self.window, self.session.display_name())
        if choice is dialogs.Choice.SAVE:
            return self.save()
        return choice is dialogs.Choice.DISCARD

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a map. On a load error, say so in a dialog and keep the open map untouched."""
        path = os.fspath(path)
        if path.lower().endswith((".mmd", ".mermaid")):  # a Mermaid journey opens as an import
            return interop_actions.import_file(self.window, "mermaid", path)
        if not self.maybe_save():
            return False
        claim = self.window.keeper.claim(path)
        if claim is Claim.CANCEL:
            return False
        try:
            report = self.session.load(path)
        except LoadError as exc:
            self.window.keeper.abandon(path)
            self.window.show_message(
                "Cannot open the map", f"{Path(path).name} could not be opened.", str(exc)
            )
            return False
        self.window.keeper.opened(path, claim)
        self.window.canvas.zoom_fit()
        if report:
            self.window.show_message(
                "The map was repaired",
                f"{Path(path).name} had problems that were repaired. Check the map, then save it.",
                "\n".join(report.lines()),
                QMessageBox.Icon.Warning,
            )
        return True

    def adopt(self, doc: JourneyDocument, origin: Modified = Modified.IMPORTED) -> None:
        """Show a map that has no file yet (an import): closing asks to save it."""
        self.session.adopt(doc, origin)
        self.window.canvas.zoom_fit()

    def new_from_template(self, template_id: str) -> bool:
        if not self.maybe_save():
            return False
        if template_id.startswith(user_templates.USER_PREFIX):
            try:
                journey = user_templates.new_map(template_id)
            except LoadError as exc:
                self.window.show_message(
                    "Cannot use the template", "The template could not be read.", str(exc)
                )
                return False
            self.session.replace(JourneyDocument(journey), None)
        else:
            self.session.new_from_template(template_id)
        self.window.canvas.zoom_fit()
        return True

    def save_as_template_dialog(self) -> bool:
        """File → Save as Template…: the open map becomes one of the user's templates."""
        title = self.window.ask.text(
            self.window, "Save as template", "Template name:", self.session.document.journey.title
        )
        if not title or not title.strip():
            return False
        try:
            path = user_templates.save_template(self.session.document.journey, title.strip())
        except SaveError as exc:
            self.window.show_message("Cannot save the template", "The template was not saved.", str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved the template “{title.strip()}” in {path.parent}", 5000)
        return True

    def save(self) -> bool:
        if self.session.path is None or self.window.keeper.guard.read_only:
            chosen = self.window.ask.save_path(self.window, self.session.suggested_file_name())
            return chosen is not None and self.save_as(chosen)
        return self.save_as(self.session.path)

    def save_as(self, path: str | os.PathLike[str]) -> bool:
        path = os.fspath(path)
        if not self.window.keeper.may_save(path):
            return False
        try:
            self.session.save_as(path)
        except SaveError as exc:
            self.window.show_message(
                "Cannot save the map", "The map was not saved; the file on disk is unchanged.", str(exc)
            )
            return False
        self.window.keeper.saved(path)
        self.window.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    # ------------------------------------------------------------------ menu entries that ask first
    def new_dialog(self) -> None:
        chosen = self.window.ask.template(self.window, [(t.id, t.title) for t in user_templates.choices()])
        if chosen:
            self.new_from_template(chosen)

    def open_dialog(self) -> None:
        path = self.window.ask.open_path(self.window, self.session.folder())
        if path:
            self.open_path(path)

    def save_as_dialog(self) -> None:
        path = self.window.ask.save_path(self.window, self.session.suggested_file_name())
        if path:
            self.save_as(path)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.session.recent_files()
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(escape(path))
            action.triggered.connect(lambda checked=False, p=path: self.open_path(p))
        if not recent:
            menu.addAction("No recent maps").setEnabled(False)
