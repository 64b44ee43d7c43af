"""The window's safeguards in one place: autosave, the file lock and watcher, saved versions, crash
recovery on start, the emergency save, and the File menu entries History… and Compare with….

`MainWindow` makes one `Keeper` (`window.keeper`); `FileActions` calls `claim`/`opened`/`abandon`
around an open and `may_save`/`saved` around a save; the window calls `closed()` on a clean close.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.formats.history import HistoryStore
from cjm_editor.formats.recovery import RecoveryStore, Snapshot
from cjm_editor.formats.templates import sample_path
from cjm_editor.model import JourneyDocument
from cjm_editor.model.ids import new_id
from cjm_editor.ui.recovery.autosave import Autosave
from cjm_editor.ui.recovery.dialogs import Recover, recovery_questions
from cjm_editor.ui.recovery.guard import Claim, FileGuard
from cjm_editor.ui.session import Modified

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow


def bundled_folder() -> Path:
    """The folder of the bundled samples and templates (read-only: they open as untitled copies)."""
    return Path(sample_path()).resolve().parent.parent


def is_bundled(path: str) -> bool:
    return Path(path).resolve().is_relative_to(bundled_folder())


def _clock(when: datetime | None) -> str:
    return when.astimezone().strftime("%H:%M:%S") if when is not None else "—"


class Keeper:
    """Never lose the map of one window."""

    def __init__(
        self, window: MainWindow, recovery: RecoveryStore | None = None, history: HistoryStore | None = None
    ) -> None:
        self.window = window
        self.session = window.session
        self.recovery = recovery if recovery is not None else RecoveryStore()
        self.history = history if history is not None else HistoryStore()
        self.autosave = Autosave(self.session, self.recovery, window)
        self.guard = FileGuard(window)
        window.ask.__dict__.update(recovery_questions())
        self.last_dialog: QWidget | None = None
        self._bundled = False
        self.status = QLabel()
        window.statusBar().addPermanentWidget(self.status)
        self.autosave.autosaved.connect(lambda _when: self._show_status())
        self.autosave.failed.connect(
            lambda text: window.statusBar().showMessage(f"Autosave failed: {text}", 8000)
        )
        self._show_status()

    def _show_status(self) -> None:
        self.status.setText(
            f"Saved {_clock(self.autosave.last_saved)} · Autosaved {_clock(self.autosave.last_autosaved)}"
        )

    # ------------------------------------------------------------------ opening
    def claim(self, path: str) -> Claim:
        """Before opening `path`: the bundled maps open as copies; a locked file asks."""
        if is_bundled(path):
            self._bundled = True
            return Claim.COPY
        self._bundled = False
        return self.guard.claim(path)

    def opened(self, path: str, claim: Claim) -> None:
        """After `path` loaded into the session."""
        if claim in (Claim.COPY, Claim.READ_ONLY):
            self.guard.release()  # the lock of the map shown before
        if claim is Claim.COPY:  # an untitled copy: its own documentId, no file, Save asks where
            journey = self.session.document.journey
            journey.id = new_id()
            # A sample unchanged is nothing to save; a copy of someone's file is.
            origin = None if self._bundled else Modified.IMPORTED
            self.session.replace(JourneyDocument(journey), None, origin)
            self.guard.follow(None)
            return
        self.guard.read_only = claim is Claim.READ_ONLY
        self.guard.follow(path)
        if self.guard.read_only:
            self.window.statusBar().showMessage(
                f"{Path(path).name} is open read-only: another editor has it. Save As keeps your changes.",
                10000,
            )

    def abandon(self, path: str) -> None:
        """`path` could not be opened after `claim`: give its lock back, keep the open map's."""
        if self.guard.watched != os.path.abspath(path):
            self.guard.release()
            if self.guard.watched:
                self.guard.hold_quietly(self.guard.watched)

    # ------------------------------------------------------------------ saving
    def may_save(self, path: str) -> bool:
        return self.guard.may_save(path)

    def saved(self, path: str) -> None:
        """After the map was written to `path`: lock and watch it, keep the version (a Save As carries
        the previous file's versions over), drop the snapshot."""
        if self.guard.read_only and os.path.abspath(path) != self.guard.watched:
            self.guard.read_only = False
        previous = self.guard.watched
        self.guard.hold_quietly(path)
        self.guard.follow(path)
        try:
            if previous is not None:
                self.history.carry(previous, path)
            text = Path(path).read_text(encoding="utf-8")
            self.history.add(path, text, self.session.document.journey.id)
        except (SaveError, OSError, UnicodeDecodeError) as exc:
            self.window.statusBar().showMessage(f"The version was saved but not kept in History: {exc}", 8000)
        self.autosave.saved()
        self._show_status()

    def closed(self) -> None:
        """The window closes with its changes saved or discarded."""
        self.autosave.closed_cleanly()
        self.guard.release()

    # ------------------------------------------------------------------ crash recovery
    def offer_recovery(self) -> int:
        """Ask about every map a crashed editor left; returns how many were restored."""
        restored = 0
        for snap in self.recovery.pending():
            choice = self.window.ask.recover(self.window, snap)
            if choice is Recover.RESTORE:
                target = self.window if not self.session.is_modified() else new_window()
                restored += target.keeper.restore(snap)
            elif choice is Recover.DISCARD:
                self.recovery.remove(snap.key)
        return restored

    def restore(self, snap: Snapshot) -> bool:
        """Show a snapshot's map. When its file changed after the snapshot, it opens as an untitled
        copy so the newer file is never overwritten without a Save As."""
        try:
            journey = snap.load()
        except LoadError as exc:
            self.window.show_message(
                "Cannot restore the map", f"The snapshot of {snap.title} is damaged.", str(exc)
            )
            return False
        path = snap.path if snap.path and os.path.exists(snap.path) and not snap.file_is_newer() else None
        if path is not None and self.guard.claim(path) is not Claim.OPEN:
            path = None
        self.recovery.remove(snap.key)
        self.session.replace(JourneyDocument(journey), path, Modified.RECOVERED)
        self.guard.follow(path)
        if snap.path and path is None:
            self.window.show_message(
                "Restored as an untitled copy",
                f"{Path(snap.path).name} changed (or went away) after the snapshot was taken, so the "
                "restored map opens as an untitled copy. Use File → Compare with… to see the difference.",
                icon=QMessageBox.Icon.Information,
            )
        self.window.canvas.zoom_fit()
        return True


_windows: list[MainWindow] = []


def new_window() -> MainWindow:
    from cjm_editor.ui.main_window import MainWindow

    window = MainWindow()
    _windows.append(window)
    window.show()
    return window
