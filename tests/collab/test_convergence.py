"""Several co-editors in their own processes edit one shared map at once and end with the same map."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cjm_editor.formats import cjm_json
from tests.collab.hosting import agent, expect, finish, serve, tell

pytestmark = pytest.mark.timeout(240)


def _converge(tmp_path: Path, sample_file: Path, clients: int, edits: int) -> tuple[list[str], str]:
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    stage = cjm_json.load(map_path).journey.stages[-1].id
    host = serve(map_path, tmp_path / "store.sqlite")
    agents = []
    try:
        agents = [
            agent(host.address, host.code, "--seed", str(i), "--edits", str(edits), "--move-stage", stage)
            for i in range(clients)
        ]
        for a in agents:
            expect(a, "JOINED")
        for a in agents:  # all start at once: the edits really are concurrent
            tell(a, "go")
        for a in agents:
            expect(a, "EDITED")
        dumps: list[str] = []
        for _attempt in range(3):
            for i, a in enumerate(agents):
                tell(a, f"dump {tmp_path / f'client{i}.json'}")
            for a in agents:
                expect(a, "DUMPED")
            dumps = [(tmp_path / f"client{i}.json").read_text() for i in range(clients)]
            if len(set(dumps)) == 1:
                break
        for a in agents:
            tell(a, "quit")
        for a in agents:
            code, err = finish(a)
            assert code == 0, err
    finally:
        for a in agents:
            if a.returncode is None:
                a.kill()
                finish(a)
        host.stop()
    saved = cjm_json.dumps(cjm_json.load(map_path).journey)
    return dumps, saved


def _check(dumps: list[str], saved: str, sample_file: Path) -> None:
    assert len(set(dumps)) == 1, "the clients' maps differ"
    assert saved == dumps[0], "the host's saved copy differs from the clients' map"
    result = cjm_json.loads(dumps[0])
    assert not result.report, result.report.lines()  # the merged map needs no repair
    journey = result.journey
    original = cjm_json.load(sample_file).journey
    moved = original.stages[-1].id
    assert [s.id for s in journey.stages].count(moved) == 1
    assert journey.stages[0].id == moved, "every client moved this stage first"
    assert len(journey.stages) == len(original.stages)
    assert cjm_json.dumps(journey) != cjm_json.dumps(original)  # the edits landed


def test_two_clients_converge(tmp_path, sample_file):
    dumps, saved = _converge(tmp_path, sample_file, clients=2, edits=60)
    _check(dumps, saved, sample_file)


def test_ten_clients_converge(tmp_path, sample_file):
    dumps, saved = _converge(tmp_path, sample_file, clients=10, edits=25)
    _check(dumps, saved, sample_file)
