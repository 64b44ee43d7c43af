"""The editor's start loads what its first paint uses: networkx, reportlab, asyncio and the
installed packages' metadata load with the first analysis, export, shared map or About box
(bench/bench_startup.py times the start against a bare PySide6 window)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import os
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from cjm_editor.ui.application import start

    app, window = start(["--sample"])
    at_paint = []

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if watched is window.canvas.viewport() and event.type() == QEvent.Type.Paint and not at_paint:
                at_paint.append(sorted(sys.modules))
                QTimer.singleShot(0, lambda: QTimer.singleShot(0, app.quit))
            return False

    probe = Probe()
    app.installEventFilter(probe)
    app.exec()
    print(" ".join(at_paint[0]))
    print(window.docks.insights.status.text(), flush=True)
    os._exit(0)  # PySide's teardown of a live window at interpreter exit can crash (it did before too)
    """
)
NOT_NEEDED = ("networkx", "reportlab", "asyncio", "pycrdt", "importlib.metadata", "cjm_editor.export")
NOT_NEEDED += ("cjm_editor.analysis.insights", "cjm_editor.analysis.graph", "cjm_editor.handouts")


def test_the_first_paint_needs_no_analysis_export_or_network(tmp_path: Path) -> None:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path)
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    modules, status = done.stdout.strip().split("\n")[-2:]
    loaded = set(modules.split())
    assert "cjm_editor.ui.main_window" in loaded
    assert sorted(m for m in loaded if m in NOT_NEEDED or m.split(".")[0] in NOT_NEEDED) == []
    assert "finding" in status, "the analysis ran right after the first paint"
