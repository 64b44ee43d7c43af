"""End-to-end: real mouse drags on the canvas, then the saved file is checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF

from cjm_editor.formats import cjm_json
from tests.ui.helpers import drag, saved


def centre(item) -> QPointF:
    return item.sceneBoundingRect().center()


def test_drag_card_to_another_stage_then_undo_restores_the_file(window):
    original = Path(window.path).read_bytes()
    card = window.canvas.item_for("t-checkout")
    target_cell = window.scene.geometry.cells[("s-consider", "l-touchpoints")]
    # drop below the two cards already there
    drag(window.canvas, centre(card), QPointF(target_cell.center.x, target_cell.bottom - 30))
    data = saved(window)
    moved = next(c for c in data["cards"] if c["id"] == "t-checkout")
    assert moved["stage"] == "s-consider"
    assert [c.id for c in window.document.cell_cards("s-consider", "l-touchpoints")][-1] == "t-checkout"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.save()
    assert Path(window.path).read_bytes() == original


def test_drop_position_sets_order_in_the_cell(window):
    card = window.canvas.item_for("t-reviews")
    first = window.canvas.item_for("t-landing")
    drag(window.canvas, centre(card), centre(first) - QPointF(0, 30))
    assert [c.id for c in window.document.cell_cards("s-consider", "l-touchpoints")] == [
        "t-reviews",
        "t-landing",
    ]


def test_reorder_stages_by_dragging_a_header(window):
    header = window.canvas.item_for("s-renew")
    first = window.canvas.item_for("s-discover")
    drag(window.canvas, centre(header), QPointF(first.sceneBoundingRect().left() + 5, centre(first).y()))
    data = saved(window)
    assert [s["id"] for s in data["stages"]][:2] == ["s-renew", "s-discover"]
    assert window.undo_stack.undoText().startswith("Move stage")


def test_drag_an_emotion_point_up_two_steps(window):
    point = window.canvas.item_for("e-robert-consider")
    scale = window.document.journey.scale
    before = window.document.emotion("e-robert-consider").score
    g = window.scene.geometry
    target_y = g.score_y(before + 2, scale.min, scale.max)
    drag(window.canvas, point.scenePos(), QPointF(point.scenePos().x(), target_y), steps=12)
    assert window.document.emotion("e-robert-consider").score == before + 2
    assert window.undo_stack.count() == 1, "the whole drag is one undo step"
    assert point.scenePos().y() == g.score_y(before + 2, scale.min, scale.max)
    data = saved(window)
    assert next(e for e in data["emotions"] if e["id"] == "e-robert-consider")["score"] == before + 2


def test_rubber_band_select_three_cards_and_move_them(window):
    ids = ["a-scroll", "t-social-ad", "t-tv-spot"]
    rects = [window.scene.geometry.cards[i] for i in ids]
    top_left = QPointF(rects[0].x - 6, rects[0].y - 6)
    bottom_right = QPointF(rects[2].right - 20, rects[2].bottom - 10)
    drag(window.canvas, top_left, bottom_right)
    selected = sorted(i.element_id for i in window.scene.selectedItems())
    assert selected == sorted(ids)
    grab = window.canvas.item_for("t-social-ad")
    step = window.scene.geometry.columns["s-consider"].x - window.scene.geometry.columns["s-discover"].x
    drag(window.canvas, centre(grab), centre(grab) + QPointF(step, 0))
    data = saved(window)
    stages = {c["id"]: c["stage"] for c in data["cards"]}
    assert all(stages[i] == "s-consider" for i in ids)
    assert window.undo_stack.count() == 1 and "3 cards" in window.undo_stack.undoText()


def test_delete_removes_selection_and_undo_restores(window):
    before = cjm_json.dumps(window.document.journey)
    window.canvas.item_for("t-checkout").setSelected(True)
    window.delete_selection()
    assert not window.document.has("cards", "t-checkout")
    assert window.canvas.item_for("t-checkout") is None
    window.undo_stack.undo()
    assert cjm_json.dumps(window.document.journey) == before
    assert window.canvas.item_for("t-checkout") is not None


def test_collapse_a_lane_hides_its_cards(window):
    header = window.canvas.item_for("l-backstage")
    toggle = header.mapToScene(header.toggle_rect().center())
    drag(window.canvas, toggle, toggle, steps=1)
    assert window.document.lane("l-backstage").collapsed
    assert not window.canvas.item_for("b-crm").isVisible()
    window.undo_stack.undo()
    assert window.canvas.item_for("b-crm").isVisible()
