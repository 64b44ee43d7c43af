"""Recovery snapshots and saved versions on disk: written whole, read back, pruned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from cjm_editor.formats import cjm_json
from cjm_editor.formats.history import KEEP_DAYS, KEEP_LAST, HistoryStore
from cjm_editor.formats.recovery import RecoveryStore, data_folder
from tests.formats.test_migrations import FIXTURES  # the stored maps of older formats


def test_the_data_folder_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_folder() == tmp_path / "cjm-editor"


def test_a_snapshot_of_a_dead_process_is_pending_and_restores_the_map(journey, tmp_path):
    store = RecoveryStore(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    pid = int(dead.stdout)
    store.write(journey.id, cjm_json.dumps(journey), None, journey.title, pid=pid)
    store.write("mine", cjm_json.dumps(journey), "/x/y.cjm.json", "Mine")  # this process: still open
    (snap,) = store.pending()
    assert snap.document_id == journey.id and snap.path is None and snap.pid == pid
    assert cjm_json.dumps(snap.load()) == cjm_json.dumps(journey)
    store.remove(journey.id)
    assert store.pending() == [] and not store.snapshot_file(journey.id).exists()


def test_a_snapshot_written_by_the_previous_format_version_still_restores(tmp_path):
    store = RecoveryStore(tmp_path)
    old = (FIXTURES / "v2-freshbox.cjm.json").read_text(encoding="utf-8")
    store.write("old-map", old, None, "Old", pid=2**22 + 12345)
    (snap,) = store.pending()
    restored = snap.load()
    assert restored.cards and all(c.order for c in restored.cards)  # upgraded: cards got order keys
    assert len(restored.cards) == len(cjm_json.loads(old.encode()).journey.cards)


def test_a_damaged_manifest_is_skipped_not_raised(tmp_path):
    store = RecoveryStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / "x.manifest.json").write_text("{not json", encoding="utf-8")
    assert store.pending() == []


def test_history_keeps_the_last_twenty_and_one_a_day_for_thirty_days(journey, tmp_path):
    store, path = HistoryStore(tmp_path), tmp_path / "map.cjm.json"
    now = datetime(2026, 6, 30, 12, tzinfo=UTC)
    # three saves a day for 40 days, then 25 saves in the last hour
    times = [now - timedelta(days=d, hours=h) for d in range(40, 0, -1) for h in (9, 5, 1)]
    times += [now - timedelta(minutes=60 - m) for m in range(25)]
    for i, t in enumerate(times):
        journey.title = f"Version {i}"
        store.add(path, cjm_json.dumps(journey), journey.id, when=t)
    versions = store.versions(path)
    kept = [v.time for v in versions]
    assert kept[:KEEP_LAST] == sorted(times, reverse=True)[:KEEP_LAST]
    older = kept[KEEP_LAST:]
    assert len({t.date() for t in older}) == len(older)  # one a day
    assert all(now - t <= timedelta(days=KEEP_DAYS) for t in older)
    assert min(kept) >= now - timedelta(days=KEEP_DAYS)
    assert len(older) == KEEP_DAYS - 1  # every day back to 30 days, today being in the last 20
    assert versions[0].load().title == f"Version {len(times) - 1}"


def test_saving_the_same_text_twice_keeps_one_version(journey, tmp_path):
    store, path = HistoryStore(tmp_path), tmp_path / "map.cjm.json"
    text = cjm_json.dumps(journey)
    store.add(path, text, journey.id)
    store.add(path, text, journey.id)
    assert len(store.versions(path)) == 1
    assert sorted(os.listdir(store.folder(path)))[0].endswith("Z.json")


def test_two_windows_on_copies_of_one_map_keep_two_snapshots(journey, tmp_path):
    store = RecoveryStore(tmp_path)
    dead = 2**22 + 77
    first, second = store.new_key(), store.new_key()
    store.write(first, cjm_json.dumps(journey), "/maps/x.cjm.json", "X", pid=dead, document_id=journey.id)
    store.write(second, cjm_json.dumps(journey), "/maps/y.cjm.json", "Y", pid=dead, document_id=journey.id)
    pending = store.pending()
    assert sorted(s.path for s in pending) == ["/maps/x.cjm.json", "/maps/y.cjm.json"]
    assert {s.document_id for s in pending} == {journey.id} and {s.key for s in pending} == {first, second}
    store.remove(first)
    assert [s.key for s in store.pending()] == [second]


def test_a_snapshot_an_older_editor_kept_under_the_documentid_is_offered_and_removed(journey, tmp_path):
    store = RecoveryStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / f"{journey.id}.snapshot.json").write_text(cjm_json.dumps(journey), encoding="utf-8")
    manifest = {"documentId": journey.id, "path": None, "title": "Old", "time": "2026-11-30T09:00:00+00:00"}
    manifest |= {"pid": 2**22 + 3, "clean": False, "formatVersion": 3}
    (store.root / f"{journey.id}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (snap,) = store.pending()
    assert (snap.key, snap.document_id, snap.title) == (journey.id, journey.id, "Old")
    assert cjm_json.dumps(snap.load()) == cjm_json.dumps(journey)
    store.remove(snap.key)
    assert store.pending() == [] and list(store.root.iterdir()) == []
