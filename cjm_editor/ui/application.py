"""Starts the editor: the QApplication, the window, the map named on the command line."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cjm_editor import __version__
from cjm_editor.formats.templates import sample_path
from cjm_editor.ui.about import APP_ID, app_icon
from cjm_editor.ui.main_window import MainWindow
from cjm_editor.ui.recovery import crash


def start(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """Parse the command line, show the window and open the map it names (run() then loops)."""
    parser = argparse.ArgumentParser(prog="cjm-editor", description="Edit customer journey maps.")
    parser.add_argument("files", nargs="*", metavar="MAP", help="a .cjm.json map to open")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample map")
    parser.add_argument("--version", action="version", version=f"cjm-editor {__version__}")
    args = parser.parse_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("cjm-editor")
    app.setOrganizationName("cjm-editor")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)  # ties the window to the installed .desktop entry and its icon
    crash.install()  # an unhandled error first saves a snapshot, then says so
    window = MainWindow()
    window.show()
    # The bundled sample opens as an untitled copy (Save asks where, in the documents folder).
    path = args.files[0] if args.files else (sample_path() if args.sample else None)
    if path:
        window.open_path(path)
    QTimer.singleShot(0, window.canvas.zoom_fit)
    QTimer.singleShot(0, window.keeper.offer_recovery)  # maps a crashed editor left
    return app, window


def run(argv: list[str]) -> int:
    app, _window = start(argv)
    return app.exec()
