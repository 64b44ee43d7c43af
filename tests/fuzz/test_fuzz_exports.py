"""Generated maps through every exporter (CSV and Mermaid read back, PDF kit, PNG, SVG), and their
links followed from a folder that holds a FIFO, a symlink out of it and a loop of maps."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from cjm_editor.formats import cjm_json
from tests.fuzz import check, strategies
from tests.fuzz.conftest import budget
from tests.fuzz.corpus import base_map

pytestmark = pytest.mark.timeout(3600)


@pytest.fixture(scope="module")
def folder():
    """A map's folder: micro maps (one in a loop), a subfolder, a FIFO, a symlink leading out."""
    with tempfile.TemporaryDirectory() as outside, tempfile.TemporaryDirectory() as inside:
        root = Path(inside)
        (root / "sub").mkdir()
        (Path(outside) / "secret.cjm.json").write_text(json.dumps(base_map()), encoding="utf-8")
        os.symlink(Path(outside), root / "escape")
        os.mkfifo(root / "fifo")
        loop = base_map(stages=[{"id": "s1", "name": "S", "link": "micro.cjm.json"}])
        (root / "loop.cjm.json").write_text(json.dumps(loop), encoding="utf-8")
        micro = base_map(stages=[{"id": "s1", "name": "S", "link": "loop.cjm.json"}])
        micro["cards"][0]["link"] = "../out.cjm.json"
        (root / "micro.cjm.json").write_text(json.dumps(micro), encoding="utf-8")
        (root / "sub" / "deep.cjm.json").write_text(json.dumps(base_map()), encoding="utf-8")
        yield root


@budget(5, 2600)
@given(strategies.map_values(hostile=False))
def test_generated_maps_through_every_exporter(qapp, value):
    journey = check.check_json(json.dumps(value).encode())
    if journey is None:
        return
    with tempfile.TemporaryDirectory() as out:
        check.check_exports(journey, Path(out))


@budget(40, 3000)
@given(strategies.map_values())
def test_links_of_generated_maps_stay_in_the_folder(folder, value):
    journey = check.check_json(json.dumps(value).encode())
    if journey is None:
        return
    path = folder / "self.cjm.json"
    cjm_json.save(journey, path)
    check.check_links(journey, path)
