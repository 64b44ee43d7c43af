"""A large map in the real editor process: the Insights analysis runs on a worker thread while the
window works, and nothing Qt owns may be destroyed on that thread (it crashed: a segfault after
"QBasicTimer::stop: Failed. Possibly trying to stop from a different thread")."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from cjm_editor.ui.panels.insights import THREAD_ABOVE_CARDS

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    from cjm_editor.ui.main_window import MainWindow
    from bench.synth import synthetic_map
    from cjm_editor.formats import cjm_json
    app = QApplication([])
    cjm_json.save(synthetic_map(int(sys.argv[2])), sys.argv[1])  # as a script making a map would
    window = MainWindow()
    window.show()
    window.open_path(sys.argv[1])
    end = time.monotonic() + 4
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    window.docks.insights.refresh_now()
    end = time.monotonic() + 3
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    print("alive", window.docks.insights.status.text())
    """
)


def test_the_editor_survives_analysing_a_large_map_on_a_worker(tmp_path):
    path = tmp_path / "large.cjm.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    env["PYTHONPATH"] = str(ROOT)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), str(THREAD_ABOVE_CARDS + 100)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "alive" in done.stdout and "findings" in done.stdout
