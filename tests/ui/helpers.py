"""Real mouse gestures through a QGraphicsView's viewport."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsView


def to_view(view: QGraphicsView, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def drag(view: QGraphicsView, start: QPointF, end: QPointF, steps: int = 8) -> None:
    """Press at `start`, move in steps, release at `end` (scene coordinates)."""
    vp = view.viewport()
    a, b = to_view(view, start), to_view(view, end)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        QTest.mouseMove(vp, QPoint(round(p.x()), round(p.y())))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def click(view: QGraphicsView, pos: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifiers, to_view(view, pos))


def double_click(view: QGraphicsView, pos: QPointF) -> None:
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to_view(view, pos)
    )


def in_display_order(data: dict) -> dict:
    """A saved map (lists sorted by id in the file) with its lists in the order the editor shows
    them: stages, lanes and personas by order key, cards by stage, lane and order key."""
    out = dict(data)
    for name in ("stages", "lanes", "personas"):
        out[name] = sorted(data[name], key=lambda e: (e["order"], e["id"]))
    stage = {s["id"]: i for i, s in enumerate(out["stages"])}
    lane = {lane["id"]: i for i, lane in enumerate(out["lanes"])}
    out["cards"] = sorted(
        data["cards"], key=lambda c: (stage.get(c["stage"], 0), lane.get(c["lane"], 0), c["order"], c["id"])
    )
    return out


def saved(window) -> dict:  # noqa: ANN001
    """Save the window's map through File > Save and read the file back, in display order."""
    assert window.save()
    return in_display_order(json.loads(Path(window.path).read_text(encoding="utf-8")))


def drop_from_palette(window, entry, scene_pos: QPointF) -> None:  # noqa: ANN001
    """Drag a palette entry onto the canvas and drop it at `scene_pos`, as Qt delivers a real drop."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    palette = window.docks.palette
    data = palette.mimeData([palette.entry_item(entry)])
    vp = window.canvas.viewport()
    at = to_view(window.canvas, scene_pos)
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(vp, QDragEnterEvent(at, copy, data, left, none))
    QApplication.sendEvent(vp, QDragMoveEvent(at, copy, data, left, none))
    QApplication.sendEvent(vp, QDropEvent(QPointF(at), copy, data, left, none, QEvent.Type.Drop))
