"""Run as a process: start the editor on the sample map and exit at its canvas's first paint.
`python -m bench.first_paint [--bare]` (--bare: an empty QGraphicsView, the library floor)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer


class _ExitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: sys.exit(0))
        return False


def main() -> None:
    probe = _ExitOnPaint()
    if "--bare" in sys.argv:
        from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        view = QGraphicsView(QGraphicsScene())
        window.setCentralWidget(view)
        window.show()
        view.viewport().installEventFilter(probe)
        app.exec()
        return
    from cjm_editor.ui.application import start

    app, window = start(["--sample"])
    window.canvas.viewport().installEventFilter(probe)
    app.exec()


if __name__ == "__main__":
    main()
