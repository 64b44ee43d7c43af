"""End-to-end: Present draws in a scene of its own, so its shades, hidden lanes and zoom never reach the
editor's canvas, and after Escape the canvas's pinned headers, scale labels and legend are exactly
those before (review defect: a header column stranded over a stage, the scale printed twice)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsView, QLabel, QPushButton, QWidget

from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.canvas.sticky import ScaleLabels
from cjm_editor.ui.elided_label import ElidedLabel


def _plain(rich: str) -> str:
    """What a rich-text tooltip shows."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText().strip()


def scene_state(view: QGraphicsView) -> list[tuple[str, float, float, bool, float]]:
    """Every item of the view's scene: its kind, where it is, whether it shows, its z."""
    return sorted(
        (type(i).__name__, i.scenePos().x(), i.scenePos().y(), i.isVisible(), i.zValue())
        for i in view.scene().items()
    )


def hollow(item: QGraphicsItem) -> bool:
    """A frame drawn round something (the lit stage's outline) covers nothing inside it."""
    return isinstance(item, QGraphicsRectItem) and item.brush().style() == Qt.BrushStyle.NoBrush


def scroll(view: QGraphicsView, dx: int, dy: int) -> None:
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)


def test_present_then_escape_leaves_the_canvas_exactly_as_it_was(window, qtbot):
    w = window
    w.resize(1400, 900)
    qtbot.waitUntil(lambda: w.width() == 1400)
    w.canvas.zoom_reset()
    scroll(w.canvas, 260, 130)  # headers pinned at both edges, the scale labels too
    assert any(isinstance(i, HeaderItem) and i.pinned for i in w.scene.items())
    QTest.qWait(50)
    before_items, before_picture = scene_state(w.canvas), w.canvas.viewport().grab().toImage()
    legend_before = (w.canvas.legend.isVisible(), w.canvas.legend.geometry())

    QTest.keyClick(w.canvas.viewport(), Qt.Key.Key_F5)
    present = w.workshop.present_window
    assert present is not None
    qtbot.addWidget(present)
    present.resize(1280, 720)
    QTest.qWait(50)
    assert scene_state(w.canvas) == before_items, "presenting adds, moves or hides nothing in the editor"
    QTest.keyClick(present.view.viewport(), Qt.Key.Key_Right)
    QTest.keyClick(present.view.viewport(), Qt.Key.Key_1)  # hides the first lane in Present only
    QTest.keyClick(present.view.viewport(), Qt.Key.Key_Escape)
    assert w.workshop.present_window is None
    QTest.qWait(50)

    assert scene_state(w.canvas) == before_items
    assert sum(isinstance(i, ScaleLabels) for i in w.scene.items()) == 1, "the scale is printed once"
    assert (w.canvas.legend.isVisible(), w.canvas.legend.geometry()) == legend_before
    assert w.canvas.viewport().grab().toImage() == before_picture
    scroll(w.canvas, 60, 120)  # and it still pins to the editor's own edges
    shown = w.canvas.mapToScene(w.canvas.viewport().rect()).boundingRect()
    stage = w.canvas.item_for("s-consider")
    lane = w.canvas.item_for("l-touchpoints")
    assert abs(stage.scenePos().y() - shown.top()) <= 1 and abs(lane.scenePos().x() - shown.left()) <= 1


def test_present_shows_the_first_lane_of_its_stage_uncovered(window, qtbot):
    w = window
    present = w.workshop.present()
    qtbot.addWidget(present)
    present.showNormal()
    present.resize(1920, 1080)
    qtbot.waitUntil(lambda: present.width() == 1920)
    present.go(2)
    stage_id = present.stage_id
    first_lane = w.document.journey.lanes[0].id
    cards = [c.id for c in w.document.journey.cards if c.stage_id == stage_id and c.lane_id == first_lane]
    assert cards, "the test map has a card in the first lane of the third stage"
    view = present.view
    item = present.scene.item_for(cards[0])
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(item.sceneBoundingRect().center())
    on_top = [
        i for i in present.scene.items(item.sceneBoundingRect().center()) if i.isVisible() and not hollow(i)
    ]
    assert isinstance(on_top[0], CardItem), f"{type(on_top[0]).__name__} covers the card"
    assert not any(isinstance(i, HeaderItem) and i.pinned for i in present.scene.items())
    assert not any(isinstance(i, ScaleLabels) for i in present.scene.items())
    present.close()


def test_the_persona_legend_has_a_strip_of_its_own_under_the_map(window, qtbot):
    canvas = window.canvas
    legend = canvas.legend
    assert legend.isVisible() and legend.buttons
    assert not legend.geometry().intersects(canvas.viewport().geometry()), "it covers no card"
    for button in legend.buttons.values():
        assert legend.rect().contains(button.geometry()), "every entry shows whole"
    window.resize(900, 700)  # narrow: the entries wrap, the strip grows, still beside the map
    qtbot.waitUntil(lambda: window.width() == 900)
    assert not legend.geometry().intersects(canvas.viewport().geometry())
    for button in legend.buttons.values():
        assert legend.rect().contains(button.geometry())


def bar_widgets(present) -> list[QWidget]:  # noqa: ANN001
    """The bar's buttons and labels: everything in the window but the map."""
    found = present.findChildren(QPushButton) + present.findChildren(QLabel)
    return [w for w in found if w.isVisible() and not present.view.isAncestorOf(w)]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_every_bar_button_and_label_shows_whole_on_a_small_projector(window, qtbot, size):
    w = window
    w.document.update("stages", w.document.journey.stages[0].id, name="Discover " + "the offer " * 12)
    present = w.workshop.present()
    qtbot.addWidget(present)
    present.showNormal()
    present.setFixedSize(*size)
    qtbot.waitUntil(lambda: present.size().toTuple() == size)
    QTest.qWait(20)
    widgets = bar_widgets(present)
    assert len([b for b in widgets if isinstance(b, QPushButton)]) >= 3 + len(w.document.journey.lanes)
    for widget in widgets:
        where = widget.mapTo(present, widget.rect().topLeft())
        assert where.x() >= 0 and where.x() + widget.width() <= present.width(), widget.text()
        if isinstance(widget, ElidedLabel):
            cut = widget.shown() != widget.text()
            assert not cut or _plain(widget.toolTip()) == widget.text().strip(), (
                "a cut name is whole in its tip"
            )
        else:
            assert widget.width() >= widget.sizeHint().width(), f"{widget.text()!r} is cut"
    assert _plain(present.title.toolTip()) == present.title.text().strip(), "the long stage name is elided"
    assert present.view.height() >= size[1] * 0.6, "the map keeps most of the screen"
    present.close()
