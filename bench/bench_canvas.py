"""Canvas scene build against a bare QGraphicsScene with one rect and one text item per card."""

from __future__ import annotations

import os

from bench.harness import Result, best_of
from bench.synth import synthetic_map


def run(sizes: tuple[int, ...] = (1_000, 10_000)) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QGraphicsScene

    from cjm_editor.layout import compute
    from cjm_editor.model import JourneyDocument
    from cjm_editor.ui.canvas.scene import JourneyScene

    app = QApplication.instance() or QApplication([])
    results = []
    keep: list[object] = []
    for n in sizes:
        journey = synthetic_map(n)
        geometry = compute(journey)

        def bare(journey=journey, geometry=geometry) -> None:
            scene = QGraphicsScene()
            for card in journey.cards:
                r = geometry.cards[card.id]
                scene.addRect(r.x, r.y, r.w, r.h)
                scene.addText(card.title).setPos(r.x, r.y)
            keep.append(scene)

        def ours(journey=journey) -> None:
            scene = JourneyScene(JourneyDocument(journey), QUndoStack())
            scene.detach()
            keep.append(scene)

        floor = best_of(bare, repeat=3, setup=keep.clear)
        build = best_of(ours, repeat=3, setup=keep.clear)
        results.append(
            Result("build the canvas scene", f"{n:,} cards", build, floor, 3, "bare QGraphicsScene")
        )
    keep.clear()
    del app
    return results
