"""Nothing is lost when a co-editor is killed, another edits offline and the host restarts."""

from __future__ import annotations

import shutil
import signal

import pytest

from cjm_editor.collab.peer import OFFLINE, SYNCED
from cjm_editor.collab.shared import SharedMap
from cjm_editor.formats import cjm_json
from cjm_editor.model.journey import Card
from tests.collab.hosting import agent, expect, finish, free_port, serve, tell

pytestmark = pytest.mark.timeout(180)


def test_killed_client_offline_edits_and_a_host_restart_lose_nothing(tmp_path, sample_file):
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    store, port = tmp_path / "store.sqlite", free_port()
    host = serve(map_path, store, port=port)
    a = agent(host.address, host.code, "--seed", "7", "--edits", "40")
    b = SharedMap(host.address, host.code)
    c: SharedMap | None = None
    host2 = None
    try:
        expect(a, "JOINED")
        b.join(30)
        assert b.doc is not None
        tell(a, "go")
        expect(a, "EDITED")
        tell(a, f"dump {tmp_path / 'a.json'}")
        expect(a, "DUMPED")
        a_map = (tmp_path / "a.json").read_text()
        assert b.wait(lambda: cjm_json.dumps(b.doc.journey) == a_map, 20), "B never saw A's edits"
        a.send_signal(signal.SIGKILL)
        finish(a)

        # the host stops (its store flushed); B keeps editing offline
        assert host.stop() == 0
        assert b.wait(lambda: b.state == OFFLINE, 20)
        doc = b.doc
        card = doc.journey.cards[0]
        doc.update_card(card.id, title="edited offline")
        doc.add_card(
            Card(doc.journey.stages[0].id, doc.journey.lanes[0].id, title="added offline", id="offline")
        )
        expected = cjm_json.dumps(doc.journey)

        # the map file goes back to the original: the room must come from the store, not the file
        shutil.copy(sample_file, map_path)
        host2 = serve(map_path, store, port=port, code=host.code)
        assert any(line.startswith("resumed the shared history") for line in host2.out)
        assert b.wait(lambda: b.state == SYNCED, 30), "B did not reconnect"
        c = SharedMap(host2.address, host2.code)
        c.join(30)
        assert c.wait(lambda: cjm_json.dumps(c.doc.journey) == expected, 20), "C misses something"
        assert cjm_json.dumps(b.doc.journey) == expected
    finally:
        b.close()
        if c is not None:
            c.close()
        if a.returncode is None:
            a.kill()
            finish(a)
        if host2 is not None:
            host2.stop()
        host.stop()
    # the host's saved copy has everything too
    assert cjm_json.dumps(cjm_json.load(map_path).journey) == expected


def test_edits_just_before_the_host_stops_are_kept(tmp_path, sample_file):
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    store, port = tmp_path / "store.sqlite", free_port()
    host = serve(map_path, store, port=port)
    b = SharedMap(host.address, host.code)
    try:
        doc = b.join(30)
        watcher = SharedMap(host.address, host.code)
        seen = watcher.join(30)
        for i in range(20):
            doc.update_card(doc.journey.cards[i].id, title=f"last words {i}")
        assert watcher.wait(
            lambda: (
                seen.journey.cards[19].title == "last words 19"
                or any(c.title == "last words 19" for c in seen.journey.cards)
            ),
            20,
        )
        watcher.close()
        host.stop()  # right away: the flusher must write what it buffered before exiting
    finally:
        b.close()
        host.stop()
    shutil.copy(sample_file, map_path)
    host2 = serve(map_path, store, port=port)
    try:
        again = SharedMap(host2.address, host2.code)
        journey = again.join(30).journey
        titles = {c.title for c in journey.cards}
        again.close()
    finally:
        host2.stop()
    assert {f"last words {i}" for i in range(20)} <= titles


def test_a_map_file_changed_while_not_shared_is_kept_when_the_history_resumes(tmp_path, sample_file):
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    store = tmp_path / "history" / "store.sqlite"
    host = serve(map_path, store)
    host.stop()
    journey = cjm_json.load(map_path).journey
    journey.title = "Edited while not shared"
    cjm_json.save(journey, map_path)
    host = serve(map_path, store)
    try:
        kept = [line for line in host.out if "is kept in" in line]
        assert kept, host.out
        copies = list(store.parent.glob("*before-sharing*.cjm.json"))
        assert len(copies) == 1
        assert cjm_json.load(copies[0]).journey.title == "Edited while not shared"
    finally:
        host.stop()
