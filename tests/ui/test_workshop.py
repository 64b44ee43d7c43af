"""Workshop mode end to end: dot voting, ratings from several people, capture, the lock, present
navigation, lane hide and reveal, and the stage timer on a clock the test moves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from cjm_editor.formats import cjm_json
from cjm_editor.model.workshop import spreads, tally
from cjm_editor.ui.canvas.interactions import EDIT_MODE, PRESENT_MODE, VOTE_MODE
from cjm_editor.ui.elided_label import ElidedLabel
from cjm_editor.ui.workshop.present import ALERT, PresentWindow
from tests.ui.helpers import click, drag, to_view

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def near_centre(item, dx: float = 11, dy: float = -7) -> QPointF:
    """Where a person clicks: near the middle, not on it."""
    return item.sceneBoundingRect().center() + QPointF(dx, dy)


def right_click(view, pos: QPointF) -> None:
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, to_view(view, pos)
    )


def key(widget, k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    QTest.keyClick(widget, k, modifiers)


@pytest.fixture
def room(window, qtbot):
    """The sample map without its anonymous votes, three participants added with the panel's button."""
    panel = window.workshop.panel
    window.workshop.dock.show()
    window.workshop.dock.raise_()
    for vote in list(window.document.journey.votes):
        window.document.remove("votes", vote.id)
    window.undo_stack.clear()
    for _ in range(3):
        QTest.mouseClick(_button(panel, "Add"), Qt.MouseButton.LeftButton)
    assert [p.name for p in window.document.journey.participants] == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
    ]
    window.canvas.setFocus()
    return window


def _button(panel, text: str):  # noqa: ANN001
    from PySide6.QtWidgets import QAbstractButton

    return next(b for b in panel.findChildren(QAbstractButton) if b.text() == text)


def test_dot_voting_limits_each_participant_and_is_undoable_and_saved(room, qtbot):
    w, panel = room, room.workshop.panel
    panel.dots.setValue(2)
    panel.dots.editingFinished.emit()
    assert w.document.journey.workshop.dots == 2
    QTest.mouseClick(_button(panel, "Vote"), Qt.MouseButton.LeftButton)
    assert w.scene.mode is VOTE_MODE
    w.canvas.reveal("p-late")
    late, cancel = w.canvas.item_for("p-late"), w.canvas.item_for("p-cancel")
    key(w.canvas.viewport(), Qt.Key.Key_1)
    first = w.document.journey.participants[0].id
    assert w.scene.workshop.participant == first
    click(w.canvas, near_centre(late))
    click(w.canvas, near_centre(late, -20, 5))
    click(w.canvas, near_centre(late))  # the third dot: Participant 1 has none left
    assert tally(w.document.journey)["p-late"] == 2 and late.votes == 2
    assert "used all 2 dots" in w.statusBar().currentMessage()
    key(w.canvas.viewport(), Qt.Key.Key_2)
    w.canvas.reveal("p-cancel")
    click(w.canvas, near_centre(cancel))
    key(w.canvas.viewport(), Qt.Key.Key_3)
    click(w.canvas, near_centre(late))
    assert dict(tally(w.document.journey)) == {"p-late": 3, "p-cancel": 1}
    opportunity = w.canvas.item_for("o-express")
    w.canvas.reveal("o-express")
    panel.kinds["opportunity"].setChecked(False)
    click(w.canvas, near_centre(opportunity))
    assert tally(w.document.journey)["o-express"] == 0, "the facilitator took opportunities off the vote"
    w.canvas.reveal("p-late")
    right_click(w.canvas, near_centre(late))  # Participant 3 takes theirs back
    assert tally(w.document.journey)["p-late"] == 2 and late.votes == 2
    w.undo_stack.undo()
    assert tally(w.document.journey)["p-late"] == 3
    results = w.workshop.show_results()
    rows = results.rows()
    assert rows[1][:3] == ("1", "Delivery window too wide", "3")
    assert rows[1][4] == "Participant 1 ×2, Participant 3"
    assert w.save()
    data = json.loads(Path(w.path).read_text(encoding="utf-8"))
    people = {p["id"]: p["name"] for p in data["participants"]}
    assert sorted(people[v["participant"]] for v in data["votes"] if v["card"] == "p-late") == [
        "Participant 1",
        "Participant 1",
        "Participant 3",
    ]
    again = cjm_json.load(w.path).journey
    assert dict(tally(again)) == {"p-late": 3, "p-cancel": 1} and again.workshop.dots == 2
    results.close()


