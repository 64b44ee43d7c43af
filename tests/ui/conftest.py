"""UI fixtures: a modal dialog a test did not expect fails the test instead of hanging it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from tests.conftest import MAP_FIXTURE as UI_MAP


@pytest.fixture(autouse=True)
def _own_data_folder(monkeypatch, tmp_path_factory):
    """Autosave snapshots and saved versions go to a folder of the test's own (platformdirs)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path_factory.mktemp("documents")))


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
