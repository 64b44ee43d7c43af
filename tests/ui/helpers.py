"""Real mouse gestures through a QGraphicsView's viewport."""

from __future__ import annotations

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