def test_three_participants_rate_a_stage_mean_band_and_n(room):
    w = room
    QTest.mouseClick(_button(w.workshop.panel, "Rate"), Qt.MouseButton.LeftButton)
    g, scale = w.scene.geometry, w.document.journey.scale
    persona = w.scene.active_persona
    own = w.document.emotion_at(persona, "stage", "s-signup")
    col = g.columns["s-signup"]
    w.canvas.centerOn(col.center.x, g.rows[g.emotion_lane].center.y)
    for digit, score in ((Qt.Key.Key_1, -2), (Qt.Key.Key_2, 1), (Qt.Key.Key_3, 2)):
        key(w.canvas.viewport(), digit)
        click(w.canvas, QPointF(col.x + 23, g.score_y(score, scale.min, scale.max) + 2))
    key(w.canvas.viewport(), Qt.Key.Key_1)
    click(w.canvas, QPointF(col.x + 41, g.score_y(-1, scale.min, scale.max) - 3))  # Participant 1 changes
    s = spreads(w.document.journey)[(persona, "stage", "s-signup")]
    scores = [-1, 1, 2]  # the participants' ratings; the map's own point is not one of them
    assert (s.n, s.low, s.high) == (len(scores), min(scores), max(scores))
    assert s.mean == pytest.approx(sum(scores) / len(scores))
    (band,) = [b for b in w.scene.geometry.bands[persona] if abs(b.x - col.center.x) < col.w / 2]
    assert band.n == len(scores)
    assert band.high == pytest.approx(g.score_y(max(scores), scale.min, scale.max))
    w.scene.select_only(["s-signup"])
    listed = [w.workshop.panel.ratings.item(i).text() for i in range(w.workshop.panel.ratings.count())]
    assert any("by Participant 3" in line for line in listed) and len(listed) == 4 + bool(own), listed
    if own:
        assert listed[-1] == f"  {own.score:+g} on the map itself (not counted)"
    assert listed[0].endswith(f"n={len(scores)})")
    inspected = w.docks.inspector.ratings.text()
    assert "by Participant 1" in inspected and f"n={len(scores)}" in inspected
    assert w.save()
    again = cjm_json.load(w.path).journey
    assert spreads(again)[(persona, "stage", "s-signup")] == s


def test_capture_three_lines_become_three_cards_in_the_clicked_cell(window):
    w, panel = window, window.workshop.panel
    w.workshop.dock.show()
    w.workshop.dock.raise_()
    cell = w.scene.geometry.cells[("s-renew", "l-opportunities")]
    before = [c.id for c in w.document.cell_cards("s-renew", "l-opportunities")]
    w.canvas.centerOn(cell.center.x, cell.center.y)
    click(w.canvas, QPointF(cell.x + 20, cell.bottom - 12))  # empty space at the foot of the cell
    assert "Renew & refer · Opportunities" in panel.cell_label.text()
    w.workshop.capture()
    for line in ("Pause instead of cancel", "Show the savings so far", "Gift a box to a friend"):
        QTest.keyClicks(panel.capture, line)
        key(panel.capture, Qt.Key.Key_Return)
    cards = w.document.cell_cards("s-renew", "l-opportunities")
    added = [c for c in cards if c.id not in before]
    assert [c.title for c in added] == [
        "Pause instead of cancel",
        "Show the savings so far",
        "Gift a box to a friend",
    ]
    assert {c.kind for c in added} == {"opportunity"} and panel.capture.text() == ""


def test_present_locks_stages_and_lanes_but_not_cards(window, qtbot):
    w = window
    present = w.workshop.present()
    qtbot.addWidget(present)
    assert w.scene.mode is PRESENT_MODE
    before = [s.id for s in w.document.journey.stages]
    header, first = w.canvas.item_for("s-renew"), w.canvas.item_for("s-discover")
    w.canvas.centerOn(0, 0)
    drag(
        w.canvas,
        near_centre(header, -30, 4),
        QPointF(first.sceneBoundingRect().left() + 5, near_centre(first).y()),
    )
    assert [s.id for s in w.document.journey.stages] == before, "a header drag is refused"
    lane = w.canvas.item_for("l-backstage")
    w.scene.select_only([])
    lane.setSelected(True)
    w.canvas.setFocus()
    key(w.canvas.viewport(), Qt.Key.Key_Delete)
    assert w.document.has("lanes", "l-backstage"), "Delete does not remove a lane"
    assert "locked" in w.statusBar().currentMessage()
    asked = []
    w.ask.text = lambda *a: asked.append(a) or "Renamed"
    QTest.mouseDClick(
        w.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        to_view(w.canvas, near_centre(lane)),
    )
    assert not asked and w.document.lane("l-backstage").name != "Renamed"
    w.scene.select_only(["t-checkout"])
    key(w.canvas.viewport(), Qt.Key.Key_Delete)
    assert not w.document.has("cards", "t-checkout"), "cards can still be deleted"
    key(present.view.viewport(), Qt.Key.Key_Escape)
    assert w.scene.mode is EDIT_MODE and w.workshop.present_window is None


