"""Snippets: what copy takes out of a map and how paste finds places for it in another."""

from __future__ import annotations

from cjm_editor.model import Card, Connection, Journey, Lane, Persona, Stage
from cjm_editor.model.snippet import cards_from_text, matching_cards, paste, take


def _map() -> Journey:
    maya, rob = Persona(id="p1", name="Maya"), Persona(id="p2", name="Rob")
    stages = [Stage(id="s1", name="Discover", order="a0"), Stage(id="s2", name="Buy", order="a1")]
    lanes = [
        Lane(id="l1", name="Touchpoints", kind="touchpoints", order="a0"),
        Lane(id="l2", name="Pains", kind="pain-points", order="a1"),
    ]
    cards = [
        Card("s1", "l1", "touchpoint", "Ad", id="c1", personas=("p1",), tags=("paid",), order="a0"),
        Card("s1", "l1", "touchpoint", "Site", id="c2", body="Landing page", order="a1"),
        Card("s2", "l2", "pain-point", "Slow checkout", id="c3", source="Interview 3", order="a0"),
    ]
    conns = [Connection("c1", "c2", id="k1", label="click"), Connection("c2", "c3", id="k2")]
    return Journey(personas=[maya, rob], stages=stages, lanes=lanes, cards=cards, connections=conns)


def test_take_keeps_the_cards_their_connections_and_what_they_name():
    snippet = take(_map(), {"c1", "c2"})
    assert [c.id for c in snippet.cards] == ["c1", "c2"]
    assert [c.id for c in snippet.connections] == ["k1"], "a connection leaving the snippet stays behind"
    assert [s.id for s in snippet.stages] == ["s1"] and [lane.id for lane in snippet.lanes] == ["l1"]
    assert [p.id for p in snippet.personas] == ["p1"]


def test_paste_into_the_same_map_goes_back_where_the_cards_came_from():
    j = _map()
    cards, conns = paste(take(j, {"c1", "c2"}), j)
    assert [(c.stage_id, c.lane_id, c.title) for c in cards] == [("s1", "l1", "Ad"), ("s1", "l1", "Site")]
    assert {c.id for c in cards}.isdisjoint({"c1", "c2"}), "copies get fresh ids"
    assert len(conns) == 1 and (conns[0].source_id, conns[0].target_id) == (cards[0].id, cards[1].id)
    assert conns[0].label == "click" and conns[0].id != "k1"


def test_paste_into_another_map_matches_by_name_then_by_lane_kind():
    other = Journey(
        personas=[Persona(id="p9", name="Other")],
        stages=[Stage(id="x1", name="Buy"), Stage(id="x2", name="Discover")],
        lanes=[Lane(id="y1", name="Notes", kind="notes"), Lane(id="y2", name="Problems", kind="pain-points")],
    )
    cards, _ = paste(take(_map(), {"c1", "c3"}), other)
    by_title = {c.title: c for c in cards}
    assert (by_title["Ad"].stage_id, by_title["Ad"].lane_id) == ("x2", "y1"), "stage by name, first lane"
    assert (by_title["Slow checkout"].stage_id, by_title["Slow checkout"].lane_id) == ("x1", "y2")
    assert by_title["Ad"].personas == (), "personas the target lacks are dropped"


def test_paste_into_a_cell_and_into_a_map_without_a_grid():
    j = _map()
    cards, _ = paste(take(j, {"c1", "c3"}), j, ("s2", "l1"))
    assert {(c.stage_id, c.lane_id) for c in cards} == {("s2", "l1")}
    assert paste(take(j, {"c1"}), Journey()) == ([], [])


def test_plain_text_becomes_one_card_per_line():
    cards = cards_from_text("First\n\n  Second  \n", "s1", "l2", "pain-point")
    assert [(c.title, c.kind, c.stage_id, c.lane_id) for c in cards] == [
        ("First", "pain-point", "s1", "l2"),
        ("Second", "pain-point", "s1", "l2"),
    ]


def test_find_matches_every_text_field_in_stage_then_cell_order():
    j = _map()
    assert matching_cards(j, "  ") == []
    assert matching_cards(j, "LANDING") == ["c2"]
    assert matching_cards(j, "interview") == ["c3"]
    assert matching_cards(j, "paid") == ["c1"]
    assert matching_cards(j, "i") == ["c1", "c2", "c3"]
