"""The semantic diff: known answers on hand-built pairs, and nothing for a map and its save-reload."""

from __future__ import annotations

import json

from cjm_editor.cli import main
from cjm_editor.formats import cjm_json
from cjm_editor.formats.diff import ADDED, CHANGED, MOVED, REMOVED, diff
from cjm_editor.model import Connection, JourneyDocument
from cjm_editor.model.journey import snapshot


def edited(journey, edit):
    doc = JourneyDocument(snapshot(journey))
    edit(doc)
    return doc.journey


def test_a_map_and_its_save_reload_have_no_differences(journey, tmp_path):
    path = tmp_path / "again.cjm.json"
    cjm_json.save(journey, path)
    result = diff(journey, cjm_json.load(path).journey)
    assert not result and result.changes == [] and result.emotions == [] and result.metrics == []
    assert result.summary() == "no changes"


def test_a_rename_is_a_changed_title_not_a_removal_and_an_addition(journey):
    new = edited(journey, lambda d: d.update_card("a-checkout", title="Chooses a plan"))
    result = diff(journey, new)
    assert [(c.kind, c.collection, c.id) for c in result.changes] == [(CHANGED, "cards", "a-checkout")]
    (field,) = result.changes[0].fields
    assert (field.field, field.old, field.new) == ("title", "Picks a plan and pays", "Chooses a plan")
    assert result.summary() == "1 card changed"


def test_a_move_between_cells_names_both_cells(journey):
    new = edited(journey, lambda d: d.move_card_to("a-checkout", "s-consider", "l-backstage"))
    result = diff(journey, new)
    assert [(c.kind, c.id) for c in result.changes] == [(MOVED, "a-checkout")]
    move = result.changes[0]
    assert (move.before, move.after) == ("Sign up / Customer actions", "Consider / Backstage")
    assert (
        move.text()
        == "moved card 'Picks a plan and pays' from Sign up / Customer actions to Consider / Backstage"
    )


def test_a_moved_stage_is_one_stage_moved_and_nothing_else(journey):
    first = journey.stages[0].id
    new = edited(journey, lambda d: d.move("stages", first, d.plan_order("stages", None, moving=first).key))
    result = diff(journey, new)
    assert [(c.kind, c.collection, c.id) for c in result.changes] == [(MOVED, "stages", first)]
    assert result.changes[0].before == "position 1"
    assert result.changes[0].after == f"position {len(journey.stages)}"


def test_a_changed_score_shows_in_the_point_and_in_the_persona_per_stage_view(journey):
    point = next(p for p in journey.emotions if p.id == "e-maya-checkout")
    new = edited(journey, lambda d: d.update_emotion("e-maya-checkout", score=1))
    result = diff(journey, new)
    assert [(c.kind, c.id) for c in result.changes] == [(CHANGED, "e-maya-checkout")]
    assert [(f.field, f.old, f.new) for f in result.changes[0].fields] == [("score", point.score, 1)]
    (mood,) = result.emotions
    assert (mood.persona, mood.stage) == ("Maya, busy professional", "Sign up")
    assert mood.new - mood.old == (1 - point.score) / 2  # two points of Maya's at Sign up: the mean moves


def test_a_new_connection_is_added_with_its_ends_as_its_name(journey):
    new = edited(journey, lambda d: d.add_connection(Connection("a-checkout", "t-landing", id="c-new")))
    result = diff(journey, new)
    assert [(c.kind, c.collection, c.id) for c in result.changes] == [(ADDED, "connections", "c-new")]
    assert (
        result.changes[0].label
        == "Picks a plan and pays → " + new.cards[[c.id for c in new.cards].index("t-landing")].title
    )


def test_a_removed_card_takes_its_connections_and_a_metric_reports_against_its_target(journey):
    def edit(d):
        d.remove_card("t-landing")
        d.update_card("m-conversion", value=50)

    result = diff(journey, edited(journey, edit))
    removed = {(c.collection, c.id) for c in result.changes if c.kind == REMOVED}
    assert ("cards", "t-landing") in removed and any(c == "connections" for c, _ in removed)
    (metric,) = result.metrics
    assert (metric.old, metric.new, metric.target) == (38, 50, 55)
    assert "closer" in metric.text()


def test_cjm_diff_prints_json_and_exits_by_its_documented_codes(journey, tmp_path, capsys):
    old, new = tmp_path / "old.cjm.json", tmp_path / "new.cjm.json"
    cjm_json.save(journey, old)
    cjm_json.save(edited(journey, lambda d: d.update_card("a-checkout", title="Chooses a plan")), new)
    assert main(["diff", str(old), str(new), "--json"]) == 0
    value = json.loads(capsys.readouterr().out)
    assert value["changes"] == [
        {
            "kind": "changed",
            "collection": "cards",
            "id": "a-checkout",
            "label": "Chooses a plan",
            "fields": [{"field": "title", "old": "Picks a plan and pays", "new": "Chooses a plan"}],
        }
    ]
    assert main(["diff", str(old), str(new), "--exit-code"]) == 3
    assert "1 card changed" in capsys.readouterr().out
    assert main(["diff", str(old), str(old), "--exit-code"]) == 0
    (tmp_path / "bad.cjm.json").write_text("{", encoding="utf-8")
    assert main(["diff", str(old), str(tmp_path / "bad.cjm.json")]) == 1
