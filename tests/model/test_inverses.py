"""Random sequences of mutations, each followed by its inverse, restore the exact saved bytes."""

from __future__ import annotations

import random
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_editor.formats.cjm_json import dumps, load
from cjm_editor.model import Card, Connection, EmotionPoint, JourneyDocument, Lane, ModelError, Persona, Stage
from tests.conftest import MAP_FIXTURE

Inverse = Callable[[], object]


def _random_op(doc: JourneyDocument, rng: random.Random) -> Inverse | None:
    j = doc.journey
    choice = rng.randrange(14)
    pick = rng.choice
    removable = {0: "stages", 1: "lanes", 2: "cards", 3: "personas"}
    if choice in removable and getattr(j, removable[choice]):
        name = removable[choice]
        removal = doc.remove(name, pick(getattr(j, name)).id)
        return lambda: doc.restore(removal)
    if choice == 4 and j.cards:
        card = pick(j.cards)
        old = doc.update_card(card.id, title=card.title + "!", body=card.body + "?")
        return lambda: doc.update_card(old.id, title=old.title, body=old.body)
    if choice == 5 and j.cards and j.stages and j.lanes:
        card = pick(j.cards)
        stage, lane = pick(j.stages).id, pick(j.lanes).id
        plan = doc.plan_order("cards", rng.randrange(4), (stage, lane), moving=card.id)
        unspace = doc.respace("cards", plan.respace)
        place = doc.move_card(card.id, stage, lane, plan.key)

        def back() -> None:
            doc.move_card(card.id, place.stage_id, place.lane_id, place.order)
            doc.respace("cards", unspace)

        return back
    if choice == 6 and j.stages and j.lanes:
        stage, lane = pick(j.stages).id, pick(j.lanes).id
        plan = doc.plan_order("cards", rng.randrange(4), (stage, lane))
        unspace = doc.respace("cards", plan.respace)
        doc.add_card(card := Card(stage_id=stage, lane_id=lane, kind="note", title="New", order=plan.key))

        def remove() -> None:
            doc.remove_card(card.id)
            doc.respace("cards", unspace)

        return remove
    if choice in (7, 8) and len(j.stages) > 1 and len(j.lanes) > 1:
        name = "stages" if choice == 7 else "lanes"
        element = pick(getattr(j, name))
        plan = doc.plan_order(name, rng.randrange(len(getattr(j, name))), moving=element.id)
        unspace = doc.respace(name, plan.respace)
        old = doc.move(name, element.id, plan.key)

        def back_again() -> None:
            doc.move(name, element.id, old.order)
            doc.respace(name, unspace)

        return back_again
    if choice == 9:
        plan = doc.plan_order("stages", rng.randrange(len(j.stages) + 1))
        unspace = doc.respace("stages", plan.respace)
        doc.add_stage(stage := Stage(name="Inserted", order=plan.key))

        def drop() -> None:
            doc.remove("stages", stage.id)
            doc.respace("stages", unspace)

        return drop
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
        return lambda: doc.remove("connections", conn.id)
    if choice == 12 and j.personas and j.stages:
        try:
            doc.add_emotion(p := EmotionPoint(pick(j.personas).id, "stage", pick(j.stages).id, j.scale.max))
        except ModelError:
            return None
        return lambda: doc.remove_emotion(p.id)
    if choice == 13:
        doc.add_persona(persona := Persona(name="Extra", order=doc.plan_order("personas", 0).key))
        doc.add_lane(lane := Lane(name="Extra lane", kind="notes"))

        def undo() -> None:
            doc.remove("lanes", lane.id)
            doc.remove("personas", persona.id)

        return undo
    return None


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 25))
def test_each_mutation_then_its_inverse_restores_bytes(seed, steps):
    doc = JourneyDocument(load(MAP_FIXTURE).journey)
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
    doc = JourneyDocument(load(MAP_FIXTURE).journey)
    original = dumps(doc.journey)
    rng = random.Random(seed)
    inverses = [inv for _ in range(steps) if (inv := _random_op(doc, rng)) is not None]
    for inverse in reversed(inverses):
        inverse()
    assert dumps(doc.journey) == original
