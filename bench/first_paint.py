"""Run as a process: start the editor on the sample map and exit at its canvas's first paint.
`python -m bench.first_paint [--bare]` (--bare: an empty QGraphicsView, the library floor)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer


class _ExitOnPaint(QObject):
    """Installed on the application, so that it sees the canvas's first paint before the window's
    own filters do: the process exits once that paint is done, ahead of the work the window queued
    for after it (the first analysis)."""

    def __init__(self, viewport: QObject) -> None:
        super().__init__()
        self.viewport = viewport

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.viewport and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: sys.exit(0))
        return False


def main() -> None:
    if "--bare" in sys.argv:
        from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        view = QGraphicsView(QGraphicsScene())
        window.setCentralWidget(view)
        window.show()
        probe = _ExitOnPaint(view.viewport())
        app.installEventFilter(probe)
        app.exec()
        return
    from cjm_editor.ui.application import start

    app, window = start(["--sample"])
    probe = _ExitOnPaint(window.canvas.viewport())
    app.installEventFilter(probe)
    app.exec()


if __name__ == "__main__":
    main()
