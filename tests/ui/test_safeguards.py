"""Autosave, the emergency save, outside changes, deletion, history, compare and the bundled sample,
in the real window with real files (the data folder is the test's own: tests/ui/conftest.py)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from cjm_editor.commands.cards import EditCard
from cjm_editor.formats import cjm_json
from cjm_editor.formats.recovery import RecoveryStore
from cjm_editor.formats.templates import sample_path
from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from cjm_editor.ui.recovery import crash
from cjm_editor.ui.recovery.compare import CompareView
from cjm_editor.ui.recovery.dialogs import Recover, RecoveryDialog
from cjm_editor.ui.recovery.guard import Claim, Outside
from cjm_editor.ui.recovery.history import HistoryDialog, compare_with, show_history
from cjm_editor.ui.session import Modified
from tests.formats.test_migrations import FIXTURES


def rename(window, card_id: str, title: str) -> None:
    window.undo_stack.push(EditCard(window.document, card_id, "Rename", title=title))


def test_autosave_writes_a_snapshot_off_the_ui_thread_and_the_status_bar_says_when(window, qtbot):
    autosave = window.keeper.autosave
    store = autosave.store
    rename(window, "a-checkout", "Autosaved title")
    assert autosave.pending and autosave._idle.isActive() and autosave._longest.isActive()
    with qtbot.waitSignal(autosave.autosaved, timeout=10000):
        autosave._idle.timeout.emit()  # what the timer does when edits pause
    (snap,) = store.all()
    assert snap.path == str(window.path) and not autosave.pending
    assert [c.title for c in snap.load().cards if c.id == "a-checkout"] == ["Autosaved title"]
    assert "Autosaved title" not in Path(window.path).read_text(encoding="utf-8")  # never the user's file
    assert "Autosaved" in window.keeper.status.text() and "—" in window.keeper.status.text()
    assert window.save()
    assert store.all() == []  # saved: the snapshot is gone
    assert "Saved —" not in window.keeper.status.text()


def test_a_clean_close_removes_the_snapshot(window, qtbot):
    rename(window, "a-checkout", "Closing")
    assert window.keeper.autosave.flush()
    assert len(window.keeper.recovery.all()) == 1
    window.close()  # the fixture's ask answers Discard
    assert window.keeper.recovery.all() == []


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_leaves_a_snapshot_and_shows_the_error_dialog(window, qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *a: None)  # the default would print only
    crash.install()
    rename(window, "a-checkout", "Unsaved when it broke")
    store = window.keeper.recovery
    assert store.all() == []

    def broken() -> None:
        raise RuntimeError("a slot went wrong")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: crash.last_dialog is not None and crash.last_dialog.isVisible(), timeout=1000)
    (snap,) = store.all()  # written before the dialog was shown
    assert [c.title for c in snap.load().cards if c.id == "a-checkout"] == ["Unsaved when it broke"]
    dialog = crash.last_dialog
    assert "a slot went wrong" in dialog.details.toPlainText()
    assert "map.cjm.json" in dialog.findChild(QLabel).text()  # says whose changes were kept
    QTest.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert "RuntimeError: a slot went wrong" in QGuiApplication.clipboard().text()
    assert dialog.isVisible()  # copying does not close it
    dialog.close()
    crash.last_dialog = None


def replace_from_outside(path: Path, title: str) -> str:
    """What a sync client does: write a new file beside it, then rename it over the map."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = title
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    tmp = path.with_name(".sync-tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return text


def test_an_outside_change_with_no_local_edits_reloads_keeping_the_selection(window, qtbot):
    window.scene.select_only(["a-checkout"])
    zoom = window.canvas.zoom()
    with qtbot.waitSignal(window.keeper.guard.outside_change, timeout=5000):
        replace_from_outside(Path(window.path), "Changed by a sync client")
    assert window.document.journey.title == "Changed by a sync client"
    assert not window.is_modified()
    assert [i.element_id for i in window.scene.selectedItems()] == ["a-checkout"]
    assert window.canvas.zoom() == zoom
    with qtbot.waitSignal(window.keeper.guard.outside_change, timeout=5000):
        replace_from_outside(Path(window.path), "And again")  # the watch survived the rename
    assert window.document.journey.title == "And again"


def test_an_outside_change_with_unsaved_edits_loses_neither_side(window, qtbot, tmp_path):
    rename(window, "a-checkout", "My unsaved edit")
    asked = []
    window.ask.outside_change = lambda parent, name: asked.append(name) or Outside.KEEP_BOTH
    with qtbot.waitSignal(window.keeper.guard.outside_change, timeout=5000):
        theirs = replace_from_outside(tmp_path / "map.cjm.json", "Their edit")
    assert asked == ["map.cjm.json"]
    assert (tmp_path / "map.cjm.json").read_text(encoding="utf-8") == theirs  # theirs untouched
    mine = tmp_path / "map (my changes).cjm.json"
    assert window.path == str(mine) and not window.is_modified()
    assert "My unsaved edit" in mine.read_text(encoding="utf-8")
    assert "Their edit" not in mine.read_text(encoding="utf-8")


def test_keep_mine_then_save_asks_before_replacing_the_other_programs_file(window, qtbot, tmp_path):
    rename(window, "a-checkout", "Mine")
    window.ask.outside_change = lambda parent, name: Outside.KEEP_MINE
    with qtbot.waitSignal(window.keeper.guard.outside_change, timeout=5000):
        theirs = replace_from_outside(tmp_path / "map.cjm.json", "Theirs")
    questions = []
    window.ask.confirm = lambda parent, title, text: questions.append(title) or False
    assert not window.save()
    assert questions == ["The file changed on disk"]
    assert (tmp_path / "map.cjm.json").read_text(encoding="utf-8") == theirs
    window.ask.confirm = lambda parent, title, text: True
    assert window.save() and "Mine" in (tmp_path / "map.cjm.json").read_text(encoding="utf-8")


def test_a_deleted_file_is_reported_and_saving_asks_first(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.keeper.guard.outside_change, timeout=5000):
        os.remove(window.path)
    assert window.last_message is not None and "deleted" in window.last_message.text()
    questions = []
    window.ask.confirm = lambda parent, title, text: questions.append(title) or False
    assert not window.save()
    assert questions == ["The file was deleted"] and not (tmp_path / "map.cjm.json").exists()
    window.ask.confirm = lambda parent, title, text: True
    assert window.save() and (tmp_path / "map.cjm.json").exists()


def test_history_lists_saved_versions_and_restore_is_one_undo_step(window, qtbot):
    original = cjm_json.dumps(window.document.journey)
    assert window.save()
    rename(window, "a-checkout", "Second version")
    assert window.save()
    rename(window, "a-checkout", "Third version")
    assert window.save()
    dialog = show_history(window)
    assert dialog.list.count() == 3
    rows = [dialog.list.item(i).text() for i in range(3)]
    assert rows[0].endswith("1 card changed") and rows[2].endswith("first saved version")
    assert "KB" in rows[0]
    steps = window.undo_stack.count()
    assert dialog.restore(2)
    assert window.undo_stack.count() == steps + 1
    restored = cjm_json.dumps(window.document.journey)
    assert restored == original and window.is_modified()
    window.undo_stack.undo()
    assert [c.title for c in window.document.journey.cards if c.id == "a-checkout"] == ["Third version"]
    view = dialog.compare(2, 0)
    assert view.marks == {"a-checkout": "changed"}
    assert view.changes.count() >= 1 and "Third version" in view.changes.item(0).text()
    read_only = dialog.open_read_only(1)
    assert read_only.keeper.guard.read_only and read_only.scene.mode.name == "compare"
    assert not any(dock.widget().isEnabled() for dock in read_only.docks.all)
    assert [c.title for c in read_only.document.journey.cards if c.id == "a-checkout"] == ["Second version"]
    read_only.ask.save_changes = window.ask.save_changes
    read_only.close()
    view.close()
    dialog.close()


def test_compare_with_marks_moved_added_and_removed_cards(window, qtbot, tmp_path):
    other = tmp_path / "before.cjm.json"
    other.write_bytes(Path(window.path).read_bytes())
    doc = window.document
    doc.move_card_to("a-checkout", "s-consider", "l-backstage")  # as a co-editor's change would land
    doc.remove_card("t-landing")
    view = compare_with(window, str(other))
    assert view.marks["a-checkout"] == "moved" and view.marks["t-landing"] == "removed"
    assert view.scene.item_for("t-landing") is not None  # the removed card is shown, struck out
    assert view.scene.mode.name == "compare"
    view.close()


def test_a_snapshot_from_the_previous_format_restores_in_the_window(window, qtbot):
    store = RecoveryStore()
    assert store.root.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))
    text = (FIXTURES / "v2-freshbox.cjm.json").read_text(encoding="utf-8")
    store.write("an-old-editors-map", text, None, "From the previous version", pid=2**22 + 7)
    window.ask.recover = lambda parent, snap: Recover.RESTORE
    window.ask.save_changes = lambda *a: pytest.fail("the open map was saved; nothing to ask")
    assert window.keeper.offer_recovery() == 1
    window.ask.save_changes = lambda *a: Choice.DISCARD
    assert window.session.modified_reason() is Modified.RECOVERED
    assert len(window.document.journey.cards) == len(cjm_json.loads(text.encode()).journey.cards)


