"""Random sequences of mutations, each followed by its inverse, restore the exact saved bytes."""

from __future__ import annotations

import random
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_editor.formats.cjm_json import dumps, load
from cjm_editor.formats.templates import sample_path
from cjm_editor.model import Card, Connection, EmotionPoint, JourneyDocument, Lane, ModelError, Persona, Stage

Inverse = Callable[[], object]


def _random_op(doc: JourneyDocument, rng: random.Random) -> Inverse | None:
    j = doc.journey
    choice = rng.randrange(14)
    pick = rng.choice
    if choice == 0 and j.stages:
        removal = doc.remove_stage(pick(j.stages).id)
        return lambda: doc.restore(removal)
    if choice == 1 and j.lanes:
        removal = doc.remove_lane(pick(j.lanes).id)
        return lambda: doc.restore(removal)
    if choice == 2 and j.cards:
        removal = doc.remove_card(pick(j.cards).id)
        return lambda: doc.restore(removal)
    if choice == 3 and j.personas:
        removal = doc.remove_persona(pick(j.personas).id)
        return lambda: doc.restore(removal)
    if choice == 4 and j.cards:
        card = pick(j.cards)
        old = doc.update_card(card.id, title=card.title + "!", votes=card.votes + 1)
        return lambda: doc.update_card(old.id, title=old.title, votes=old.votes)
    if choice == 5 and j.cards and j.stages and j.lanes:
        card = pick(j.cards)
        place = doc.move_card(card.id, pick(j.stages).id, pick(j.lanes).id, rng.randrange(4))
        return lambda: doc.place_card(card.id, place)
    if choice == 6 and j.stages and j.lanes:
        index = doc.add_card(
            Card(stage_id=pick(j.stages).id, lane_id=pick(j.lanes).id, kind="note", title="New")
        )
        card_id = j.cards[index].id
        return lambda: doc.remove_card(card_id)
    if choice == 7 and len(j.stages) > 1:
        stage = pick(j.stages)
        old_index = doc.move_stage(stage.id, rng.randrange(len(j.stages)))
        return lambda: doc.move_stage(stage.id, old_index)
    if choice == 8 and len(j.lanes) > 1:
        lane = pick(j.lanes)
        old_index = doc.move_lane(lane.id, rng.randrange(len(j.lanes)))
        return lambda: doc.move_lane(lane.id, old_index)
    if choice == 9:
        index = doc.add_stage(Stage(name="Inserted"), rng.randrange(len(j.stages) + 1))
        stage_id = j.stages[index].id
        return lambda: doc.remove_stage(stage_id)
    if choice == 10 and j.emotions:
        point = pick(j.emotions)
        score = rng.randint(j.scale.min, j.scale.max)
        old = doc.update_emotion(point.id, score=score)
        return lambda: doc.update_emotion(point.id, score=old.score)
    if choice == 11 and len(j.cards) > 1:
        a, b = rng.sample(j.cards, 2)
        try:
            doc.add_connection(conn := Connection(a.id, b.id, label="x"))
        except ModelError:
            return None
        return lambda: doc.remove_connection(conn.id)
    if choice == 12 and j.personas and j.stages:
        try:
            doc.add_emotion(p := EmotionPoint(pick(j.personas).id, "stage", pick(j.stages).id, j.scale.max))
        except ModelError:
            return None
        return lambda: doc.remove_emotion(p.id)
    if choice == 13:
        index = doc.add_persona(Persona(name="Extra"), 0)
        pid = j.personas[index].id
        doc_lanes = len(j.lanes)
        doc.add_lane(lane := Lane(name="Extra lane", kind="notes"), doc_lanes)

        def undo() -> None:
            doc.remove_lane(lane.id)
            doc.remove_persona(pid)

        return undo
    return None


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 25))
def test_each_mutation_then_its_inverse_restores_bytes(seed, steps):
    doc = JourneyDocument(load(sample_path()).journey)
    rng = random.Random(seed)
    for _ in range(steps):
        before = dumps(doc.journey)
        inverse = _random_op(doc, rng)
        if inverse is None:
            continue
        inverse()
        assert dumps(doc.journey) == before
        # apply a fresh random op and keep it, so later steps start from varied states
        _random_op(doc, rng)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 30))
def test_a_whole_sequence_undone_in_reverse_restores_bytes(seed, steps):
    doc = JourneyDocument(load(sample_path()).journey)
    original = dumps(doc.journey)
    rng = random.Random(seed)
    inverses = [inv for _ in range(steps) if (inv := _random_op(doc, rng)) is not None]
    for inverse in reversed(inverses):
        inverse()
    assert dumps(doc.journey) == original
