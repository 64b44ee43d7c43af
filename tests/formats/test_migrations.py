"""Migrations: every older stored version upgrades to a valid current map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError
from cjm_editor.formats.migrations import CURRENT_VERSION, MIGRATIONS, upgrade
from cjm_editor.model.workshop import tally

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
    assert tally(j)[j.cards[2].id] == 3 and j.cards[0].channel == "web"
    assert all(v.participant_id is None for v in j.votes), "format-3 votes are anonymous"
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
    assert (saved["formatVersion"], saved["minReaderVersion"]) == (4, 4)
    schema_validator.validate(saved)
    again = cjm_json.load(out)
    assert again.source_version == 4 and not again.report
    assert cjm_json.dumps(again.journey) == out.read_text()


def test_a_saved_map_is_refused_by_older_readers():
    """minReaderVersion 4: an older editor must refuse rather than lose the votes and ratings."""
    raw = json.loads(cjm_json.dumps(cjm_json.load(FIXTURES / "v2-checkout.cjm.json").journey))
    assert raw["minReaderVersion"] == 4


def test_v3_vote_numbers_become_that_many_anonymous_votes(tmp_path, schema_validator):
    raw = json.loads((FIXTURES / "v3-freshbox.cjm.json").read_text())
    numbers = {c["id"]: c["votes"] for c in raw["cards"] if c.get("votes")}
    assert numbers and raw["formatVersion"] == 3
    result = cjm_json.load(FIXTURES / "v3-freshbox.cjm.json")
    j = result.journey
    assert result.source_version == 3 and not result.report, result.report.lines()
    assert dict(tally(j)) == numbers
    assert all(v.participant_id is None for v in j.votes)
    out = tmp_path / "freshbox.cjm.json"
    cjm_json.save(j, out)
    saved = json.loads(out.read_text())
    schema_validator.validate(saved)
    assert not any("votes" in c for c in saved["cards"]), "a vote count is stored once, as votes"
    assert len(saved["votes"]) == sum(numbers.values())
    again = cjm_json.load(out).journey
    assert again == j and cjm_json.dumps(again) == out.read_text()


def test_a_bad_v3_vote_number_is_reported_at_its_place():
    raw = json.loads((FIXTURES / "v3-freshbox.cjm.json").read_text())
    raw["cards"][0]["votes"] = -2
    with pytest.raises(LoadError) as err:
        cjm_json.loads(json.dumps(raw), "bad.cjm.json")
    assert "cards[0].votes" in str(err.value) and "cannot be negative" in str(err.value)


def test_too_many_v3_votes_are_refused_not_expanded():
    raw = json.loads((FIXTURES / "v3-freshbox.cjm.json").read_text())
    for card in raw["cards"]:
        card["votes"] = 900_000  # each under the per-card limit, far over it in all
    with pytest.raises(LoadError) as err:
        cjm_json.loads(json.dumps(raw), "big.cjm.json")
    assert ".votes" in err.value.location
