"""Two documents bound to two Y docs that exchange updates by hand: merges, repairs and undo."""

from __future__ import annotations

import pytest
from pycrdt import Doc, Map

from cjm_editor.collab.binding import Binding
from cjm_editor.collab.ystate import populate, read_journey, root
from cjm_editor.formats import cjm_json
from cjm_editor.model.document import JourneyDocument
from cjm_editor.model.journey import Card, Connection, EmotionPoint


class Pair:
    """Peers A and B; `sync()` delivers every update each one made to the other."""

    def __init__(self, journey) -> None:
        ya = Doc()
        populate(ya, journey)
        yb = Doc()
        yb.apply_update(ya.get_update())
        self.a = Binding(JourneyDocument(read_journey(ya, "A")[0]), ya, "A")
        self.b = Binding(JourneyDocument(read_journey(yb, "B")[0]), yb, "B")
        self.to_a: list[bytes] = []
        self.to_b: list[bytes] = []
        self.a.outgoing.connect(self.to_b.append)
        self.b.outgoing.connect(self.to_a.append)
        self.repairs: list[str] = []
        self.a.repaired.connect(self.repairs.extend)
        self.b.repaired.connect(self.repairs.extend)

    def sync(self) -> None:
        while self.to_a or self.to_b:
            while self.to_b:
                self.b.apply_remote(self.to_b.pop(0))
            while self.to_a:
                self.a.apply_remote(self.to_a.pop(0))

    def same(self) -> bool:
        return cjm_json.dumps(self.a.doc.journey) == cjm_json.dumps(self.b.doc.journey)


@pytest.fixture
def pair(journey) -> Pair:
    return Pair(journey)


def test_one_gesture_is_one_update(pair):
    doc = pair.a.doc
    card = doc.journey.cards[0]
    doc.move_card_to(card.id, doc.journey.stages[2].id, doc.journey.lanes[1].id, 0)
    assert len(pair.to_b) == 1
    pair.sync()
    assert pair.b.doc.card(card.id).stage_id == doc.journey.stages[2].id
    assert pair.same()


def test_concurrent_moves_of_one_card_leave_it_once(pair):
    a, b = pair.a.doc, pair.b.doc
    card = a.journey.cards[0]
    a.move_card_to(card.id, a.journey.stages[1].id, a.journey.lanes[0].id, 0)
    b.move_card_to(card.id, b.journey.stages[3].id, b.journey.lanes[2].id, 0)
    pair.sync()
    assert pair.same()
    assert [c.id for c in a.journey.cards].count(card.id) == 1
    assert len(a.journey.cards) == len(pair.a.doc.journey.cards)


def test_card_added_to_a_stage_deleted_at_once_gets_a_visible_placeholder(pair):
    a, b = pair.a.doc, pair.b.doc
    stage = a.journey.stages[0]
    a.remove("stages", stage.id)
    b.add_card(Card(stage.id, b.journey.lanes[0].id, title="kept"))
    pair.sync()
    assert pair.same()
    kept = [c for c in a.journey.cards if c.title == "kept"]
    assert len(kept) == 1
    assert a.stage(stage.id).name == f"Missing stage ({stage.id})"
    assert any("a card sits in a stage a peer deleted" in line for line in pair.repairs)


def test_connection_to_a_card_deleted_at_once_is_removed_and_reported(pair):
    a, b = pair.a.doc, pair.b.doc
    first, second = a.journey.cards[0], a.journey.cards[1]
    for conn in [c for c in a.journey.connections if first.id in (c.source_id, c.target_id)]:
        a.remove("connections", conn.id)
    pair.sync()
    a.remove_card(first.id)
    b.add_connection(Connection(second.id, first.id, id="arrow-x"))
    pair.sync()
    assert pair.same()
    assert not a.has("connections", "arrow-x") and not b.has("connections", "arrow-x")
    assert any("arrow-x" in line and "removed" in line for line in pair.repairs)


def test_two_scores_for_one_persona_and_stage_keep_one(pair):
    a, b = pair.a.doc, pair.b.doc
    persona, stage = a.journey.personas[0], a.journey.stages[0]
    old = a.emotion_at(persona.id, "stage", stage.id)
    if old is not None:
        a.remove_emotion(old.id)
        pair.sync()
    a.add_emotion(EmotionPoint(persona.id, "stage", stage.id, 1, id="p-a"))
    b.add_emotion(EmotionPoint(persona.id, "stage", stage.id, -1, id="p-b"))
    pair.sync()
    assert pair.same()
    assert a.emotion_at(persona.id, "stage", stage.id).id == "p-a"


def test_a_malformed_peer_update_is_reported_not_applied(pair):
    card = pair.a.doc.journey.cards[0]
    hostile = Doc()
    hostile.apply_update(pair.b.ydoc.get_update())
    state = hostile.get_state()
    element = root(hostile, "cards")[card.id]
    assert isinstance(element, Map)
    element["kind"] = "sticker"
    root(hostile, "cards")["bad"] = "not a card"
    pair.a.apply_remote(hostile.get_update(state))
    assert pair.a.doc.card(card.id).kind == card.kind
    assert not pair.a.doc.has("cards", "bad")
    assert any("kind" in line for line in pair.repairs)


def test_undo_takes_back_only_your_own_edit(pair):
    a, b = pair.a.doc, pair.b.doc
    card = a.journey.cards[0]
    a.update_card(card.id, title="from A", body="A's body")
    pair.sync()
    b.update_card(card.id, title="from B")
    pair.sync()
    pair.a.undo()
    pair.sync()
    assert a.card(card.id).title == "from B" and b.card(card.id).title == "from B"
    assert a.card(card.id).body == card.body  # A's own body edit is undone everywhere
    assert b.card(card.id).body == card.body


def test_a_peers_edit_is_not_on_your_undo_stack(pair):
    card = pair.a.doc.journey.cards[0]
    pair.b.doc.update_card(card.id, title="from B")
    pair.sync()
    assert not pair.a.undo_manager.can_undo()
    assert not pair.a.undo()
    assert pair.a.doc.card(card.id).title == "from B"


def test_undo_then_redo_of_a_delete(pair):
    a = pair.a.doc
    card = a.journey.cards[0]
    a.remove_card(card.id)
    pair.sync()
    assert not pair.b.doc.has("cards", card.id)
    pair.a.undo()
    pair.sync()
    assert pair.b.doc.card(card.id) == card
    pair.a.redo()
    pair.sync()
    assert not pair.b.doc.has("cards", card.id)
    assert pair.same()


def test_title_and_scale_follow(pair):
    pair.a.doc.update_journey(title="Shared title")
    pair.sync()
    assert pair.b.doc.journey.title == "Shared title"


def test_workshop_votes_ratings_and_settings_are_shared(pair):
    from cjm_editor.model.journey import Participant, Vote, Workshop

    a, b = pair.a.doc, pair.b.doc
    card = a.journey.cards[0]
    a.add("participants", ana := Participant(name="Ana"))
    a.add("votes", Vote(card.id, ana.id))
    a.update_journey(workshop=Workshop(dots=5, votable=("pain-point",)))
    pair.sync()
    assert pair.same()
    assert [v.participant_id for v in b.journey.votes if v.card_id == card.id][-1] == ana.id
    assert b.journey.workshop.dots == 5
