"""Migrations: every older stored version upgrades to a valid current map."""

from __future__ import annotations

import json
from pathlib import Path

from cjm_editor.formats import cjm_json
from cjm_editor.formats.migrations import CURRENT_VERSION, MIGRATIONS, upgrade

FIXTURES = Path(__file__).with_name("fixtures")


def test_every_version_below_current_has_a_step():
    assert sorted(MIGRATIONS) == list(range(1, CURRENT_VERSION))


def test_v1_file_loads_with_everything_mapped():
    result = cjm_json.load(FIXTURES / "v1-workshop.cjm.json")
    j = result.journey
    assert not result.report, result.report.lines()
    assert result.source_version == 1
    assert (j.id, j.title) == ("doc-v1-workshop", "Library card sign-up (2025 workshop)")
    assert (j.scale.min, j.scale.max) == (1, 5)
    assert [p.colour for p in j.personas] == ["#aa3355", "#3355aa"]
    assert [lane.kind for lane in j.lanes] == ["touchpoints", "pain-points", "opportunities"]
    assert [c.kind for c in j.cards] == ["touchpoint", "touchpoint", "pain-point", "opportunity"]
    assert j.cards[1].title == "Front desk form" and j.cards[1].body == "Paper form, two pages"
    assert j.cards[2].votes == 3 and j.cards[0].channel == "web"
    assert j.cards[3].extra == {"sticker": "green"}
    points = {(e.persona_id, e.anchor_kind, e.anchor_id, e.score) for e in j.emotions}
    assert ("p-student", "stage", "s-find", 4) in points
    assert len({e.id for e in j.emotions}) == 4
    assert j.connections[0].source_id == "c1" and j.extra == {"workshopDate": "2025-03-14"}


def test_upgrade_is_pure_and_saved_v1_becomes_current(tmp_path):
    raw = json.loads((FIXTURES / "v1-workshop.cjm.json").read_text())
    snapshot = json.dumps(raw)
    upgraded = upgrade(raw)
    assert json.dumps(raw) == snapshot, "upgrade never mutates its input"
    assert upgraded["formatVersion"] == CURRENT_VERSION
    out = tmp_path / "upgraded.cjm.json"
    cjm_json.save(cjm_json.load(FIXTURES / "v1-workshop.cjm.json").journey, out)
    again = cjm_json.load(out)
    assert again.source_version == CURRENT_VERSION and not again.report


def _cells(j) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for c in j.cards:
        out.setdefault((c.stage_id, c.lane_id), []).append(c.id)
    return out


def test_v2_files_get_order_keys_from_their_list_positions():
    raw = json.loads((FIXTURES / "v2-freshbox.cjm.json").read_text())
    result = cjm_json.load(FIXTURES / "v2-freshbox.cjm.json")
    j = result.journey
    assert result.source_version == 2 and not result.report, result.report.lines()
    for name in ("stages", "lanes", "personas"):
        assert [e.id for e in getattr(j, name)] == [e["id"] for e in raw[name]], name
    expected: dict[tuple[str, str], list[str]] = {}
    for c in raw["cards"]:
        expected.setdefault((c["stage"], c["lane"]), []).append(c["id"])
    assert _cells(j) == expected
    assert all(c.order for c in j.cards)


def test_a_migrated_v2_map_saves_as_the_current_format(tmp_path, schema_validator):
    out = tmp_path / "checkout.cjm.json"
    cjm_json.save(cjm_json.load(FIXTURES / "v2-checkout.cjm.json").journey, out)
    saved = json.loads(out.read_text())
    assert (saved["formatVersion"], saved["minReaderVersion"]) == (3, 3)
    schema_validator.validate(saved)
    again = cjm_json.load(out)
    assert again.source_version == 3 and not again.report
    assert cjm_json.dumps(again.journey) == out.read_text()


def test_a_v3_map_is_refused_by_a_v2_reader_claim():
    """minReaderVersion 3: an older editor must refuse rather than show cards out of order."""
    raw = json.loads(cjm_json.dumps(cjm_json.load(FIXTURES / "v2-checkout.cjm.json").journey))
    assert raw["minReaderVersion"] == 3
