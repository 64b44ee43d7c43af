"""Closing, destroying or quitting with cards selected prints nothing: no traceback from a torn-down scene."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shiboken6

from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from tests.ui.conftest import UI_MAP

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def errors(monkeypatch):
    """Exceptions raised in slots (they go to sys.excepthook) and unraisable ones, as they happen."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: seen.append(f"{kind.__name__}: {value}"))
    monkeypatch.setattr(sys, "unraisablehook", lambda info: seen.append(repr(info.exc_value)))
    return seen


def selected_window(tmp_path) -> MainWindow:
    path = tmp_path / "map.cjm.json"
    path.write_bytes(UI_MAP.read_bytes())
    w = MainWindow()
    w.ask.save_changes = lambda *args: Choice.DISCARD
    w.show()
    assert w.open_path(path)
    w.scene.select_only(["t-checkout", "t-landing", "s-consider"])
    assert len(w.scene.selectedItems()) == 3
    return w


@pytest.mark.parametrize("how", ["close", "destroy"])
def test_a_window_goes_away_quietly_with_a_selection(how, qapp, tmp_path, errors, capfd):
    w = selected_window(tmp_path)
    scene = w.scene
    capfd.readouterr()
    if how == "close":
        assert w.close()
    shiboken6.delete(w)  # "destroy": without a close event, as when the last reference goes
    qapp.processEvents()
    if shiboken6.isValid(scene):  # a scene the window did not own goes when the interpreter exits
        shiboken6.delete(scene)
    gc.collect()
    assert errors == []
    assert "Traceback" not in capfd.readouterr().err


def test_quitting_the_editor_with_a_selection_prints_nothing(tmp_path):
    path = tmp_path / "map.cjm.json"
    path.write_bytes(UI_MAP.read_bytes())
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from cjm_editor.ui.application import run
        from cjm_editor.ui.main_window import MainWindow

        def select_and_quit():
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
            window.scene.select_only(["t-checkout", "t-landing"])
            QApplication.quit()

        app = QApplication([])
        QTimer.singleShot(0, select_and_quit)
        sys.exit(run([{str(path)!r}]))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    noise = "This plugin does not support propagateSizeHints()"  # the offscreen platform's own notice
    printed = [line for line in done.stderr.splitlines() if line.strip() and noise not in line]
    assert printed == [] and done.stdout == ""
