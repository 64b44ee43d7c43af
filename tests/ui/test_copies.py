"""Copies of a map share its documentId, never its History: the real window, real files, a plain
`cp`, Save As through the editor, and the folder an older editor kept versions in."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QLabel

from cjm_editor.commands.cards import EditCard
from cjm_editor.formats import cjm_json
from cjm_editor.formats.history import LEGACY
from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from cjm_editor.ui.recovery.dialogs import RecoveryDialog
from cjm_editor.ui.recovery.guard import Claim
from cjm_editor.ui.recovery.history import show_history


def rename(window, title: str) -> None:
    window.undo_stack.push(EditCard(window.document, "a-checkout", "Rename", title=title))


def another_window(qtbot, path: Path) -> MainWindow:
    w = MainWindow()
    w.ask.save_changes = lambda *args: Choice.DISCARD
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    return w


def rows(dialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_a_copy_made_with_cp_does_not_list_or_restore_the_originals_versions(window, qtbot, tmp_path):
    client_a = Path(window.path)
    rename(window, "Client A, first")
    assert window.save()
    rename(window, "Client A, second")
    assert window.save()
    window.close()
    client_b = tmp_path / "clientB.cjm.json"
    shutil.copy(client_a, client_b)  # a facilitator starts client B from client A's map
    w = another_window(qtbot, client_b)
    assert w.document.journey.id == cjm_json.load(client_a).journey.id  # the same documentId
    dialog = show_history(w)
    assert dialog.versions == []
    assert rows(dialog) == ["No saved versions of this file yet: each save keeps one."]
    assert not dialog.restore_button.isEnabled()
    dialog.close()
    rename(w, "Client B, first")
    assert w.save()
    dialog = show_history(w)
    assert [v.load().title for v in dialog.versions] == [w.document.journey.title]
    assert [c.title for c in dialog.map(0).cards if c.id == "a-checkout"] == ["Client B, first"]
    dialog.close()
    a = another_window(qtbot, client_a)
    assert len(show_history(a).versions) == 2  # client A's own versions, untouched


def test_save_as_carries_the_versions_over_labelled_and_the_old_file_keeps_its_own(window, qtbot, tmp_path):
    old = Path(window.path)
    rename(window, "Before Save As")
    assert window.save()
    new = tmp_path / "renamed.cjm.json"
    assert window.files.save_as(new)
    rename(window, "After Save As")
    assert window.save()
    dialog = show_history(window)
    texts = rows(dialog)
    assert len(texts) == 2 and texts[0].endswith("1 card changed")  # its own, against the one before
    assert texts[1].endswith("(saved as map.cjm.json)")  # carried over (the Save As wrote the same text)
    assert dialog.restore(1)  # a carried version restores like any other: one undo step
    assert [c.title for c in window.document.journey.cards if c.id == "a-checkout"] == ["Before Save As"]
    window.undo_stack.undo()
    dialog.close()
    window.close()
    w = another_window(qtbot, old)
    assert [v.origin for v in show_history(w).versions] == [""]  # its own; nothing of renamed.cjm.json


def test_versions_an_older_editor_kept_under_the_documentid_are_shown_apart(window, qtbot):
    history = window.keeper.history
    legacy = history.root / window.document.journey.id
    legacy.mkdir(parents=True)
    journey = cjm_json.load(window.path).journey
    journey.title = "Kept by the previous editor"
    (legacy / "20261101T100000.000000Z.json").write_text(cjm_json.dumps(journey), encoding="utf-8")
    assert window.save()
    dialog = show_history(window)
    texts = rows(dialog)
    assert len(texts) == 3 and texts[1].startswith("Not saved as this file")
    assert texts[2].endswith(f"({LEGACY})") and "first saved version" in texts[2]
    dialog.list.item(1).setSelected(True)  # the heading cannot be picked
    assert dialog.selected() == []
    dialog.list.item(2).setSelected(True)
    assert dialog.selected() == [1] and dialog.restore_button.isEnabled()
    assert dialog.restore(1) and window.document.journey.title == "Kept by the previous editor"
    dialog.close()


def test_a_symlink_to_an_open_map_is_the_same_file_and_is_asked_about(window, qtbot, tmp_path):
    link = tmp_path / "elsewhere" / "link.cjm.json"
    link.parent.mkdir()
    link.symlink_to(window.path)
    other = MainWindow()
    qtbot.addWidget(other)
    asked = []
    other.ask.locked = lambda parent, name, holder: asked.append(name) or Claim.CANCEL
    assert not other.open_path(link)  # one file, one lock: saving through the link would overwrite it
    assert asked == ["link.cjm.json"] and not (link.parent / ".link.cjm.json.lock").exists()


def test_opening_a_saved_version_read_only_leaves_the_windows_snapshot_alone(window, qtbot):
    assert window.save()
    rename(window, "Unsaved, autosaved")
    assert window.keeper.autosave.flush()
    dialog = show_history(window)
    read_only = dialog.open_read_only(0)  # another window showing a map with the same documentId
    qtbot.addWidget(read_only)
    read_only.ask.save_changes = lambda *args: Choice.DISCARD
    (snap,) = window.keeper.recovery.all()
    assert snap.path == window.path
    assert [c.title for c in snap.load().cards if c.id == "a-checkout"] == ["Unsaved, autosaved"]
    read_only.close()
    assert len(window.keeper.recovery.all()) == 1  # its clean close takes only its own
    dialog.close()


def test_the_recovery_question_names_the_file_first_since_copies_share_a_title(window, qtbot, tmp_path):
    store = window.keeper.recovery
    text = cjm_json.dumps(window.document.journey)
    for name in ("clientX.cjm.json", "clientY.cjm.json"):
        key, path = store.new_key(), str(tmp_path / name)
        store.write(key, text, path, "<b>One title</b>", pid=2**22 + 11, document_id="same")
    labels = []
    for snap in store.pending():
        dialog = RecoveryDialog(window, snap)
        qtbot.addWidget(dialog)
        labels.append(dialog.findChild(QLabel).text())
    names = sorted(label.split("</b>")[0].replace("<span>", "").replace("</span>", "") for label in labels)
    assert names == ["<b>clientX.cjm.json", "<b>clientY.cjm.json"]
    assert all("(<span>&lt;b&gt;One title&lt;/b&gt;</span>)" in label for label in labels)  # as typed
