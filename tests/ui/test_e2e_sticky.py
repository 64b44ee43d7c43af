"""End-to-end: at 100% the stage and lane headers and the scale labels stay at the view's edges while
the map scrolls, and a pinned header still drags (issue 12, defect 10)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import drag


def wheel(window, dx: int, dy: int) -> None:  # noqa: ANN001
    """Turn the mouse wheel over the canvas (negative dy scrolls down, negative dx right)."""
    vp = window.canvas.viewport()
    at = QPointF(vp.width() / 2, vp.height() / 2)
    event = QWheelEvent(
        at,
        vp.mapToGlobal(at),
        QPoint(),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, event)


def shown(window):  # noqa: ANN001, ANN201
    return window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()


def test_stage_headers_stay_at_the_top_and_still_reorder(window, qtbot):
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.width() == 1100)
    window.canvas.zoom_reset()
    assert window.canvas.zoom() == 1.0
    for _ in range(4):
        wheel(window, 0, -240)
    view = shown(window)
    assert view.top() > 100, "the map scrolled down"
    header = window.canvas.item_for("s-consider")
    assert abs(header.scenePos().y() - view.top()) <= 1 and header.pinned
    assert view.intersects(header.sceneBoundingRect())
    labels = window.canvas.sticky.labels
    lane = window.canvas.item_for("l-actions")
    assert lane.scenePos().x() == 0 and not lane.pinned
    # drag the pinned header to the right of s-first-box: it reorders as it does unpinned
    target = window.scene.geometry.stages["s-first-box"]
    start = header.sceneBoundingRect().center() + QPointF(-25, 4)
    drag(window.canvas, start, QPointF(target.right - 10, start.y()))
    order = [s.id for s in window.document.journey.stages]
    assert order.index("s-consider") > order.index("s-first-box")
    assert window.undo_stack.undoText().startswith("Move stage")
    assert abs(window.canvas.item_for("s-consider").scenePos().y() - shown(window).top()) <= 1
    for _ in range(6):
        wheel(window, -240, 0)
    view = shown(window)
    assert view.left() > 100, "the map scrolled right"
    lane = window.canvas.item_for("l-actions")
    assert abs(lane.scenePos().x() - view.left()) <= 1 and lane.pinned
    assert labels.scenePos().x() >= view.left(), "the scale labels stay in view"
    assert window.canvas.sticky.corner.isVisible()


def test_headers_are_where_the_layout_puts_them_when_not_scrolled(window):
    window.canvas.zoom_fit()
    g = window.scene.geometry
    for stage_id, r in g.stages.items():
        item = window.canvas.item_for(stage_id)
        assert (item.scenePos().x(), item.scenePos().y()) == (r.x, r.y) and not item.pinned