def test_ctrl_s_after_opening_the_bundled_sample_does_not_touch_the_install_folder(window, qtbot, tmp_path):
    folder = Path(sample_path()).parent.parent
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    assert window.open_path(sample_path())
    assert window.path is None and not window.is_modified()  # an untitled copy, nothing to save yet
    rename(window, window.document.journey.cards[0].id, "An edit to the sample")
    suggested = []
    window.ask.save_path = lambda parent, suggestion: (
        suggested.append(suggestion) or str(tmp_path / "kept.cjm.json")
    )
    window.activateWindow()
    window.canvas.setFocus()
    QTest.keySequence(window, QKeySequence.StandardKey.Save)
    assert suggested and Path(suggested[0]).parent == Path(os.environ["XDG_DOCUMENTS_DIR"])
    assert (tmp_path / "kept.cjm.json").exists() and window.path == str(tmp_path / "kept.cjm.json")
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert not any(p.name.endswith(".lock") for p in folder.rglob("*"))


def test_restoring_never_overwrites_a_file_that_changed_after_the_snapshot(window, qtbot, tmp_path):
    path = Path(window.path)
    rename(window, "a-checkout", "In the snapshot")
    store = RecoveryStore()
    store.write(
        window.document.journey.id, cjm_json.dumps(window.document.journey), str(path), "x", pid=2**22 + 9
    )
    window.undo_stack.undo()
    newer = replace_from_outside(path, "Saved later by someone else")
    os.utime(path, (path.stat().st_atime + 5, path.stat().st_mtime + 5))
    window.ask.recover = lambda parent, snap: Recover.RESTORE
    window.ask.outside_change = lambda parent, name: pytest.fail("not modified: reloads")
    assert window.keeper.offer_recovery() == 1
    window.ask.save_changes = lambda *a: Choice.DISCARD
    assert window.path is None  # an untitled copy: Save asks where
    assert [c.title for c in window.document.journey.cards if c.id == "a-checkout"] == ["In the snapshot"]
    assert path.read_text(encoding="utf-8") == newer
    assert (
        "untitled copy" in window.last_message.text().lower()
        or "untitled" in window.last_message.windowTitle()
    )


