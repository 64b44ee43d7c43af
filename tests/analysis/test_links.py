"""The link graph across files: missing micro maps and circles of detail links."""

from __future__ import annotations

from cjm_editor.analysis.links import link_findings, link_graph
from cjm_editor.formats import cjm_json
from cjm_editor.model import Card, Journey, Lane, MapLink, Stage


def _map(stage_link: str | None = None, card_link: str | None = None, back: str | None = None) -> Journey:
    j = Journey(title="m")
    j.stages = [Stage(id="s", name="S", link=stage_link)]
    j.lanes = [Lane(id="l", name="L", kind="touchpoints")]
    j.cards = [Card("s", "l", "touchpoint", "c", id="c", link=card_link)]
    j.links = [MapLink(back)] if back else []
    return j


def test_missing_micro_map_is_reported_with_the_linking_element(tmp_path):
    macro = _map(stage_link="micro.cjm.json", card_link="gone.cjm.json")
    cjm_json.save(_map(back="macro.cjm.json"), tmp_path / "micro.cjm.json")
    cjm_json.save(macro, tmp_path / "macro.cjm.json")
    found = link_findings(macro, tmp_path / "macro.cjm.json", cjm_json.load_or_none)
    assert [(f.kind, f.elements) for f in found] == [("missing-micro-map", ("c",))]
    g = link_graph(macro, tmp_path / "macro.cjm.json", cjm_json.load_or_none)
    assert g.number_of_nodes() == 3


def test_a_link_back_to_the_macro_map_is_not_a_cycle_but_detail_links_in_a_circle_are(tmp_path):
    a = _map(stage_link="b.cjm.json")
    cjm_json.save(a, tmp_path / "a.cjm.json")
    cjm_json.save(_map(card_link="a.cjm.json"), tmp_path / "b.cjm.json")
    found = link_findings(a, tmp_path / "a.cjm.json", cjm_json.load_or_none)
    assert [f.kind for f in found] == ["link-cycle"]
    assert "a.cjm.json → b.cjm.json → a.cjm.json" in found[0].message


def test_an_unreadable_linked_file_counts_as_missing(tmp_path):
    (tmp_path / "broken.cjm.json").write_text("{ not json", encoding="utf-8")
    a = _map(stage_link="broken.cjm.json")
    found = link_findings(a, tmp_path / "a.cjm.json", cjm_json.load_or_none)
    assert [f.kind for f in found] == ["missing-micro-map"]
