"""The emergency save: an unhandled exception first writes a snapshot of every open map with
unsaved changes, then shows the error dialog (non-blocking) with a way to copy the details."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cjm_editor.ui.recovery.dialogs import ErrorDialog

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def emergency_save() -> list[str]:
    """Write a snapshot of each window's map that has unsaved changes; returns their names."""
    from cjm_editor.ui.main_window import MainWindow

    kept = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.session.is_modified():
            try:
                if widget.keeper.autosave.flush():
                    kept.append(widget.session.display_name())
            except Exception:  # noqa: BLE001 - the emergency path must reach the dialog
                continue
    return kept


def handle(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> ErrorDialog | None:
    """Save what can be saved, then show what happened."""
    kept = emergency_save()
    details = "".join(traceback.format_exception(kind, exc, tb))
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    parent = app.activeWindow()
    dialog = ErrorDialog(parent, details, kept)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    global last_dialog
    last_dialog = dialog
    return dialog


last_dialog: ErrorDialog | None = None


def install() -> Hook:
    """Make `handle` the excepthook (after printing the traceback as before); returns the old hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        previous(kind, exc, tb)
        if issubclass(kind, KeyboardInterrupt):
            return
        handle(kind, exc, tb)

    sys.excepthook = hook
    return previous
