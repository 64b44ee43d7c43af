"""Round trips: shipped maps load and save to identical bytes; loads(dumps(j)) == j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cjm_editor.resources import resource

from cjm_editor.formats import cjm_json
from cjm_editor.formats.templates import TEMPLATE_IDS, template, templates

SHIPPED = [f"templates/{t}.cjm.json" for t in TEMPLATE_IDS] + [
    "samples/freshbox.cjm.json",
    "samples/checkout.cjm.json",
]


@pytest.mark.parametrize("name", SHIPPED)
def test_load_then_save_gives_identical_bytes(name, tmp_path, schema_validator):
    original = resource(*name.split("/")).read_bytes()
    result = cjm_json.loads(original, name)
    assert not result.report, result.report.lines()
    out = tmp_path / Path(name).name
    cjm_json.save(result.journey, out)
    assert out.read_bytes() == original
    assert cjm_json.loads(cjm_json.dumps(result.journey)).journey == result.journey
    schema_validator.validate(json.loads(original))


def test_templates_have_the_domain_stage_sets():
    stages = {t.id: t.stages for t in templates()}
    assert stages["classic-five"] == ("Awareness", "Consideration", "Decision", "Retention", "Advocacy")
    assert stages["retention"][0] == "Onboarding"
    for tid in TEMPLATE_IDS:
        j = template(tid)
        kinds = [lane.kind for lane in j.lanes]
        assert kinds[:6] == ["actions", "touchpoints", "thoughts", "emotions", "pain-points", "opportunities"]
        assert len(j.personas) == 1


def test_template_gets_a_fresh_document_id():
    assert template("blank").id != template("blank").id


def test_sample_is_realistic(journey):
    kinds = {c.kind for c in journey.cards}
    assert len(journey.cards) >= 30 and len(journey.stages) == 6 and len(journey.personas) == 2
    assert kinds >= {"action", "touchpoint", "quote", "pain-point", "opportunity", "metric", "backstage"}
    curves = {p.id: [e.score for e in journey.emotions if e.persona_id == p.id] for p in journey.personas}
    assert len(set(map(tuple, curves.values()))) == 2, "the personas' curves differ"
    assert any(s.link for s in journey.stages)
    assert resource("samples", "checkout.cjm.json").is_file()


def test_unknown_fields_survive_a_save(tmp_path):
    text = resource("samples", "checkout.cjm.json").read_text(encoding="utf-8")
    value = json.loads(text)
    value["futureTopLevel"] = {"b": 1, "a": [1, 2]}
    value["cards"][0]["hologram"] = True
    value["stages"][0]["colour"] = "#ff0000"
    result = cjm_json.loads(json.dumps(value).encode())
    saved = json.loads(cjm_json.dumps(result.journey))
    assert saved["futureTopLevel"] == {"a": [1, 2], "b": 1}
    assert saved["cards"][0]["hologram"] is True
    assert saved["stages"][0]["colour"] == "#ff0000"


def test_output_is_canonical_and_diffable(journey):
    text = cjm_json.dumps(journey)
    assert text.endswith("}\n") and text.startswith(
        '{\n  "format": "cjm-editor/journey",\n  "formatVersion": 4,'
    )
    renamed = cjm_json.loads(text.encode()).journey
    renamed.cards[3].title = "Changed"
    changed = [
        (a, b) for a, b in zip(text.splitlines(), cjm_json.dumps(renamed).splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 1, "a one-field edit changes one line"


def test_newer_but_compatible_file_opens(journey):
    value = json.loads(cjm_json.dumps(journey))
    value["formatVersion"] = 7
    result = cjm_json.loads(json.dumps(value).encode())
    assert result.journey == journey and result.source_version == 7


def _changed_lines(a: str, b: str) -> list[tuple[str, str]]:
    return [(x, y) for x, y in zip(a.splitlines(), b.splitlines(), strict=True) if x != y]


def test_moving_a_card_or_a_stage_changes_one_line(journey):
    from cjm_editor.model import JourneyDocument

    doc = JourneyDocument(journey)
    text = cjm_json.dumps(doc.journey)
    cell = doc.cell_cards("s-discover", "l-touchpoints")
    doc.move_card_to(cell[-1].id, "s-discover", "l-touchpoints", 0)
    moved = cjm_json.dumps(doc.journey)
    assert len(_changed_lines(text, moved)) == 1, "a move within a cell rewrites its order key only"
    plan = doc.plan_order("stages", 0, moving="s-renew")
    doc.move("stages", "s-renew", plan.key)
    assert len(_changed_lines(moved, cjm_json.dumps(doc.journey))) == 1
    assert doc.journey.stages[0].id == "s-renew"
