"""Run as a process: open a 10,000-card map in the editor window (or, with --bare, a bare scene of
as many rect and text items) and print the peak resident memory in bytes."""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    from bench.synth import synthetic_map
    from cjm_editor.formats import cjm_json
    from cjm_editor.layout import compute

    app = QApplication([])
    journey = synthetic_map(10_000)
    keep: list[object] = []
    if "--bare" in sys.argv:
        g = compute(journey)
        scene = QGraphicsScene()
        for card in journey.cards:
            r = g.cards[card.id]
            scene.addRect(r.x, r.y, r.w, r.h)
            scene.addText(card.title).setPos(r.x, r.y)
        view = QGraphicsView(scene)
        view.show()
        keep += [scene, view]
    else:
        from cjm_editor.ui import collector
        from cjm_editor.ui.main_window import MainWindow

        collector.install()  # as the editor's start does

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.cjm.json"
            cjm_json.save(journey, path)
            window = MainWindow()
            window.show()
            window.open_path(path)
            keep.append(window)
    for _ in range(5):
        app.processEvents()
    print(peak_rss())


def peak_rss() -> int:
    """The process's own peak resident memory in bytes. (getrusage's ru_maxrss would include the
    parent's size at fork, which survives exec.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


if __name__ == "__main__":
    main()
