"""The document session: the open map, its undo history, its file, and why it differs from that file.

One session per window. It asks nothing and shows nothing: the window's file actions put the
questions (save changes? which file?) and report errors; the session only changes state and signals.
Panels bind to it and re-bind on `document_replaced`, which fires whenever another map is shown
(open, new, import, recovery); the undo stack object stays the same for the whole session.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadReport
from cjm_editor.formats.templates import template
from cjm_editor.model import JourneyDocument

MAX_RECENT = 8
DEFAULT_TEMPLATE = "classic-five"


class Modified(Enum):
    """Why the map differs from its file (or why it needs one)."""

    EDITED = "edited"  # changes made since the last save (the undo stack is not clean)
    REPAIRED = "repaired"  # the file had problems that loading repaired; saving writes the repair
    IMPORTED = "imported"  # made from a Mermaid journey or a CSV of cards: there is no map file yet
    RECOVERED = "recovered"  # brought back after a crash: the file on disk is older


def _paths(value: object) -> list[str]:
    """QSettings returns a list, a single string, or None depending on how many were stored."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


class DocumentSession(QObject):
    """Owns the JourneyDocument, its QUndoStack and its path. Load and save raise LoadError/SaveError."""

    document_replaced = Signal(object)  # the new JourneyDocument
    modified_changed = Signal(bool)
    path_changed = Signal(object)  # the new path, or None for a map without a file

    def __init__(self, doc: JourneyDocument | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.document = doc if doc is not None else JourneyDocument(template(DEFAULT_TEMPLATE))
        self.path: str | None = None
        self._origin: Modified | None = None
        self._was_modified = False
        self.undo_stack.cleanChanged.connect(self._check_modified)

    # ------------------------------------------------------------------ state
    def modified_reason(self) -> Modified | None:
        """Why the map needs saving: how it was opened first, then unsaved edits; None when it doesn't."""
        if self._origin is not None:
            return self._origin
        return None if self.undo_stack.isClean() else Modified.EDITED

    def is_modified(self) -> bool:
        return self.modified_reason() is not None

    def display_name(self) -> str:
        return Path(self.path).name if self.path else f"{self.document.journey.title} (unsaved)"

    def suggested_file_name(self) -> str:
        """A name for the Save dialog: the current file, or the map's title."""
        if self.path:
            return self.path
        name = self.document.journey.title.replace("/", "-") + cjm_json.SUFFIX
        return str(Path(platformdirs.user_documents_dir()) / name)  # never the program's folder

    def folder(self) -> str:
        """The folder of the map's file, or the home folder for a map without one."""
        return str(Path(self.path).parent) if self.path else str(Path.home())

    def _check_modified(self) -> None:
        now = self.is_modified()
        if now != self._was_modified:
            self._was_modified = now
            self.modified_changed.emit(now)

    def _set_path(self, path: str | None) -> None:
        if path != self.path:
            self.path = path
            self.path_changed.emit(path)

    # ------------------------------------------------------------------ lifecycle
    def replace(self, doc: JourneyDocument, path: str | None, origin: Modified | None = None) -> None:
        """Show another map: the history starts empty; `origin` says why it already needs saving."""
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.document = doc
        self._origin = origin
        self._set_path(path)
        self.document_replaced.emit(doc)
        self._check_modified()

    def load(self, path: str | os.PathLike[str]) -> LoadReport:
        """Open a map file (raises LoadError and keeps the open map). Returns what loading repaired."""
        path = os.fspath(path)
        result = cjm_json.load(path)
        origin = Modified.REPAIRED if result.report else None
        self.replace(JourneyDocument(result.journey), path, origin)
        self.remember(path)
        return result.report

    def adopt(self, doc: JourneyDocument, origin: Modified = Modified.IMPORTED) -> None:
        """Show a map that has no file yet (an import) or whose file is older (a recovery)."""
        self.replace(doc, None if origin is Modified.IMPORTED else self.path, origin)

    def new_from_template(self, template_id: str) -> None:
        self.replace(JourneyDocument(template(template_id)), None)

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Write the map (raises SaveError and leaves the file and the state as they were)."""
        path = os.fspath(path)
        cjm_json.save(self.document.journey, path)
        self._origin = None
        self._set_path(path)
        self.undo_stack.setClean()
        self.remember(path)
        self._check_modified()

    # ------------------------------------------------------------------ recent files
    @staticmethod
    def _settings() -> QSettings:
        return QSettings("cjm-editor", "cjm-editor")

    def recent_files(self) -> list[str]:
        return _paths(self._settings().value("recent", []))

    def remember(self, path: str) -> None:
        path = os.path.abspath(path)
        recent = [p for p in self.recent_files() if p != path]
        self._settings().setValue("recent", [path, *recent][:MAX_RECENT])
