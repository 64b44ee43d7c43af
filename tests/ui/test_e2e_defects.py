"""End-to-end checks of what a designer ran into in the first hour (issue 12, defects 1-8, 14, 15):
real presses, drags and key presses on the window, then the map or the saved file is checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cjm_editor.ui.canvas.palette_drop import PaletteEntry
from tests.conftest import MAP_FIXTURE
from tests.ui.helpers import click, drag, drop_from_palette, saved


def centre(item) -> QPointF:  # noqa: ANN001
    return item.sceneBoundingRect().center()


def focused():  # noqa: ANN201
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press_keys(widget, text: str) -> None:  # noqa: ANN001
    QTest.keyClicks(widget, text)


def test_pressing_the_left_half_of_the_handle_at_fit_zoom_connects_without_moving(window):
    window.canvas.zoom_fit()
    view = window.canvas
    source, target = view.item_for("t-reviews"), view.item_for("t-phone-order")
    handle = source.mapRectToScene(source.handle_rect())
    middle = view.mapFromScene(handle.center())
    pressed = None
    for dx in (-1, -2):  # a view pixel in the left half of the handle (inside the card's rect too)
        at = view.mapToScene(middle + QPoint(dx, 0))
        if handle.contains(at) and at.x() < handle.center().x() and source.sceneBoundingRect().contains(at):
            pressed = at
            break
    assert pressed is not None, f"the handle is {handle.width() * view.zoom():.1f} px wide at fit zoom"
    drag(view, pressed, centre(target), steps=10)
    connections = [(c.source_id, c.target_id) for c in window.document.journey.connections]
    assert ("t-reviews", "t-phone-order") in connections
    assert window.document.card("t-reviews").stage_id == "s-consider", "the card did not move"
    assert window.undo_stack.undoText() == "Connect cards"


def test_f2_and_typing_right_after_a_palette_drop_edit_the_new_card(window, qtbot):
    before = len(window.document.journey.cards)
    palette = window.docks.palette
    window.activateWindow()
    palette.setFocus()
    qtbot.waitUntil(palette.hasFocus)
    cell = window.scene.geometry.cells[("s-renew", "l-pain-points")]
    drop_from_palette(window, PaletteEntry("card", "pain-point"), QPointF(cell.center.x, cell.y + 4))
    QTest.keyClick(focused(), Qt.Key.Key_F2)
    assert window.scene.title_editor is not None
    press_keys(focused(), "Boxes arrive late")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    data = saved(window)
    assert len(data["cards"]) == before + 1, "Enter did not add a second card"
    first = window.document.cell_cards("s-renew", "l-pain-points")[0]
    assert first.title == "Boxes arrive late"


@pytest.fixture
def english_numbers():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale.system())


def _type_into_field(widget, text: str) -> None:  # noqa: ANN001
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press_keys(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_metric_values_are_read_in_the_users_locale_with_a_unit(window, english_numbers):
    window.canvas.reveal("m-conversion")
    click(window.canvas, centre(window.canvas.item_for("m-conversion")))
    form = window.docks.inspector.forms["cards"]
    value = form.widget("value")
    _type_into_field(value, "1,200")
    assert window.document.card("m-conversion").value == 1200
    assert value.text() == "1200" and not form.is_invalid("value")
    unit = window.document.card("m-conversion").unit
    _type_into_field(value, "38%")
    assert window.document.card("m-conversion").value == 38
    assert window.document.card("m-conversion").unit == (unit or "%"), "a unit it had stays; none: %"
    steps = window.undo_stack.count()
    _type_into_field(value, "lots")
    assert form.is_invalid("value"), "the field shows it cannot read the text"
    assert "not a number" in value.toolTip()
    assert window.document.card("m-conversion").value == 38 and window.undo_stack.count() == steps
    _type_into_field(value, "4.5 s")
    assert not form.is_invalid("value")
    assert (
        saved(window)["cards"][[c["id"] for c in saved(window)["cards"]].index("m-conversion")]["value"]
        == 4.5
    )


def test_deleting_a_stage_names_what_goes_and_asks_first(window):
    j = window.document.journey
    cards = {c.id for c in j.cards if c.stage_id == "s-signup"}
    points = [e for e in j.emotions if e.anchor_id == "s-signup" or e.anchor_id in cards]
    links = [c for c in j.connections if c.source_id in cards or c.target_id in cards]
    votes = [v for v in j.votes if v.card_id in cards]
    name = window.document.stage("s-signup").name
    expected = (
        f"Delete stage {name}: {len(cards)} cards, {len(points)} emotion points, {len(links)} connections"
        f", {len(votes)} votes"
    )
    asked: list[str] = []
    window.ask.confirm = lambda parent, title, text: bool(asked.append(text))  # answers No
    header = window.canvas.item_for("s-signup")
    click(window.canvas, header.sceneBoundingRect().topLeft() + QPointF(30, 20))
    QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Delete)
    assert asked and asked[0].startswith(expected)
    assert window.document.has("stages", "s-signup") and window.undo_stack.count() == 0
    window.ask.confirm = lambda parent, title, text: True
    QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Delete)
    assert not window.document.has("stages", "s-signup")
    assert window.undo_stack.undoText() == expected
    window.undo_stack.undo()
    assert len([c for c in window.document.journey.cards if c.stage_id == "s-signup"]) == len(cards)


def test_deleting_one_card_does_not_ask(window):
    window.ask.confirm = lambda *args: pytest.fail("asked for one card")
    click(window.canvas, centre(window.canvas.item_for("a-checkout")))
    QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Delete)
    assert not window.document.has("cards", "a-checkout")
    assert window.undo_stack.undoText().startswith("Delete card ")


def test_a_click_in_the_emotion_lane_does_not_attach_to_the_selected_metric(window):
    g = window.scene.geometry
    scale = window.document.journey.scale
    window.docks.personas.set_active("p-robert")
    window.canvas.reveal("m-conversion")
    click(window.canvas, centre(window.canvas.item_for("m-conversion")))
    assert [i.element_id for i in window.scene.selectedItems()] == ["m-conversion"]
    window.canvas.reveal("e-robert-signup") if window.document.has("emotions", "e-robert-signup") else None
    column = g.columns["s-signup"]
    y = g.score_y(-2, scale.min, scale.max)
    window.canvas.centerOn(column.x + 12, y)
    click(window.canvas, QPointF(column.x + 12, y))
    assert window.document.emotion_at("p-robert", "card", "m-conversion") is None
    point = window.document.emotion_at("p-robert", "stage", "s-signup")
    assert point is not None and point.score == -2
    points = len(window.document.journey.emotions)
    window.scene.select_only(["m-conversion"])
    QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Delete)
    assert len(window.document.journey.emotions) == points, "deleting the metric kept every point"


def _connection_in_a_gutter(window) -> tuple[str, QPointF]:  # noqa: ANN001
    """The connection a click in the middle of c-01's route (across one gutter) picks, and that point."""
    route = window.scene.geometry.connections["c-01"]
    mid = QPointF((route[0].x + route[-1].x) / 2, (route[0].y + route[-1].y) / 2)
    top = window.scene.top_item(mid)
    assert top is not None
    return top.element_id, mid


