"""The editor is killed (SIGKILL) with unsaved edits, restarted, and offered the map back; two editors
and the lock beside the map. Real child processes, real files, XDG folders of the test's own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.ui.application import start
from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from cjm_editor.ui.recovery import dialogs, keeper
from cjm_editor.ui.recovery.dialogs import Recover
from cjm_editor.ui.recovery.guard import Claim, lock_path
from cjm_editor.ui.session import Modified
from tests.conftest import MAP_FIXTURE

ROOT = Path(__file__).resolve().parents[2]


def child(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor_child", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline() if proc.stdout else ""
    if line.strip() != "ready":
        proc.kill()
        raise AssertionError(f"the child editor did not start: {line!r} {proc.communicate()[1][-2000:]}")
    return proc


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


def restarted(qtbot) -> tuple[MainWindow, list]:
    w = MainWindow()
    qtbot.addWidget(w)
    offered = []
    w.ask.recover = lambda parent, snap: offered.append(snap) or Recover.RESTORE
    w.ask.save_changes = lambda *a: Choice.DISCARD
    return w, offered


@pytest.mark.parametrize("saved", [True, False], ids=["saved map", "never-saved map"])
def test_a_killed_editor_offers_the_map_back_as_it_was(qtbot, tmp_path, saved, monkeypatch):
    path = tmp_path / "map.cjm.json"
    path.write_bytes(MAP_FIXTURE.read_bytes())
    expected = tmp_path / "expected.json"
    proc = child(*(["--map", str(path)] if saved else []), "--edit", str(expected))
    kill(proc)
    assert path.read_bytes() == MAP_FIXTURE.read_bytes()  # the user's file was never written
    # Restart the editor as a person would (with the map, or with nothing); it asks on start.
    offered = []
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, snap: offered.append(snap) or Recover.RESTORE)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs the emergency save
    _app, w = start([str(path)] if saved else [])
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=5000)
    w.ask.save_changes = lambda *a: Choice.DISCARD
    assert [s.path for s in offered] == [str(path) if saved else None]
    assert cjm_json.dumps(w.document.journey) == expected.read_text(encoding="utf-8")
    assert "Added just before the crash" in [c.title for c in w.document.journey.cards]
    assert saved == ("Renamed just before the crash" in [c.title for c in w.document.journey.cards])
    assert w.session.modified_reason() is Modified.RECOVERED
    assert w.path == (str(path) if saved else None)
    assert w.keeper.recovery.pending() == []  # offered once: the restored map has its own snapshot now


def test_later_keeps_the_snapshot_for_the_next_start_and_discard_removes_it(qtbot, tmp_path):
    expected = tmp_path / "expected.json"
    kill(child("--edit", str(expected)))
    w, _ = restarted(qtbot)
    w.ask.recover = lambda parent, snap: Recover.LATER
    assert w.keeper.offer_recovery() == 0 and len(w.keeper.recovery.pending()) == 1
    w.ask.recover = lambda parent, snap: Recover.DISCARD
    assert w.keeper.offer_recovery() == 0 and w.keeper.recovery.pending() == []


def test_a_second_editor_is_offered_the_choices_and_a_killed_ones_lock_is_cleared(qtbot, tmp_path):
    path = tmp_path / "map.cjm.json"
    path.write_bytes(MAP_FIXTURE.read_bytes())
    proc = child("--map", str(path))
    assert Path(lock_path(str(path))).exists()
    w, _ = restarted(qtbot)
    asked = []
    w.ask.locked = lambda parent, name, holder: asked.append((name, holder)) or Claim.READ_ONLY
    assert w.open_path(path)
    assert asked and asked[0][0] == "map.cjm.json" and str(proc.pid) in asked[0][1]
    assert w.keeper.guard.read_only and w.keeper.guard.lock is None
    chosen = []
    w.ask.save_path = lambda parent, suggestion: chosen.append(suggestion) or str(tmp_path / "mine.cjm.json")
    assert w.save()  # read-only: Save goes to Save As, never to the file the other editor holds
    assert chosen and (tmp_path / "mine.cjm.json").exists()

    kill(proc)  # a stale lock now: its process is gone
    other, _ = restarted(qtbot)
    other.ask.locked = lambda *a: pytest.fail("a stale lock must be cleared, not asked about")
    assert other.open_path(path)
    assert other.keeper.guard.lock is not None and not other.keeper.guard.read_only


def test_taking_over_and_opening_a_copy(qtbot, tmp_path):
    path = tmp_path / "map.cjm.json"
    path.write_bytes(MAP_FIXTURE.read_bytes())
    proc = child("--map", str(path))
    try:
        copy, _ = restarted(qtbot)
        copy.ask.locked = lambda *a: Claim.COPY
        assert copy.open_path(path)
        assert copy.path is None and copy.document.journey.id != cjm_json.load(path).journey.id
        taker, _ = restarted(qtbot)
        taker.ask.locked = lambda *a: Claim.TAKE_OVER
        assert taker.open_path(path)
        assert taker.path == str(path) and taker.keeper.guard.lock is not None
    finally:
        kill(proc)


def test_two_windows_on_copies_of_one_map_both_come_back_after_a_kill(qtbot, tmp_path, monkeypatch):
    """clientY.cjm.json is a plain copy of clientX.cjm.json (the same documentId). Both are edited in
    one editor, autosaved by its writer processes, and the editor is killed: each map is offered and
    comes back with its own edits, into its own window and file."""
    x, y = tmp_path / "clientX.cjm.json", tmp_path / "clientY.cjm.json"
    x.write_bytes(MAP_FIXTURE.read_bytes())
    y.write_bytes(MAP_FIXTURE.read_bytes())
    expected = tmp_path / "expected.json"
    kill(child("--map", str(x), "--map", str(y), "--edit", str(expected)))
    assert x.read_bytes() == y.read_bytes() == MAP_FIXTURE.read_bytes()
    offered = []
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, snap: offered.append(snap) or Recover.RESTORE)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    _app, w = start([])
    qtbot.addWidget(w)
    w.ask.save_changes = lambda *a: Choice.DISCARD
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=5000)
    assert sorted(s.path for s in offered) == [str(x), str(y)]
    assert offered[0].document_id == offered[1].document_id  # copies: one id, two snapshots
    qtbot.waitUntil(lambda: len(keeper._windows) >= 1, timeout=5000)
    windows = [w, keeper._windows[-1]]
    for window in windows:
        qtbot.addWidget(window)
        window.ask.save_changes = lambda *a: Choice.DISCARD
    by_path = {window.path: cjm_json.dumps(window.document.journey) for window in windows}
    assert by_path == {
        str(x): expected.read_text(encoding="utf-8"),
        str(y): Path(f"{expected}.1").read_text(encoding="utf-8"),
    }
    assert by_path[str(x)] != by_path[str(y)]  # each window's own edits, none lost