def test_the_file_menu_opens_history_and_compare_with(window, qtbot, tmp_path):
    actions = {a.text().replace("&", ""): a for a in window.menuBar().actions()[0].menu().actions()}
    assert window.save()
    actions["History…"].trigger()
    dialog = window.keeper.last_dialog
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible() and dialog.list.count() == 1
    dialog.close()
    other = tmp_path / "other.cjm.json"
    other.write_bytes(Path(window.path).read_bytes())
    rename(window, "a-checkout", "Renamed since")
    window.ask.open_path = lambda parent, folder: str(other)
    actions["Compare with…"].trigger()
    view = window.keeper.last_dialog
    assert isinstance(view, CompareView) and view.marks == {"a-checkout": "changed"}
    view.close()


def test_the_recovery_compare_says_what_the_snapshot_adds_to_the_file(window, qtbot):
    rename(window, "a-checkout", "Only in the snapshot")
    RecoveryStore().write(
        window.document.journey.id, cjm_json.dumps(window.document.journey), window.path, "x", pid=2**22 + 5
    )
    (snap,) = RecoveryStore().pending()
    dialog = RecoveryDialog(window, snap)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.mouseClick(dialog.compare, Qt.MouseButton.LeftButton)
    text = dialog.details.toPlainText()
    assert "1 card changed" in text and "'Picks a plan and pays' → 'Only in the snapshot'" in text
    dialog.close()


def test_a_second_window_of_the_same_editor_is_asked_too_and_the_lock_goes_with_the_first(window, qtbot):
    second = MainWindow()
    qtbot.addWidget(second)
    asked = []
    second.ask.locked = lambda parent, name, holder: asked.append(holder) or Claim.CANCEL
    assert not second.open_path(window.path)
    assert asked and str(os.getpid()) in asked[0] and second.path is None
    window.close()  # a clean close gives the lock back
    second.ask.locked = lambda *a: pytest.fail("nobody holds the file now")
    assert second.open_path(Path(window.path))
    second.close()


def test_when_the_writer_process_dies_the_snapshot_is_written_by_a_thread(window, qtbot):
    autosave = window.keeper.autosave
    rename(window, "a-checkout", "First")
    with qtbot.waitSignal(autosave.autosaved, timeout=10000):
        autosave.snapshot_now()
    writer = autosave._writer
    assert writer is not None and writer.alive
    rename(window, "a-checkout", "After the writer died")
    writer.proc.kill()  # as the system might, short of memory
    with qtbot.waitSignal(autosave.autosaved, timeout=10000):
        pass  # the death is noticed and the pending edit written by the fallback
    assert autosave._writer is None and not autosave.pending
    (snap,) = autosave.store.all()
    assert [c.title for c in snap.load().cards if c.id == "a-checkout"] == ["After the writer died"]
