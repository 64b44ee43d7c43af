"""JourneyDocument: validation, events, cascades, and exact inverses."""

from __future__ import annotations

import dataclasses

import pytest

from cjm_editor.formats.cjm_json import dumps
from cjm_editor.model import Card, Connection, EmotionPoint, JourneyDocument, Lane, ModelError, Persona, Stage


def test_add_card_appends_to_its_cell_and_emits(doc: JourneyDocument):
    seen = []
    doc.events.cards.inserted.connect(lambda i, c: seen.append((i, c.id)))
    changed = []
    doc.events.changed.connect(lambda: changed.append(1))
    card = Card(stage_id="s-discover", lane_id="l-touchpoints", kind="touchpoint", title="Podcast ad")
    index = doc.add_card(card)
    cell = doc.cell_cards("s-discover", "l-touchpoints")
    assert cell[-1] is card
    assert seen == [(index, card.id)]
    assert changed == [1]


def test_add_card_rejects_unknown_cell_kind_and_duplicate_id(doc):
    with pytest.raises(ModelError, match="no stage"):
        doc.add_card(Card(stage_id="nope", lane_id="l-touchpoints", kind="touchpoint"))
    with pytest.raises(ModelError, match="unknown card kind"):
        doc.add_card(Card(stage_id="s-discover", lane_id="l-touchpoints", kind="sticker"))
    with pytest.raises(ModelError, match="already exists"):
        doc.add_card(Card(id="s-discover", stage_id="s-discover", lane_id="l-touchpoints"))


def test_update_without_change_emits_nothing(doc):
    seen = []
    doc.events.changed.connect(lambda: seen.append(1))
    doc.update_card("t-checkout", title=doc.card("t-checkout").title)
    assert seen == []


def test_update_card_cannot_move_it(doc):
    with pytest.raises(ModelError, match="move_card"):
        doc.update_card("t-checkout", stage_id="s-discover")


def test_move_card_to_another_cell_position_and_back(doc):
    before = dumps(doc.journey)
    old = doc.move_card("t-checkout", "s-discover", "l-touchpoints", 0)
    assert [c.id for c in doc.cell_cards("s-discover", "l-touchpoints")][0] == "t-checkout"
    assert doc.card("t-checkout").stage_id == "s-discover"
    doc.place_card("t-checkout", old)
    assert dumps(doc.journey) == before


def test_move_card_within_cell_reorders(doc):
    ids = [c.id for c in doc.cell_cards("s-discover", "l-touchpoints")]
    doc.move_card(ids[0], "s-discover", "l-touchpoints", None)
    assert [c.id for c in doc.cell_cards("s-discover", "l-touchpoints")] == ids[1:] + ids[:1]
    doc.move_card(ids[0], "s-discover", "l-touchpoints", 0)
    assert [c.id for c in doc.cell_cards("s-discover", "l-touchpoints")] == ids


def test_remove_stage_cascades_and_restores_exactly(doc):
    before = dumps(doc.journey)
    removal = doc.remove_stage("s-signup")
    j = doc.journey
    assert all(c.stage_id != "s-signup" for c in j.cards)
    card_ids = {c.id for c in j.cards}
    assert all(c.source_id in card_ids and c.target_id in card_ids for c in j.connections)
    assert all(e.anchor_id in card_ids | {s.id for s in j.stages} for e in j.emotions)
    kinds = {name for name, _, _ in removal.removed}
    assert kinds == {"cards", "connections", "emotions", "stages"}
    doc.restore(removal)
    assert dumps(doc.journey) == before


def test_remove_persona_drops_mentions_and_restores(doc):
    before = dumps(doc.journey)
    removal = doc.remove_persona("p-robert")
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
    doc.update_stage("s-discover", name="See")
    assert order == ["a", "b"]


def test_lane_kind_is_checked(doc):
    with pytest.raises(ModelError, match="lane kind"):
        doc.add_lane(Lane(kind="weird"))
    doc.add_lane(Lane(id="l-notes", name="Notes", kind="notes"), 0)
    assert doc.journey.lanes[0].id == "l-notes"


def test_stage_and_persona_moves_return_old_index(doc):
    assert doc.move_stage("s-renew", 0) == 5
    assert doc.journey.stages[0].id == "s-renew"
    assert doc.move_persona("p-robert", 0) == 1
    doc.add_stage(Stage(id="s-extra", name="Extra"))
    doc.add_persona(Persona(id="p-x", name="X"))
    assert doc.index_of("stages", "s-extra") == 6


def test_dataclass_replace_keeps_values_independent(doc):
    old = doc.update_card("t-checkout", title="Pay")
    assert old.title == "Checkout" and doc.card("t-checkout").title == "Pay"
    assert dataclasses.replace(old) == old
