"""JourneyDocument: validation, events, cascades, order keys and exact inverses."""

from __future__ import annotations

import dataclasses

import pytest

from cjm_editor.formats.cjm_json import dumps
from cjm_editor.model import Card, Connection, EmotionPoint, JourneyDocument, Lane, ModelError, Persona, Stage


def test_add_card_appends_to_its_cell_and_emits(doc: JourneyDocument):
    seen = []
    doc.events.cards.inserted.connect(lambda c: seen.append(c.id))
    changed = []
    doc.events.changed.connect(lambda: changed.append(1))
    card = Card(stage_id="s-discover", lane_id="l-touchpoints", kind="touchpoint", title="Podcast ad")
    doc.add_card(card)
    cell = doc.cell_cards("s-discover", "l-touchpoints")
    assert cell[-1].id == card.id and cell[-1].order > cell[-2].order
    assert seen == [card.id]
    assert changed == [1]


def test_add_card_rejects_unknown_cell_kind_duplicate_id_and_bad_key(doc):
    with pytest.raises(ModelError, match="no stage"):
        doc.add_card(Card(stage_id="nope", lane_id="l-touchpoints", kind="touchpoint"))
    with pytest.raises(ModelError, match="unknown card kind"):
        doc.add_card(Card(stage_id="s-discover", lane_id="l-touchpoints", kind="sticker"))
    with pytest.raises(ModelError, match="already exists"):
        doc.add_card(Card(id="s-discover", stage_id="s-discover", lane_id="l-touchpoints"))
    with pytest.raises(ModelError, match="not an order key"):
        doc.add_card(Card(stage_id="s-discover", lane_id="l-touchpoints", order="0!"))


def test_update_without_change_emits_nothing(doc):
    seen = []
    doc.events.changed.connect(lambda: seen.append(1))
    doc.update_card("t-checkout", title=doc.card("t-checkout").title)
    assert seen == []


def test_update_cannot_move_an_element(doc):
    with pytest.raises(ModelError, match="use move"):
        doc.update_card("t-checkout", stage_id="s-discover")
    with pytest.raises(ModelError, match="use move"):
        doc.update("stages", "s-discover", order="a5")


def test_move_card_to_another_cell_and_back_changes_only_that_card(doc):
    before = dumps(doc.journey)
    others = {c.id: c for c in doc.journey.cards if c.id != "t-checkout"}
    first = doc.cell_cards("s-discover", "l-touchpoints")[0]
    plan = doc.plan_order("cards", 0, ("s-discover", "l-touchpoints"), moving="t-checkout")
    old = doc.move_card("t-checkout", "s-discover", "l-touchpoints", plan.key)
    assert plan.key < first.order and not plan.respace
    assert doc.cell_cards("s-discover", "l-touchpoints")[0].id == "t-checkout"
    assert {c.id: c for c in doc.journey.cards if c.id != "t-checkout"} == others
    doc.move_card("t-checkout", old.stage_id, old.lane_id, old.order)
    assert dumps(doc.journey) == before


def test_moved_event_carries_old_and_new(doc):
    seen = []
    doc.events.cards.moved.connect(lambda old, new: seen.append((old.stage_id, new.stage_id)))
    card = doc.card("t-checkout")
    doc.move_card(card.id, "s-discover", card.lane_id, "a5")
    assert seen == [(card.stage_id, "s-discover")]


def test_remove_stage_cascades_and_restores_exactly(doc):
    before = dumps(doc.journey)
    removal = doc.remove("stages", "s-signup")
    j = doc.journey
    assert all(c.stage_id != "s-signup" for c in j.cards)
    card_ids = {c.id for c in j.cards}
    assert all(c.source_id in card_ids and c.target_id in card_ids for c in j.connections)
    assert all(e.anchor_id in card_ids | {s.id for s in j.stages} for e in j.emotions)
    kinds = {name for name, _ in removal.removed}
    assert kinds == {"cards", "connections", "emotions", "stages", "votes"}
    assert removal.count("stages") == 1 and removal.count("cards") > 1
    doc.restore(removal)
    assert dumps(doc.journey) == before


