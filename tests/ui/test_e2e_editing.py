"""End-to-end: connecting, palette drops, in-place editing, emotion clicks, resizing, keyboard edits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cjm_editor.ui.canvas.palette_drop import PaletteEntry
from tests.ui.helpers import click, double_click, drag, saved, to_view


def keys(window, sequence: str) -> None:
    """Press a shortcut the way a person does, on the focused canvas."""
    window.activateWindow()
    window.canvas.setFocus()
    QTest.keySequence(window.canvas.viewport(), sequence)


def test_connect_two_cards_by_dragging_from_the_handle(window):
    source = window.canvas.item_for("t-reviews")
    target = window.canvas.item_for("t-phone-order")
    handle = source.mapToScene(source.handle_rect().center())
    drag(window.canvas, handle, target.sceneBoundingRect().center(), steps=10)
    data = saved(window)
    assert {"from": "t-reviews", "to": "t-phone-order"} in [
        {"from": c["from"], "to": c["to"]} for c in data["connections"]
    ]
    assert window.undo_stack.undoText() == "Connect cards"
    assert window.document.card("t-reviews").stage_id == "s-consider", "the card itself did not move"


def test_dragging_from_the_handle_onto_nothing_adds_no_connection(window):
    source = window.canvas.item_for("t-reviews")
    handle = source.mapToScene(source.handle_rect().center())
    drag(window.canvas, handle, QPointF(-30, -30))
    assert window.undo_stack.count() == 0


def _drop_from_palette(window, entry: PaletteEntry, scene_pos: QPointF) -> None:
    palette = window.docks.palette
    data = palette.mimeData([palette.entry_item(entry)])
    vp = window.canvas.viewport()
    at = to_view(window.canvas, scene_pos)
    copy = Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, copy, data, left, none)
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(vp, QDragMoveEvent(at, copy, data, left, none))
    assert window.scene.drop_marker.isVisible() == (entry.what == "card")
    QApplication.sendEvent(vp, QDropEvent(QPointF(at), copy, data, left, none, QEvent.Type.Drop))


def test_drag_a_card_from_the_palette_into_a_cell(window):
    cell = window.scene.geometry.cells[("s-renew", "l-pain-points")]
    _drop_from_palette(window, PaletteEntry("card", "pain-point"), QPointF(cell.center.x, cell.y + 4))
    data = saved(window)
    new = [c for c in data["cards"] if c["title"] == "New pain point"]
    assert len(new) == 1 and (new[0]["stage"], new[0]["lane"]) == ("s-renew", "l-pain-points")
    assert window.document.cell_cards("s-renew", "l-pain-points")[0].title == "New pain point"
    assert not window.scene.drop_marker.isVisible()


def test_drag_a_stage_and_a_lane_from_the_palette(window):
    g = window.scene.geometry
    between = QPointF(g.stages["s-signup"].right + 5, g.stages["s-signup"].center.y)
    _drop_from_palette(window, PaletteEntry("stage"), between)
    assert [s.name for s in window.document.journey.stages][3] == "New stage"
    below_actions = QPointF(g.lanes["l-actions"].center.x, g.lanes["l-actions"].bottom + 4)
    _drop_from_palette(window, PaletteEntry("lane", "notes"), below_actions)
    data = saved(window)
    assert [lane["kind"] for lane in data["lanes"]][:2] == ["actions", "notes"]


def test_double_click_edits_a_card_title_in_place(window, qtbot):
    card = window.canvas.item_for("t-checkout")
    double_click(window.canvas, card.sceneBoundingRect().center())
    assert window.scene.title_editor is not None
    QTest.keyClicks(window.canvas.viewport(), "Pay in one step")
    QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Return)
    assert window.document.card("t-checkout").title == "Pay in one step"
    assert window.scene.title_editor is None
    assert [c["title"] for c in saved(window)["cards"] if c["id"] == "t-checkout"] == ["Pay in one step"]
    window.undo_stack.undo()
    assert window.document.card("t-checkout").title == "Checkout"


def test_escape_cancels_the_title_edit(window):
    card = window.canvas.item_for("t-checkout")
    double_click(window.canvas, card.sceneBoundingRect().center())
    QTest.keyClicks(window.canvas.viewport(), "Oops")
    QTest.keyClick(window.canvas.viewport(), Qt.Key.Key_Escape)
    assert window.document.card("t-checkout").title == "Checkout"
    assert window.undo_stack.count() == 0


def test_add_a_persona_make_it_active_and_click_its_first_point(window):
    panel = window.docks.personas
    QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    persona = window.document.journey.personas[-1]
    assert panel.current_id() == persona.id
    QTest.mouseClick(panel.active_button, Qt.MouseButton.LeftButton)
    assert window.scene.active_persona == persona.id
    g = window.scene.geometry
    scale = window.document.journey.scale
    column = g.columns["s-regular"]
    click(window.canvas, QPointF(column.x + 20, g.score_y(2, scale.min, scale.max)))
    point = window.document.emotion_at(persona.id, "stage", "s-regular")
    assert point is not None and point.score == 2
    assert window.canvas.item_for(point.id).isVisible()
    data = saved(window)
    assert {"persona": persona.id, "stage": "s-regular", "score": 2} in [
        {k: e.get(k) for k in ("persona", "stage", "score")} for e in data["emotions"]
    ]


def test_click_where_the_persona_has_a_point_gives_it_the_new_score(window):
    g = window.scene.geometry
    scale = window.document.journey.scale
    window.docks.personas.set_active("p-robert")
    column = g.columns["s-regular"]
    click(window.canvas, QPointF(column.x + 20, g.score_y(2, scale.min, scale.max)))
    assert window.document.emotion("e-robert-regular").score == 2


def test_hiding_a_persona_hides_its_curve(window):
    panel = window.docks.personas
    item = panel.list.item(1)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not window.canvas.item_for("p-robert").isVisible()
    assert not window.canvas.item_for("e-robert-regular").isVisible()
    assert window.canvas.item_for("e-maya-regular").isVisible()
    assert window.undo_stack.count() == 0, "visibility is a view setting, not an edit"


def test_shift_click_in_the_emotion_lane_anchors_to_the_selected_card(window):
    g = window.scene.geometry
    scale = window.document.journey.scale
    window.scene.select_only(["t-welcome"])
    column = g.columns["s-first-box"]
    window.docks.personas.set_active("p-robert")
    shift = Qt.KeyboardModifier.ShiftModifier
    click(window.canvas, QPointF(column.x + 12, g.score_y(-1, scale.min, scale.max)), shift)
    point = window.document.emotion_at("p-robert", "card", "t-welcome")
    assert point is not None and point.score == -1


def test_drag_a_stage_edge_to_resize_it(window):
    header = window.canvas.item_for("s-signup")
    rect = window.scene.geometry.stages["s-signup"]
    edge = QPointF(rect.right - 2, rect.center.y)
    drag(window.canvas, edge, edge + QPointF(120, 0))
    width = window.document.stage("s-signup").width
    assert width is not None and abs(width - (rect.w + 120)) <= 3
    assert window.scene.geometry.stages["s-signup"].w == width
    assert header.boundingRect().width() - 2 == width
    assert saved(window)["stages"][2]["width"] == width
    assert window.document.stage("s-discover").width is None


def test_copy_paste_duplicate_and_cut_with_the_keyboard(window):
    before = len(window.document.journey.cards)
    window.scene.select_only(["t-checkout"])
    keys(window, "Ctrl+C")
    assert QGuiApplication.clipboard().text() == "Checkout"
    keys(window, "Ctrl+V")
    assert len(window.document.journey.cards) == before + 1
    titles = [c.title for c in window.document.cell_cards("s-signup", "l-touchpoints")]
    assert titles[:2] == ["Checkout", "Checkout"], "pasted right after the selected card"
    keys(window, "Ctrl+D")
    assert len(window.document.journey.cards) == before + 2
    keys(window, "Ctrl+X")
    assert len(window.document.journey.cards) == before + 1
    keys(window, "Ctrl+Z")
    keys(window, "Ctrl+Z")
    keys(window, "Ctrl+Z")
    assert len(window.document.journey.cards) == before


def test_copy_keeps_connections_between_copied_cards(window):
    window.scene.select_only(["t-landing", "t-checkout"])
    window.copy()
    window.scene.clearSelection()
    connections = len(window.document.journey.connections)
    window.paste()
    assert len(window.document.journey.connections) == connections + 1
    assert window.undo_stack.count() == 1


def test_paste_plain_text_makes_one_card_per_line(window):
    QGuiApplication.clipboard().setText("Call centre wait\n\nLost parcel\n")
    window.scene.select_only(["p-hidden-fees"])
    window.paste()
    titles = [c.title for c in window.document.cell_cards("s-consider", "l-pain-points")]
    assert titles[-2:] == ["Call centre wait", "Lost parcel"]


def test_find_jumps_between_matching_cards(window):
    keys(window, "Ctrl+F")
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    QTest.keyClicks(window.find_bar.field, "checkout")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    first = [i.element_id for i in window.scene.selectedItems()]
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    second = [i.element_id for i in window.scene.selectedItems()]
    assert len(first) == 1 and len(second) == 1 and first != second
    assert "of" in window.find_bar.count.text()
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
