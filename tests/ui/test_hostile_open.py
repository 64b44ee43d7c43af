"""The real window on hostile files: every load failure is shown in its dialog and the open map stays;
`cjm-editor FILE` with such a file starts and says why; hostile links and names cannot hang or inject."""

from __future__ import annotations

import os

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.ui.application import start
from tests.fuzz.corpus import as_bytes, base_map, csv_cases, json_cases, mermaid_cases

FAILING = [c for c in json_cases() + mermaid_cases() if not c.loads]


def _suffix(kind: str) -> str:
    return {"json": ".cjm.json", "mermaid": ".mmd", "csv": ".csv"}[kind]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", FAILING, ids=lambda c: f"{c.kind}: {c.name}")
def test_every_load_failure_is_shown_and_the_open_map_kept(window, tmp_path, case):
    before, path_before = cjm_json.dumps(window.document.journey), window.path
    path = tmp_path / f"hostile{_suffix(case.kind)}"
    path.write_bytes(case.data)
    assert not window.open_path(path)
    box = window.last_message
    assert box is not None and box.isVisible()
    details = box.informativeText()
    assert details.startswith(f"{path}: ") and "\n" not in details
    assert cjm_json.dumps(window.document.journey) == before
    assert window.path == path_before
    box.close()


@pytest.mark.parametrize("case", [c for c in csv_cases() if not c.loads], ids=lambda c: c.name)
def test_every_csv_import_failure_is_shown_and_the_open_map_kept(window, tmp_path, case):
    from cjm_editor.ui import interop_actions

    before = cjm_json.dumps(window.document.journey)
    path = tmp_path / "hostile.csv"
    path.write_bytes(case.data)
    assert not interop_actions.import_file(window, "csv", str(path))
    assert window.last_message.isVisible()
    assert str(path) in window.last_message.informativeText()
    assert cjm_json.dumps(window.document.journey) == before
    window.last_message.close()


@pytest.mark.timeout(60)
def test_the_editor_started_on_a_hostile_file_shows_why(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "deep.cjm.json"
    path.write_bytes(next(c.data for c in FAILING if c.name == "v1 deep copy of deep nesting"))
    _app, window = start([str(path)])
    qtbot.addWidget(window)
    assert window.last_message is not None and window.last_message.isVisible()
    assert "(limit: nesting depth)" in window.last_message.informativeText()
    window.last_message.close()


@pytest.mark.timeout(60)
def test_a_link_to_a_fifo_does_not_hang_the_insights_on_open(window, tmp_path):
    os.mkfifo(tmp_path / "pipe.cjm.json")
    value = base_map(stages=[{"id": "s1", "name": "S", "link": "pipe.cjm.json"}, {"id": "s2", "name": "T"}])
    path = tmp_path / "linked.cjm.json"
    path.write_bytes(as_bytes(value))
    assert window.open_path(path)
    messages = [f.message for f in window.docks.insights.report.findings]
    assert any("not a regular file" in m for m in messages)


def test_stage_and_lane_tooltips_show_user_text_as_written(window):
    from cjm_editor.ui.canvas.items.headers import LaneHeaderItem, StageHeaderItem

    doc = window.document
    stage, lane = doc.journey.stages[0], doc.journey.lanes[0]
    doc.update("stages", stage.id, name="<b>Bold</b> & co", description="<img src=x>", link="<a href=x>m</a>")
    doc.update("lanes", lane.id, name="<i>lane</i>")
    items = window.scene.items()
    header = next(i for i in items if isinstance(i, StageHeaderItem) and i.stage.id == stage.id)
    tip = header.toolTip()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in tip and "&lt;img src=x&gt;" in tip
    assert "<img" not in tip and "<a href" not in tip
    lane_item = next(i for i in items if isinstance(i, LaneHeaderItem) and i.lane.id == lane.id)
    assert "&lt;i&gt;lane&lt;/i&gt;" in lane_item.toolTip()
