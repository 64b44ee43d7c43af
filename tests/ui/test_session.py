"""The document session: why a map is modified, its signals, and panels that follow a new document."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cjm_editor.commands.structure import RenameStage
from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError
from cjm_editor.formats.templates import template
from cjm_editor.model import JourneyDocument
from cjm_editor.ui.session import DocumentSession, Modified
from tests.ui.conftest import UI_MAP


@pytest.fixture
def session(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return DocumentSession()


def record(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args[0] if args else None))
    return seen


def test_each_reason_to_save_is_told_apart(session, tmp_path):
    path = tmp_path / "map.cjm.json"
    path.write_bytes(UI_MAP.read_bytes())
    assert session.load(path).lines() == [] and session.modified_reason() is None
    session.undo_stack.push(RenameStage(session.document, "s-discover", "Notice"))
    assert session.modified_reason() is Modified.EDITED
    session.undo_stack.undo()
    assert not session.is_modified()

    damaged = tmp_path / "damaged.cjm.json"
    damaged.write_text(path.read_text().replace('"stage": "s-renew"', '"stage": "s-gone"', 1))
    assert session.load(damaged)
    assert session.modified_reason() is Modified.REPAIRED
    session.undo_stack.push(RenameStage(session.document, "s-discover", "Notice"))
    session.undo_stack.undo()
    assert session.modified_reason() is Modified.REPAIRED, "undoing edits does not undo the repair"
    session.save_as(tmp_path / "fixed.cjm.json")
    assert session.modified_reason() is None and session.path == str(tmp_path / "fixed.cjm.json")

    session.adopt(JourneyDocument(template("blank")))
    assert session.modified_reason() is Modified.IMPORTED and session.path is None
    session.load(path)
    session.adopt(JourneyDocument(cjm_json.load(path).journey), Modified.RECOVERED)
    assert session.modified_reason() is Modified.RECOVERED and session.path == str(path), "keeps its file"


def test_signals_say_what_changed(session, tmp_path):
    replaced, modified, paths = (
        record(s) for s in (session.document_replaced, session.modified_changed, session.path_changed)
    )
    path = tmp_path / "map.cjm.json"
    path.write_bytes(UI_MAP.read_bytes())
    session.load(path)
    assert replaced == [session.document] and paths == [str(path)] and modified == []
    session.undo_stack.push(RenameStage(session.document, "s-discover", "Notice"))
    assert modified == [True]
    session.save_as(path)
    assert modified == [True, False] and paths == [str(path)], "same path: no path_changed"
    session.new_from_template("blank")
    assert len(replaced) == 2 and paths == [str(path), None]
    assert session.undo_stack.count() == 0


def test_a_load_error_keeps_the_open_map(session, tmp_path):
    doc = session.document
    bad = tmp_path / "bad.cjm.json"
    bad.write_text("{", encoding="utf-8")
    replaced = record(session.document_replaced)
    with pytest.raises(LoadError):
        session.load(bad)
    assert session.document is doc and replaced == [] and session.path is None


def test_recent_files_newest_first_without_repeats(session, tmp_path):
    for name in ("a", "b", "a"):
        path = tmp_path / f"{name}.cjm.json"
        path.write_bytes(UI_MAP.read_bytes())
        session.load(path)
    recent = session.recent_files()  # QSettings is read once per process: other tests' files follow
    assert recent[:2] == [str(tmp_path / "a.cjm.json"), str(tmp_path / "b.cjm.json")]
    assert recent.count(str(tmp_path / "a.cjm.json")) == 1


def test_panels_follow_the_new_document_of_the_session(window, tmp_path):
    other = tmp_path / "other.cjm.json"
    doc = JourneyDocument(template("blank"))
    cjm_json.save(doc.journey, other)
    assert window.open_path(other)
    docks = window.docks
    assert docks.outline.doc is window.document is docks.inspector.doc is docks.personas.doc
    assert window.find_bar.doc is window.document and window.scene.doc is window.document
    assert docks.outline.item_for("t-checkout") is None
    window.find_bar.open()
    window.find_bar.field.setText("Checkout")
    assert window.find_bar.count.text() == "No matches", "it searches the new map"
    assert window.windowTitle().startswith("other.cjm.json")


def test_opening_a_map_replaces_the_scene_and_the_old_one_goes_quietly(window, tmp_path, qtbot):
    old = window.scene
    window.scene.select_only(["t-checkout"])
    path = Path(window.path)
    assert window.open_path(path)
    assert window.scene is not old
    window.scene.select_only(["t-landing"])
    assert window.docks.inspector.heading.text() == "Touchpoint"
    assert window.docks.outline.selectedItems()[0].data(0, Qt.ItemDataRole.UserRole) == "t-landing"