def test_a_connection_label_wider_than_the_gap_between_adjacent_cards_is_a_mark_clear_of_them(window):
    window.scene.select_only(["c-01"])  # t-social-ad -> t-landing, across one gutter
    field = window.docks.inspector.forms["connections"].widget("label")
    _type_into_field(field, "taps link")
    cid = "c-01"
    assert window.document.connection(cid).label == "taps link"
    item = window.canvas.item_for(cid)
    label = item.label_item
    rect = label.sceneBoundingRect()
    conn = window.document.connection(cid)
    cards = [window.canvas.item_for(i) for i in (conn.source_id, conn.target_id)]
    assert label.isVisible() and label.scene() is window.scene
    number = window.scene.geometry.marks[cid]
    assert item.label_text == str(number), "the gap has room for a number, not for the words"
    assert "taps link" in item.toolTip()
    assert not any(rect.intersects(c.sceneBoundingRect()) for c in cards), "the mark covers neither card"
    assert all(label.zValue() > c.zValue() for c in cards)


def test_opening_another_map_fits_it_in_the_window(window, tmp_path):
    other = tmp_path / "other.cjm.json"
    other.write_bytes(MAP_FIXTURE.read_bytes())
    window.ask.open_path = lambda parent, folder: str(other)
    QTest.keySequence(window.canvas.viewport(), "Ctrl+1")
    assert window.canvas.zoom() == 1.0
    QTest.keySequence(window.canvas.viewport(), "Ctrl+O")
    assert window.path == str(other)
    shown = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    whole = window.scene.itemsBoundingRect()
    assert shown.adjusted(-2, -2, 2, 2).contains(whole), "the new map is shown whole"


