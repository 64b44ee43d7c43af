"""Canvas interactions and modes: a mode allows only its interactions; Escape cancels a gesture."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from cjm_editor.formats import cjm_json
from cjm_editor.ui.canvas.interactions import EDIT_MODE, Mode, MoveCards, PaletteDrop, ReorderHeader
from cjm_editor.ui.canvas.palette_drop import PaletteEntry
from tests.ui.helpers import click, drag, to_view


def centre(item) -> QPointF:
    return item.sceneBoundingRect().center()


def without(*kinds) -> Mode:
    return Mode("test", tuple(k for k in EDIT_MODE.interactions if k not in kinds))


def test_a_mode_without_header_reorder_refuses_a_header_drag(window):
    before = cjm_json.dumps(window.document.journey)
    window.scene.set_mode(without(ReorderHeader))
    header = window.canvas.item_for("s-renew")
    home = header.pos()
    first = window.canvas.item_for("s-discover")
    drag(window.canvas, centre(header), QPointF(first.sceneBoundingRect().left() + 5, centre(first).y()))
    assert header.pos() == home, "the header did not follow the mouse"
    assert window.undo_stack.count() == 0 and cjm_json.dumps(window.document.journey) == before
    assert header.isSelected(), "a press still selects"
    window.scene.set_mode(EDIT_MODE)
    drag(window.canvas, centre(header), QPointF(first.sceneBoundingRect().left() + 5, centre(first).y()))
    assert [s.id for s in window.document.journey.stages][0] == "s-renew"


def test_a_mode_without_moving_cards_keeps_them_in_place_but_selectable(window):
    window.scene.set_mode(without(MoveCards))
    card = window.canvas.item_for("t-checkout")
    home = card.pos()
    cell = window.scene.geometry.cells[("s-consider", "l-touchpoints")]
    drag(window.canvas, centre(card), QPointF(cell.center.x, cell.bottom - 30))
    assert card.pos() == home and window.undo_stack.count() == 0
    assert [i.element_id for i in window.scene.selectedItems()] == ["t-checkout"]


def test_a_mode_without_the_palette_refuses_drops_and_double_clicks(window):
    window.scene.set_mode(without(PaletteDrop))
    window.scene.select_only(["t-landing"])
    window.docks.palette.activated_entry.emit(PaletteEntry("card", "touchpoint"))
    assert window.undo_stack.count() == 0
    assert window.scene.interaction(PaletteDrop) is None and window.scene.interaction(MoveCards) is not None


def test_escape_cancels_a_card_drag(window):
    card = window.canvas.item_for("t-checkout")
    home = card.pos()
    vp = window.canvas.viewport()
    start = to_view(window.canvas, centre(card))
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(vp, start + QPoint(12 * step, 8 * step))
    assert card.pos() != home and window.scene.drop_marker.isVisible()
    window.canvas.setFocus()
    QTest.keyClick(vp, Qt.Key.Key_Escape)
    assert card.pos() == home and not window.scene.drop_marker.isVisible() and card.opacity() == 1.0
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert window.undo_stack.count() == 0


def test_escape_takes_back_an_emotion_drag(window):
    point = window.canvas.item_for("e-robert-consider")
    before = window.document.emotion("e-robert-consider").score
    g, scale = window.scene.geometry, window.document.journey.scale
    vp = window.canvas.viewport()
    start = to_view(window.canvas, point.scenePos())
    end = to_view(window.canvas, QPointF(point.scenePos().x(), g.score_y(before + 2, scale.min, scale.max)))
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, end)
    assert window.document.emotion("e-robert-consider").score == before + 2
    window.canvas.setFocus()
    QTest.keyClick(vp, Qt.Key.Key_Escape)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert window.document.emotion("e-robert-consider").score == before
    assert window.undo_stack.count() == 0, "the merged step cancelled itself"


def test_a_click_on_a_card_selects_only_it(window):
    window.scene.select_only(["t-landing", "t-reviews"])
    click(window.canvas, centre(window.canvas.item_for("t-reviews")))
    assert [i.element_id for i in window.scene.selectedItems()] == ["t-reviews"]
    click(window.canvas, centre(window.canvas.item_for("t-landing")), Qt.KeyboardModifier.ControlModifier)
    assert sorted(i.element_id for i in window.scene.selectedItems()) == ["t-landing", "t-reviews"]