def test_remove_persona_drops_mentions_and_restores(doc):
    before = dumps(doc.journey)
    removal = doc.remove("personas", "p-robert")
    assert all("p-robert" not in c.personas for c in doc.journey.cards)
    assert all(e.persona_id != "p-robert" for e in doc.journey.emotions)
    assert removal.changed, "cards that named the persona are recorded as changed"
    doc.restore(removal)
    assert dumps(doc.journey) == before


def test_emotion_points_are_unique_per_persona_and_anchor(doc):
    with pytest.raises(ModelError, match="already has a score"):
        doc.add_emotion(EmotionPoint("p-maya", "stage", "s-discover", 0))
    with pytest.raises(ModelError, match="outside the scale"):
        doc.add_emotion(EmotionPoint("p-maya", "card", "t-landing", 5))


def test_connections_reject_self_and_duplicates(doc):
    with pytest.raises(ModelError, match="itself"):
        doc.add_connection(Connection("t-landing", "t-landing"))
    with pytest.raises(ModelError, match="already connected"):
        doc.add_connection(Connection("t-social-ad", "t-landing"))


def test_scale_change_must_fit_existing_points(doc):
    from cjm_editor.model.journey import EmotionScale

    with pytest.raises(ModelError, match="outside"):
        doc.update_journey(scale=EmotionScale(0, 1))
    old = doc.update_journey(title="Renamed")
    assert doc.journey.title == "Renamed" and old == {"title": "FreshBox meal-kit subscription"}


def test_handlers_run_in_subscription_order(doc):
    order = []
    doc.events.changed.connect(lambda: order.append("a"))
    doc.events.changed.connect(lambda: order.append("b"))
    doc.update("stages", "s-discover", name="See")
    assert order == ["a", "b"]


def test_lane_kind_is_checked_and_a_planned_key_places_it(doc):
    with pytest.raises(ModelError, match="lane kind"):
        doc.add_lane(Lane(kind="weird"))
    plan = doc.plan_order("lanes", 0)
    doc.add_lane(Lane(id="l-notes", name="Notes", kind="notes", order=plan.key))
    assert doc.journey.lanes[0].id == "l-notes"


def test_stage_and_persona_moves_rewrite_one_key(doc):
    before = {s.id: s.order for s in doc.journey.stages}
    plan = doc.plan_order("stages", 0, moving="s-renew")
    old = doc.move("stages", "s-renew", plan.key)
    assert doc.journey.stages[0].id == "s-renew" and old.order == before["s-renew"]
    after = {s.id: s.order for s in doc.journey.stages}
    assert {k for k in before if before[k] != after[k]} == {"s-renew"}
    doc.move("personas", "p-robert", doc.plan_order("personas", 0, moving="p-robert").key)
    assert doc.journey.personas[0].id == "p-robert"
    doc.add_stage(Stage(id="s-extra", name="Extra"))
    doc.add_persona(Persona(id="p-x", name="X"))
    assert doc.index_of("stages", "s-extra") == 6 and doc.journey.personas[-1].id == "p-x"


def test_dataclass_replace_keeps_values_independent(doc):
    old = doc.update_card("t-checkout", title="Pay")
    assert old.title == "Checkout" and doc.card("t-checkout").title == "Pay"
    assert dataclasses.replace(old) == old


def test_a_map_built_in_code_gets_keys_in_list_order():
    s1, s2 = Stage(name="B"), Stage(name="A")
    lane = Lane(kind="notes")
    cards = [Card(s1.id, lane.id, title=t) for t in "xyz"] + [Card(s2.id, lane.id, title="w")]
    from cjm_editor.model.journey import Journey

    doc = JourneyDocument(Journey(stages=[s1, s2], lanes=[lane], cards=cards))
    assert [s.name for s in doc.journey.stages] == ["B", "A"]
    assert [c.title for c in doc.cell_cards(s1.id, lane.id)] == ["x", "y", "z"]
    assert all(c.order for c in doc.journey.cards)