def test_present_walks_the_stages_with_arrows_and_page_keys_and_hides_lanes(window, qtbot):
    w = window
    present = w.workshop.present()
    qtbot.addWidget(present)
    stages = [s.name for s in w.document.journey.stages]
    vp = present.view.viewport()
    assert present.title.text() == stages[0] and present.position.text() == f"Stage 1 of {len(stages)}"
    key(vp, Qt.Key.Key_Right)
    key(vp, Qt.Key.Key_PageDown)
    assert present.title.text() == stages[2] and present.index == 2
    key(vp, Qt.Key.Key_PageUp)
    assert present.title.text() == stages[1]
    key(vp, Qt.Key.Key_Left)
    key(vp, Qt.Key.Key_Left)  # stays on the first stage
    assert present.index == 0
    col = w.scene.geometry.columns[w.document.journey.stages[0].id]
    assert present.view.transform().m11() >= 1.0
    assert present.view.mapToScene(present.view.viewport().rect().center()).x() == pytest.approx(
        col.center.x, abs=2
    )
    opportunities = [c.id for c in w.document.journey.cards if c.lane_id == "l-opportunities"]
    QTest.mouseClick(present.lane_buttons["l-opportunities"], Qt.MouseButton.LeftButton)
    assert not any(present.scene.item_for(c).isVisible() for c in opportunities)
    assert all(w.scene.item_for(c).isVisible() for c in opportunities), "the editor's canvas keeps them"
    assert not present.lane_buttons["l-opportunities"].isChecked()
    QTest.mouseClick(present.lane_buttons["l-opportunities"], Qt.MouseButton.LeftButton)
    assert all(present.scene.item_for(c).isVisible() for c in opportunities)
    assert any("Maya" in e.findChild(ElidedLabel).text() for e in present.legend)
    present.close()


def test_the_stage_timer_counts_pauses_and_alerts_on_a_clock_the_test_moves(window, qtbot):
    clock = Clock()
    present = PresentWindow(window.scene, clock)
    qtbot.addWidget(present)
    present.show()
    assert present.clock_label.text() == "5:00"
    QTest.mouseClick(_button(present, "−1 min"), Qt.MouseButton.LeftButton)
    QTest.mouseClick(_button(present, "−1 min"), Qt.MouseButton.LeftButton)
    assert present.clock_label.text() == "3:00"
    QTest.mouseClick(present.start_button, Qt.MouseButton.LeftButton)
    assert present.timer.running and present.start_button.text() == "Pause"
    clock.now += 65
    present.timer.refresh()
    assert present.clock_label.text() == "1:55"
    key(present.view.viewport(), Qt.Key.Key_T)  # pause
    clock.now += 600
    present.timer.refresh()
    assert present.clock_label.text() == "1:55" and not present.timer.is_expired
    key(present.view.viewport(), Qt.Key.Key_T)
    clock.now += 115
    present.timer.refresh()
    assert present.clock_label.text() == "0:00" and present.timer.is_expired
    assert ALERT in present.clock_label.styleSheet() and not present.timer.running
    key(present.view.viewport(), Qt.Key.Key_Right)  # the next stage has its own full time
    assert present.clock_label.text() == "5:00" and ALERT not in present.clock_label.styleSheet()
    present.close()
    assert window.scene.mode is EDIT_MODE


def test_file_import_ratings_adds_them_in_one_undo_step(window):
    survey = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "freshbox-survey.csv"
    before = cjm_json.dumps(window.document.journey)
    asked = []
    window.ask.import_path = lambda *a: asked.append(a) or str(survey)
    window.ask.text = lambda *a: "1..5"
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    imports = next(a.menu() for a in menu.actions() if a.text() == "&Import")
    next(a for a in imports.actions() if a.text().startswith("&Ratings")).trigger()
    j = window.document.journey
    assert asked and len(j.ratings) == 7 and len(j.participants) == 4
    assert any(c.source == "freshbox-survey.csv, R-104" for c in j.cards)
    assert window.undo_stack.count() == 1
    notes = window.last_message.informativeText()
    assert "new persona 'Students'" in notes, "a persona the map lacked is said, never silent"
    window.undo_stack.undo()
    assert cjm_json.dumps(window.document.journey) == before


def test_a_rating_goes_on_the_stage_unless_shift_asks_for_the_selected_card(room):
    """The class of the emotion-lane defect: a selected card of that stage (a metric, say) does not
    catch a plain click's rating; Shift+click rates at it, as it adds an emotion point there."""
    w = room
    QTest.mouseClick(_button(w.workshop.panel, "Rate"), Qt.MouseButton.LeftButton)
    g, scale, j = w.scene.geometry, w.document.journey.scale, w.document.journey
    col = g.columns["s-signup"]
    metric = next(c for c in j.cards if c.stage_id == "s-signup" and c.kind == "metric")
    w.canvas.centerOn(col.center.x, g.rows[g.emotion_lane].center.y)
    key(w.canvas.viewport(), Qt.Key.Key_1)
    w.scene.select_only([metric.id])
    click(w.canvas, QPointF(col.x + 29, g.score_y(1, scale.min, scale.max) + 2))
    assert {(r.anchor_kind, r.anchor_id) for r in j.ratings} == {("stage", "s-signup")}
    w.scene.select_only([metric.id])
    pos = QPointF(col.x + 33, g.score_y(-1, scale.min, scale.max) - 2)
    click(w.canvas, pos, Qt.KeyboardModifier.ShiftModifier)
    assert ("card", metric.id) in {(r.anchor_kind, r.anchor_id) for r in j.ratings}
