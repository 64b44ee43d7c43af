"""A shared map's history is kept per map file: copies of a map (one documentId) never resume each
other's room, and a room an older editor kept per documentId is resumed only by the file it holds."""

from __future__ import annotations

import shutil

import anyio
from pycrdt import Doc
from pycrdt.store import SQLiteYStore

from cjm_editor.collab.host import ROOM, Host, HostOptions, default_store, legacy_store
from cjm_editor.collab.ystate import populate
from cjm_editor.formats import cjm_json
from cjm_editor.model import Card


def test_copies_of_a_map_get_stores_of_their_own(journey, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    x, y = tmp_path / "clientX.cjm.json", tmp_path / "clientY.cjm.json"
    cjm_json.save(journey, x)
    shutil.copy(x, y)
    assert default_store(x, journey.id) != default_store(y, journey.id)
    assert default_store(x, journey.id) == default_store(tmp_path / "." / "clientX.cjm.json", "other id")
    assert default_store(x, journey.id).name.startswith("clientX.cjm.json-")
    assert default_store(None, journey.id).name == f"untitled-{journey.id}.sqlite"
    assert legacy_store(journey.id).name == f"{journey.id}.sqlite"  # where older editors kept it


def serve_once(journey, store, legacy) -> tuple[bool, str]:
    """Start a host on 127.0.0.1, stop it at once; whether it resumed, and the map its room held."""
    host = Host(journey, store, HostOptions(bind="127.0.0.1", port=0, flush_seconds=0.05), legacy)

    async def main() -> None:
        await host.run(lambda _info: host.stop.set())

    anyio.run(main)
    assert host.info is not None
    return host.info.resumed, cjm_json.dumps(host.snapshot())


def write_room(journey, path) -> None:
    async def main() -> None:
        store = SQLiteYStore(path=ROOM)
        store.db_path = str(path)
        ydoc: Doc = Doc()
        populate(ydoc, journey)
        async with store:
            await store.write(ydoc.get_update())

    anyio.run(main)


def test_an_older_editors_room_is_resumed_only_by_the_file_it_holds(journey, tmp_path):
    x = cjm_json.loads(cjm_json.dumps(journey).encode()).journey
    x.cards.append(Card("s-renew", "l-actions", "note", "Only in client X", id="c-only-x", order="z"))
    y = cjm_json.loads(cjm_json.dumps(journey).encode()).journey  # a copy: the same documentId
    assert x.id == y.id
    legacy = tmp_path / "shared" / f"{x.id}.sqlite"
    legacy.parent.mkdir()
    write_room(x, legacy)  # client X was shared by an older editor
    before = legacy.read_bytes()
    resumed, room = serve_once(y, tmp_path / "shared" / "clientY.sqlite", legacy)
    assert not resumed and "Only in client X" not in room  # client Y starts from its own file
    resumed, room = serve_once(x, tmp_path / "shared" / "clientX.sqlite", legacy)
    assert resumed and "Only in client X" in room  # client X resumes its room (a copy of it)
    assert legacy.read_bytes() == before  # the old store is left as it was
    assert sorted(p.name for p in legacy.parent.iterdir()) == sorted(
        [legacy.name, "clientX.sqlite", "clientY.sqlite"]
    )
