"""End-to-end checks of the window around the canvas (issue 12, defects 11, 12, 13, 16)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cjm_editor.ui.application import start
from cjm_editor.ui.main_window import MainWindow
from tests.conftest import MAP_FIXTURE
from tests.ui.helpers import click


def test_a_small_window_keeps_most_of_its_width_for_the_canvas(window, qtbot):
    window.resize(700, 450)
    qtbot.waitUntil(lambda: window.width() == 700)
    QApplication.processEvents()
    assert window.height() <= 460, "the docks do not force a tall window"
    assert window.canvas.width() >= 300, f"the canvas is {window.canvas.width()} px wide"


def test_a_collapsed_lane_says_how_many_cards_it_hides(window):
    header = window.canvas.item_for("l-backstage")
    hidden = len([c for c in window.document.journey.cards if c.lane_id == "l-backstage"])
    assert header.summary() == ""
    toggle = header.mapToScene(header.toggle_rect().center())
    click(window.canvas, toggle + QPointF(-2, 3))  # off centre, as a person clicks
    assert window.document.lane("l-backstage").collapsed
    assert header.summary() == f"{hidden} cards"


def test_every_map_on_the_command_line_opens_in_its_own_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    a, b = tmp_path / "a.cjm.json", tmp_path / "b.cjm.json"
    a.write_bytes(MAP_FIXTURE.read_bytes())
    b.write_bytes(MAP_FIXTURE.read_bytes())
    _app, window = start([str(a), str(b)])
    windows: list[MainWindow] = [window, *window.siblings]
    for w in windows:
        qtbot.addWidget(w)
    assert [w.path for w in windows] == [str(a), str(b)]
    assert all(w.isVisible() for w in windows)


def test_without_a_display_the_editor_says_so_and_how_to_work_headless():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = "import sys; from cjm_editor.app import main; sys.exit(main([]))"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "no display found" in proc.stderr
    assert "cjm export pdf MAP -o OUT.pdf" in proc.stderr
    assert "Aborted" not in proc.stderr and "libxcb-cursor0" not in proc.stderr


def test_several_selected_cards_are_edited_together_as_one_step(window):
    ids = ["t-landing", "t-reviews", "a-compare"]
    ctrl = Qt.KeyboardModifier.ControlModifier
    click(window.canvas, window.canvas.item_for(ids[0]).sceneBoundingRect().center())
    for card_id in ids[1:]:
        click(
            window.canvas,
            window.canvas.item_for(card_id).sceneBoundingRect().center() + QPointF(-20, 5),
            ctrl,
        )
    inspector = window.docks.inspector
    assert inspector.heading.text() == "3 cards selected"
    owner = inspector.multi.widget("owner")
    QTest.mouseClick(owner, Qt.MouseButton.LeftButton)
    QTest.keyClick(owner, Qt.Key.Key_A, ctrl)
    QTest.keyClicks(owner, "Growth team")
    QTest.keyClick(owner, Qt.Key.Key_Return)
    assert [window.document.card(i).owner for i in ids] == ["Growth team"] * 3
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Edit 3 cards' owner"
    tags = inspector.multi.widget("tags")
    QTest.mouseClick(tags, Qt.MouseButton.LeftButton)
    QTest.keyClicks(tags, "pricing")
    QTest.keyClick(tags, Qt.Key.Key_Return)
    assert all("pricing" in window.document.card(i).tags for i in ids)
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert [window.document.card(i).owner for i in ids] != ["Growth team"] * 3
