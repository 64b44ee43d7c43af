"""End-to-end: the keyboard on the canvas (arrows, Ctrl+arrows, Tab, Enter) and the shortcut sheet."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import click, saved

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def press(window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    window.activateWindow()
    window.canvas.setFocus()
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)  # where the keyboard is: the canvas


def selected(window) -> list[str]:  # noqa: ANN001
    return sorted(i.element_id for i in window.scene.selectedItems())


def click_card(window, card_id: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    rect = window.canvas.item_for(card_id).sceneBoundingRect()
    click(window.canvas, rect.center() + QPointF(-15, 4), modifiers)


def test_arrows_move_the_selection_between_cards(window):
    click_card(window, "t-landing")
    press(window, K.Key_Down)
    assert selected(window) == ["t-reviews"], "down: the next card in the stage"
    press(window, K.Key_Up)
    press(window, K.Key_Up)
    assert selected(window) == ["a-compare"], "up: across the lane above"
    press(window, K.Key_Right)
    assert selected(window) == ["a-checkout"], "right: the same lane in the next stage"
    press(window, K.Key_Left)
    press(window, K.Key_Left)
    assert selected(window) == ["a-scroll"]
    press(window, K.Key_Left)
    assert selected(window) == ["a-scroll"], "at the edge the selection stays"
    assert window.undo_stack.count() == 0


def test_arrows_walk_stage_and_lane_headers(window):
    header = window.canvas.item_for("s-consider")
    click(window.canvas, header.sceneBoundingRect().center() + QPointF(-40, 0))
    press(window, K.Key_Right)
    assert selected(window) == ["s-signup"]
    press(window, K.Key_Down)
    first = next(c.id for c in window.document.journey.cards if c.stage_id == "s-signup")
    assert selected(window) == [first]
    lane = window.canvas.item_for("l-actions")
    click(window.canvas, lane.sceneBoundingRect().center() + QPointF(10, 10))
    press(window, K.Key_Down)
    assert selected(window) == [window.document.journey.lanes[1].id]


def test_ctrl_arrows_move_the_selected_cards_one_cell_as_one_step(window):
    click_card(window, "t-landing")
    click_card(window, "t-reviews", CTRL)
    press(window, K.Key_Right, CTRL)
    data = saved(window)
    places = {c["id"]: (c["stage"], c["lane"]) for c in data["cards"]}
    assert places["t-landing"] == places["t-reviews"] == ("s-signup", "l-touchpoints")
    cell = [c.id for c in window.document.cell_cards("s-signup", "l-touchpoints")]
    assert cell[-2:] == ["t-landing", "t-reviews"], "they keep their order, at the end of the cell"
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Move 2 cards"
    assert selected(window) == ["t-landing", "t-reviews"]
    press(window, K.Key_Down, CTRL)
    lanes = [lane.id for lane in window.document.journey.lanes]
    below = lanes[lanes.index("l-touchpoints") + 1]
    assert window.document.card("t-landing").lane_id == below
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.document.card("t-landing").stage_id == "s-consider"


def test_tab_walks_the_cards_in_reading_order_and_enter_edits(window):
    cards = [c.id for c in window.document.journey.cards]
    press(window, K.Key_Tab)
    assert selected(window) == [cards[0]]
    press(window, K.Key_Tab)
    press(window, K.Key_Tab)
    assert selected(window) == [cards[2]]
    press(window, K.Key_Backtab, SHIFT)
    assert selected(window) == [cards[1]]
    press(window, K.Key_Return)
    assert window.scene.title_editor is not None
    QTest.keyClicks(QApplication.focusWidget(), "Renamed by keyboard")
    QTest.keyClick(QApplication.focusWidget(), K.Key_Return)
    assert window.document.card(cards[1]).title == "Renamed by keyboard"
    assert window.undo_stack.count() == 1


def test_help_menu_shows_the_shortcut_sheet(window, qtbot):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    press(window, K.Key_F1)
    sheet = qtbot.waitUntil(lambda: _sheet(window) is not None) or _sheet(window)
    text = sheet.browser.toPlainText()
    assert "Ctrl+D" in text and "Duplicate" in text
    assert "Move the selected cards to the neighbouring cell" in text
    sheet.close()


def _sheet(window):  # noqa: ANN001, ANN202
    from cjm_editor.ui.shortcut_sheet import ShortcutSheet

    return next((w for w in window.findChildren(ShortcutSheet) if w.isVisible()), None)