def test_the_outline_follows_a_palette_drop_and_a_connection(window, qtbot):
    outline = window.docks.outline
    click(window.canvas, centre(window.canvas.item_for("t-checkout")))
    assert [i.text(0) for i in outline.selectedItems()] == ["Checkout"]
    cell = window.scene.geometry.cells[("s-renew", "l-pain-points")]
    drop_from_palette(window, PaletteEntry("card", "pain-point"), QPointF(cell.center.x, cell.y + 4))
    new = window.document.cell_cards("s-renew", "l-pain-points")[0].id
    qtbot.waitUntil(lambda: [i.text(0) for i in outline.selectedItems()] == ["New pain point"])
    assert outline.currentItem() is outline.item_for(new)
    cid, mid = _connection_in_a_gutter(window)
    click(window.canvas, mid)
    assert [i.element_id for i in window.scene.selectedItems()] == [cid]
    assert outline.selectedItems() == []


def test_cards_cannot_be_dropped_into_the_emotion_lane(window):
    g = window.scene.geometry
    emotion_cell = g.cells[("s-signup", g.emotion_lane)]
    before = window.document.placement("t-checkout")
    card = window.canvas.item_for("t-checkout")
    drag(window.canvas, centre(card), QPointF(emotion_cell.center.x, emotion_cell.y + 20))
    assert window.document.placement("t-checkout") == before
    assert card.scenePos() == QPointF(g.cards["t-checkout"].x, g.cards["t-checkout"].y), "it snapped back"
    count = len(window.document.journey.cards)
    drop_from_palette(
        window, PaletteEntry("card", "note"), QPointF(emotion_cell.center.x, emotion_cell.y + 20)
    )
    assert len(window.document.journey.cards) == count
    assert window.undo_stack.count() == 0


def test_the_open_error_names_the_place_and_insights_wrap(window, tmp_path):
    broken = tmp_path / "broken.cjm.json"
    broken.write_text('{"format": "cjm", "title": "Unclosed', encoding="utf-8")
    window.ask.open_path = lambda parent, folder: str(broken)
    QTest.keySequence(window.canvas.viewport(), "Ctrl+O")
    details = window.last_message.informativeText()
    assert "line 1, column" in details and not details.rstrip().endswith(" at")
    assert "Unterminated string starting here" in details
    window.last_message.close()
    panel = window.docks.insights
    window.docks.all[5].raise_()
    panel.resize(260, 600)
    leaf = max(panel.leaf_items(), key=lambda item: len(item.text(0)))
    line = panel.tree.fontMetrics().height()
    QApplication.processEvents()
    assert panel.tree.visualItemRect(leaf).height() > 1.5 * line, "a long finding wraps"


def test_at_fit_zoom_the_handle_answers_a_few_pixels_from_its_centre(window):
    window.canvas.zoom_fit()
    view = window.canvas
    source, target = view.item_for("t-landing"), view.item_for("t-phone-order")
    handle = source.mapRectToScene(source.handle_rect())
    at = view.mapToScene(view.mapFromScene(handle.center()) + QPoint(-5, 1))
    assert not handle.contains(at) and source.sceneBoundingRect().contains(at), "outside the drawn circle"
    drag(view, at, centre(target), steps=10)
    assert ("t-landing", "t-phone-order") in [
        (c.source_id, c.target_id) for c in window.document.journey.connections
    ]
    assert window.document.card("t-landing").stage_id == "s-consider"


def test_a_unit_typed_after_a_metric_without_one_becomes_its_unit(window, english_numbers):
    window.canvas.reveal("m-nps")
    click(window.canvas, centre(window.canvas.item_for("m-nps")))
    assert window.document.card("m-nps").unit == ""
    _type_into_field(window.docks.inspector.forms["cards"].widget("target"), "40 pts")
    card = window.document.card("m-nps")
    assert (card.target, card.unit) == (40, "pts") and window.undo_stack.count() == 1
