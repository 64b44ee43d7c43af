"""A plain Yjs client (npm yjs + y-websocket, as a browser would use) joins, reads the cards and adds
one that the editor's document shows. Slow: installs the npm packages into a scratch folder."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cjm_editor.collab.shared import SharedMap
from cjm_editor.formats import cjm_json
from tests.collab.hosting import serve

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SCRIPT = Path(__file__).with_name("node_client.mjs")


@pytest.fixture(scope="module")
def node_folder(tmp_path_factory) -> Path:
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.fail("the slow suite needs node and npm (apt-get install nodejs npm)")
    folder = tmp_path_factory.mktemp("node")
    (folder / "package.json").write_text('{"name": "cjm-collab-check", "private": true, "type": "module"}')
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "yjs@13", "y-websocket@3", "ws@8"],
        cwd=folder,
        check=True,
        timeout=400,
    )
    shutil.copy(SCRIPT, folder / SCRIPT.name)
    return folder


def test_a_node_yjs_client_reads_the_cards_and_adds_one(node_folder, tmp_path, sample_file):
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    journey = cjm_json.load(map_path).journey
    host = serve(map_path, tmp_path / "store.sqlite")
    editor = SharedMap(host.address, host.code)
    try:
        doc = editor.join(30)
        node = subprocess.run(
            ["node", SCRIPT.name, host.address, host.code],
            cwd=node_folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert node.returncode == 0, node.stderr
        seen = json.loads(node.stdout.splitlines()[0])
        assert seen["count"] == len(journey.cards)
        assert seen["titles"] == sorted(c.title for c in journey.cards)
        assert editor.wait(lambda: doc.has("cards", "from-node"), 20)
        card = doc.card("from-node")
        assert card.title == "Added from Node"
        assert card.stage_id == min(s.id for s in journey.stages)
    finally:
        editor.close()
        host.stop()
    assert "Added from Node" in {c.title for c in cjm_json.load(map_path).journey.cards}
