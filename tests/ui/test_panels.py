"""The docks: inspector, outline, personas, palette activation, connection labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cjm_editor.formats import cjm_json
from cjm_editor.ui.canvas.palette_drop import PaletteEntry
from tests.ui.helpers import double_click


def type_into(widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_inspector_edits_the_selected_card_as_one_step(window):
    window.scene.select_only(["t-checkout"])
    inspector = window.docks.inspector
    assert inspector.heading.text() == "Touchpoint"
    form = inspector.forms["cards"]
    assert form.widget("title").text() == "Checkout"
    assert form.widget("channel").isVisibleTo(inspector) and not form.widget("source").isVisibleTo(inspector)
    type_into(form.widget("owner"), "Growth team")
    assert window.document.card("t-checkout").owner == "Growth team"
    assert window.undo_stack.undoText() == "Edit card owner"
    type_into(form.widget("tags"), "conversion, web")
    assert window.document.card("t-checkout").tags == ("conversion", "web")
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert form.widget("owner").text() == window.document.card("t-checkout").owner != "Growth team"


def test_inspector_shows_kind_fields_of_a_metric(window):
    window.scene.select_only(["m-conversion"])
    form = window.docks.inspector.forms["cards"]
    type_into(form.widget("value"), "41.5")
    assert window.document.card("m-conversion").value == 41.5
    type_into(form.widget("value"), "")
    assert window.document.card("m-conversion").value is None


def test_inspector_cannot_empty_a_title(window):
    window.scene.select_only(["t-checkout"])
    form = window.docks.inspector.forms["cards"]
    type_into(form.widget("title"), "   ")
    assert window.document.card("t-checkout").title == "Checkout"
    assert form.widget("title").text() == "Checkout"
    assert window.undo_stack.count() == 0


def test_inspector_edits_the_map_when_nothing_is_selected(window):
    window.scene.clearSelection()
    inspector = window.docks.inspector
    assert inspector.heading.text() == "Map"
    type_into(inspector.forms["map"].widget("title"), "FreshBox, Q4 review")
    assert window.document.journey.title == "FreshBox, Q4 review"


def test_inspector_edits_an_emotion_point_within_the_scale(window):
    window.scene.select_only(["e-maya-discover"])
    form = window.docks.inspector.forms["emotions"]
    spin = form.widget("score")
    assert (spin.minimum(), spin.maximum()) == (-2, 2)
    spin.setValue(-2)
    assert window.document.emotion("e-maya-discover").score == -2


def test_outline_follows_the_canvas_and_selects_on_it(window, qtbot):
    outline = window.docks.outline
    window.scene.select_only(["q-price"])
    assert [i.data(0, Qt.ItemDataRole.UserRole) for i in outline.selectedItems()] == ["q-price"]
    item = outline.item_for("t-welcome")
    outline.setFocus()
    outline.setCurrentItem(item)
    assert [i.element_id for i in window.scene.selectedItems()] == ["t-welcome"]
    QTest.keyClick(outline, Qt.Key.Key_Down)
    assert [i.element_id for i in window.scene.selectedItems()] == ["t-delivery"]
    window.scene.select_only(["t-welcome"])
    window.duplicate()
    copies = [
        c.id for c in window.document.journey.cards if c.title == "Welcome email" and c.id != "t-welcome"
    ]
    assert len(copies) == 1
    qtbot.waitUntil(lambda: outline.item_for(copies[0]) is not None)
    qtbot.waitUntil(lambda: len(outline.findItems("Welcome email", Qt.MatchFlag.MatchRecursive)) == 2)


def test_persona_colour_and_fields(window):
    panel = window.docks.personas
    panel.list.setCurrentRow(1)
    window.ask.colour = lambda parent, current: "#00798c"
    QTest.mouseClick(panel.colour_button, Qt.MouseButton.LeftButton)
    assert window.document.persona("p-robert").colour == "#00798c"
    assert window.canvas.item_for("p-robert").pen().color().name() == "#00798c"
    type_into(panel.form.widget("goals"), "Cook for grandchildren, Eat healthily")
    assert window.document.persona("p-robert").goals == ("Cook for grandchildren", "Eat healthily")
    asked: list[str] = []
    window.ask.confirm = lambda parent, title, text: asked.append(text) is None
    QTest.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].startswith("Delete persona Robert, retired home cook: 6 emotion points")
    assert window.undo_stack.undoText() == "Delete persona Robert, retired home cook: 6 emotion points"
    assert not window.document.has("personas", "p-robert")
    assert window.canvas.item_for("e-robert-consider") is None
    window.undo_stack.undo()
    assert window.canvas.item_for("e-robert-consider") is not None


def test_palette_double_click_adds_after_the_selected_card(window, qtbot):
    window.scene.select_only(["t-landing"])
    palette = window.docks.palette
    item = palette.entry_item(PaletteEntry("card", "touchpoint"))
    palette.scrollToItem(item)
    at = palette.visualItemRect(item).center()
    assert palette.viewport().rect().contains(at)
    qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a double-click's first half
    qtbot.mouseDClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.undo_stack.count() == 1
    cell = [c.title for c in window.document.cell_cards("s-consider", "l-touchpoints")]
    assert cell == ["Plans & pricing page", "New touchpoint", "Review sites"]


def test_double_click_a_connection_to_label_it(window, tmp_path):
    window.ask.text = lambda parent, title, label, value: "if the code fails"
    item = window.canvas.item_for("c-08")  # the phone-order branch
    points = item._points
    middle = points[len(points) // 2]
    from PySide6.QtCore import QPointF

    double_click(window.canvas, QPointF(middle.x, middle.y))
    assert window.document.connection("c-08").label == "if the code fails"
    window.save_as(tmp_path / "labelled.cjm.json")
    assert cjm_json.load(tmp_path / "labelled.cjm.json").journey.connections[7].label == "if the code fails"
