"""Starts the editor: the QApplication, the window, the map named on the command line."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from cjm_editor import __version__
from cjm_editor.formats.templates import sample_path
from cjm_editor.ui import collector
from cjm_editor.ui.about import APP_ID, app_icon
from cjm_editor.ui.main_window import MainWindow
from cjm_editor.ui.recovery import crash
from cjm_editor.ui.theme import ThemeFollower


def start(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """Parse the command line, show the window and open the map it names (run() then loops)."""
    parser = argparse.ArgumentParser(prog="cjm-editor", description="Edit customer journey maps.")
    parser.add_argument("files", nargs="*", metavar="MAP", help="maps to open, each in its own window")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample map")
    parser.add_argument("--join", metavar="ADDRESS", help="join the map shared at HOST:PORT")
    parser.add_argument("--code", default="", help="the join code of --join")
    parser.add_argument("--name", default="", help="your name in a shared map")
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
    collector.install()  # cyclic garbage is collected on this thread, never on a worker's
    if not any(isinstance(child, ThemeFollower) for child in app.children()):
        ThemeFollower(app)  # light or dark, as the system is
    # The bundled sample opens as an untitled copy (Save asks where, in the documents folder).
    paths = list(args.files) or ([str(sample_path())] if args.sample else [None])
    windows = [_open_window(path) for path in paths]
    for i, other in enumerate(windows[1:], start=1):
        other.move(windows[0].pos() + QPoint(40 * i, 40 * i))  # staggered, each title bar in sight
    window = windows[0]
    window.siblings = windows[1:]  # kept alive with the first window
    QTimer.singleShot(0, window.keeper.offer_recovery)  # maps a crashed editor left
    if args.join:
        window.collab.join(args.join, args.code, args.name)
    return app, window


def _open_window(path: str | None) -> MainWindow:
    window = MainWindow(starting=True)
    window.show()
    if path:
        window.open_path(path)
    QTimer.singleShot(0, window.canvas.zoom_fit)
    return window


NO_DISPLAY = """cjm-editor: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the editor
window cannot open. Run it in a desktop session, or over ssh with -X.
Without a screen, the cjm command does the same work headless:
  cjm info MAP                          what a map holds
  cjm validate MAP                      check a map
  cjm export pdf MAP -o OUT.pdf         workshop handouts
  cjm export png MAP -o OUT.png         the map as a picture
  cjm --help                            every command
(QT_QPA_PLATFORM=offscreen cjm-editor starts the window off screen, for scripts and tests.)"""


def no_display() -> bool:
    """True on Linux when there is no X11 or Wayland display and no Qt platform was chosen."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(argv: list[str]) -> int:
    if "-h" not in argv and "--help" not in argv and "--version" not in argv and no_display():
        print(NO_DISPLAY, file=sys.stderr)  # instead of Qt's abort and its hint about libxcb-cursor0
        return 2
    app, _window = start(argv)
    return app.exec()
