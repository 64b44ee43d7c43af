"""Dragging on a 10,000-card canvas: one mouse-move step and one drop, through the real view.

The floor for a drag step is the same mouse move dragging one item of a bare QGraphicsScene with
as many items. The floor for a drop is the least a bare scene must do to show its result: moving
every item whose position the drop changes.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from bench.harness import Result
from bench.synth import synthetic_map

# DESIGN.md: a drop and its commit take <= 16 ms, or <= 2.5x the bare moves of the items that must
# move where that is larger (a drop that moves every card cannot beat the library moving them).
DROP_SECONDS, DROP_RATIO = 0.016, 2.5


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples)


def run(n: int = 10_000) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene, QGraphicsView

    from cjm_editor.layout import compute
    from cjm_editor.model import JourneyDocument
    from cjm_editor.ui.canvas.scene import JourneyScene
    from cjm_editor.ui.canvas.view import JourneyView

    app = QApplication.instance() or QApplication([])
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    def drag_steps(view: QGraphicsView, start: QPointF, steps: int) -> list[float]:
        """Press at `start`, then time each 3-pixel mouse move including the repaint it causes."""
        vp = view.viewport()
        at = view.mapFromScene(start)
        QTest.mousePress(vp, left, none, at)
        times = []
        for i in range(1, steps + 1):
            t = time.perf_counter()
            QTest.mouseMove(vp, at + QPoint(3 * i, 2 * i))
            vp.repaint()
            times.append(time.perf_counter() - t)
        QTest.mouseRelease(vp, left, none, at)
        return times

    journey = synthetic_map(n)
    doc = JourneyDocument(journey)
    stack = QUndoStack()
    scene = JourneyScene(doc, stack)
    view = JourneyView(scene)
    view.resize(1400, 900)
    view.show()
    card = journey.cards[n // 2 + 3]
    rect = scene.geometry.cards[card.id]
    view.centerOn(rect.center.x, rect.center.y)
    app.processEvents()
    ours = drag_steps(view, QPointF(rect.center.x, rect.center.y), 60)[10:]
    stack.clear()
    card = doc.card(card.id)  # the drag above dropped it in another cell: "within its cell" is there

    bare = QGraphicsScene()
    g = compute(journey)
    for c in journey.cards:
        r = g.cards[c.id]
        item = bare.addRect(0, 0, r.w, r.h)
        item.setPos(r.x, r.y)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        bare.addText(c.title).setPos(r.x, r.y)
    bare_view = QGraphicsView(bare)
    bare_view.resize(1400, 900)
    bare_view.show()
    bare_view.centerOn(rect.center.x, rect.center.y)
    app.processEvents()
    floor = drag_steps(bare_view, QPointF(rect.center.x + 2, rect.center.y + 2), 60)[10:]
    results = [
        Result(
            "one drag step (mouse move + repaint)",
            f"{n:,} cards",
            _median_ms(ours),
            _median_ms(floor),
            2.5,
            "bare scene drag",
        )
    ]

    rect_items = [i for i in bare.items() if i.type() == 3]  # the bare scene's rect items

    def bare_moves(count: int) -> float:
        items = rect_items[:count]
        t = time.perf_counter()
        for item in items:
            item.setPos(item.x(), item.y() + 1)
        return time.perf_counter() - t

    def timed_drop(move: Callable[[], None], floor_items: int) -> tuple[float, float]:
        """Medians of 7 drops (each undone) and of the floor's moves, run alternately: the speed of
        a shared machine drifts within seconds, and one floor timing swung the ratio by 1.5x. Events
        are processed between them (untimed), so that each starts from an indexed scene."""
        times, floors = [], []
        for _ in range(7):
            t = time.perf_counter()
            move()
            times.append(time.perf_counter() - t)
            stack.undo()
            QApplication.processEvents()  # the scenes' indexes catch up with the moves, as between two drops
            floors.append(bare_moves(floor_items))
            QApplication.processEvents()
        return _median_ms(times), _median_ms(floors)

    from cjm_editor.commands.cards import MoveCard

    cell = doc.cell_cards(card.stage_id, card.lane_id)
    within, floor = timed_drop(
        lambda: stack.push(MoveCard(doc, card.id, card.stage_id, card.lane_id, 0)), len(cell)
    )
    results.append(
        Result(
            "drop and commit, within its cell",
            f"{n:,} cards",
            within,
            floor,
            DROP_RATIO,
            "bare moves of the cell's items",
            or_within=DROP_SECONDS,
        )
    )
    lane_ids = [lane.id for lane in journey.lanes]
    for lane_index, label in ((5, "a lower lane grows"), (0, "the top lane grows (worst case)")):
        lane_id = lane_ids[lane_index]
        card = next(c for c in journey.cards[n // 2 :] if c.lane_id == lane_id)
        counts = scene.geometry.counts
        other = max(
            (s.id for s in journey.stages if s.id != card.stage_id),
            key=lambda sid: counts.get((sid, lane_id), 0),
        )
        shifted = sum(1 for c in journey.cards if c.lane_id in lane_ids[lane_index:])
        height = scene.geometry.lanes[lane_id].h
        stack.push(MoveCard(doc, card.id, other, lane_id, 0))
        assert scene.geometry.lanes[lane_id].h > height, "this drop must grow the lane"
        stack.undo()
        grows, floor = timed_drop(
            lambda card=card, other=other, lane_id=lane_id: stack.push(
                MoveCard(doc, card.id, other, lane_id, 0)
            ),
            shifted,
        )
        note = ""
        if lane_index == 0:
            note = (
                "every card and arrow of the map moves down; the bare library alone needs "
                f"{floor * 1000:.0f} ms to move that many items, so the target is 2.5x those moves "
                "(DESIGN.md: 16 ms, or 2.5x the bare moves of the items that must move where that is larger)."
            )
        results.append(
            Result(
                f"drop and commit, {label}",
                f"{n:,} cards",
                grows,
                floor,
                DROP_RATIO,
                f"bare moves of {shifted:,} items",
                or_within=DROP_SECONDS,
                note=note,
            )
        )
    view.close()
    bare_view.close()
    scene.detach()
    del app
    return results
