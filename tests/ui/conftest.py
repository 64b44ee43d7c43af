"""UI fixtures: a modal dialog a test did not expect fails the test instead of hanging it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from cjm_editor.formats import cjm_json
from cjm_editor.model import JourneyDocument
from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow

# The UI tests' own copy of a full map (the FreshBox example as it was written for them): the tests
# name its cards, stages and connections, so the shipped sample can change without breaking them.
UI_MAP = Path(__file__).with_name("fixtures") / "freshbox.cjm.json"


@pytest.fixture
def journey():
    """The UI test map, loaded (overrides the shipped sample of tests/conftest.py)."""
    return cjm_json.load(UI_MAP).journey


@pytest.fixture
def doc(journey) -> JourneyDocument:
    return JourneyDocument(journey)


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError(f"unexpected modal QMessageBox: {args[1:3]}")

    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(fail))
    monkeypatch.setattr(QMessageBox, "exec", fail)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The editor on a copy of the UI test map, shown at 100% zoom, scrolled to the top left."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # recent files go there
    path = tmp_path / "map.cjm.json"
    path.write_bytes(UI_MAP.read_bytes())
    w = MainWindow()
    w.ask.save_changes = lambda *args: Choice.DISCARD  # closing at teardown; tests that check it override
    qtbot.addWidget(w)
    w.resize(1700, 1200)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(path)
    w.canvas.zoom_reset()
    w.canvas.centerOn(0, 0)
    return w
