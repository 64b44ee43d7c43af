"""Saved versions are kept per file, never per documentId: copies of a map share the id, not the
versions; older editors' per-id folders stay readable; a Save As carries the versions over."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta

from cjm_editor.formats import cjm_json
from cjm_editor.formats.history import LEGACY, HistoryStore

T0 = datetime(2026, 11, 30, 9, tzinfo=UTC)


def saved(store, path, journey, title, when):
    """Save `journey` titled `title` to `path` as the editor does, and keep the version."""
    journey.title = title
    cjm_json.save(journey, path)
    return store.add(path, path.read_text(encoding="utf-8"), journey.id, when=when)


def titles(versions):
    return [v.load().title for v in versions]


def test_a_copy_of_a_map_shares_its_documentid_but_not_its_versions(journey, tmp_path):
    store = HistoryStore(tmp_path / "data")
    a, b = tmp_path / "clientA.cjm.json", tmp_path / "clientB.cjm.json"
    saved(store, a, journey, "A one", T0)
    saved(store, a, journey, "A two", T0 + timedelta(minutes=1))
    shutil.copy(a, b)  # a plain file copy: same documentId
    assert cjm_json.load(b).journey.id == cjm_json.load(a).journey.id
    assert store.versions(b) == [] and store.others(b, journey.id) == []  # A still exists: not B's
    saved(store, b, journey, "B one", T0 + timedelta(minutes=2))
    assert titles(store.versions(a)) == ["A two", "A one"]
    assert titles(store.versions(b)) == ["B one"]
    info = json.loads((store.folder(b) / "file.json").read_text(encoding="utf-8"))
    assert info == {"documentId": journey.id, "path": os.path.realpath(b)}
    assert store.folder(b).name.startswith("clientB.cjm.json-")  # a person can tell which file


def test_two_paths_to_one_file_share_its_versions(journey, tmp_path):
    store = HistoryStore(tmp_path / "data")
    real = tmp_path / "maps" / "map.cjm.json"
    real.parent.mkdir()
    link = tmp_path / "link.cjm.json"
    link.symlink_to(real)
    saved(store, real, journey, "One", T0)
    assert titles(store.versions(link)) == ["One"]
    assert store.folder(tmp_path / "maps" / ".." / "maps" / "map.cjm.json") == store.folder(real)


def test_save_as_carries_the_versions_over_and_the_old_file_keeps_its_own(journey, tmp_path):
    store = HistoryStore(tmp_path / "data")
    a, b = tmp_path / "a.cjm.json", tmp_path / "b.cjm.json"
    saved(store, a, journey, "A one", T0)
    saved(store, a, journey, "A two", T0 + timedelta(minutes=1))
    assert store.carry(a, b) == 2
    saved(store, b, journey, "B one", T0 + timedelta(minutes=2))
    assert titles(store.versions(b)) == ["B one", "A two", "A one"]
    assert [v.origin for v in store.versions(b)] == ["", os.path.realpath(a), os.path.realpath(a)]
    assert titles(store.versions(a)) == ["A two", "A one"] and store.versions(a)[0].origin == ""
    assert store.carry(a, b) == 0 and store.carry(b, b) == 0  # never twice, never onto itself


def test_an_older_editors_versions_under_the_documentid_stay_readable(journey, tmp_path):
    store = HistoryStore(tmp_path / "data")
    legacy = store.root / journey.id  # how editors before this one kept them
    legacy.mkdir(parents=True)
    journey.title = "Saved by the old editor"
    (legacy / "20261101T100000.000000Z.json").write_text(cjm_json.dumps(journey), encoding="utf-8")
    path = tmp_path / "map.cjm.json"
    saved(store, path, journey, "Saved now", T0)
    assert titles(store.versions(path)) == ["Saved now"]
    (old,) = store.others(path, journey.id)
    assert old.origin == LEGACY and old.load().title == "Saved by the old editor"
    assert store.others(path, "another-id") == []
    for _ in range(3):
        saved(store, path, journey, f"Saved at {_}", T0 + timedelta(days=40 + _))  # prunes its own
    assert (legacy / "20261101T100000.000000Z.json").exists()  # never moved, pruned or deleted


def test_the_versions_of_a_file_moved_away_outside_the_editor_are_offered_by_its_id(journey, tmp_path):
    store = HistoryStore(tmp_path / "data")
    old, new, copy = tmp_path / "old.cjm.json", tmp_path / "new.cjm.json", tmp_path / "copy.cjm.json"
    saved(store, old, journey, "Before the move", T0)
    shutil.copy(old, copy)
    saved(store, copy, journey, "The copy's own", T0 + timedelta(minutes=1))
    assert store.others(new, journey.id) == []  # old.cjm.json is still there: its versions are its own
    os.rename(old, new)  # `mv`, outside the editor
    (moved,) = store.others(new, journey.id)
    assert moved.load().title == "Before the move" and moved.origin == os.path.realpath(old)
