"""Participants, votes and ratings: rules, cascades, tallies and rating spreads (known answers)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.layout import compute
from cjm_editor.model import JourneyDocument, ModelError
from cjm_editor.model.journey import EmotionPoint, Journey, Participant, Rating, Vote, Workshop
from cjm_editor.model.workshop import dots_left, ranking, rescale, spreads, tally, vote_refusal, voters


@pytest.fixture
def room(doc: JourneyDocument) -> JourneyDocument:
    doc.journey.votes.clear()  # start from a map without the sample's anonymous votes
    fresh = JourneyDocument(doc.journey)
    for i, name in enumerate(("Ana", "Ben", "Chloé")):
        fresh.add("participants", Participant(id=f"u{i}", name=name))
    return fresh


def test_a_participant_has_n_dots_and_the_nth_is_the_last(room):
    room.update_journey(workshop=Workshop(dots=2, votable=("pain-point",)))
    late, cancel, express = (room.card(c) for c in ("p-late", "p-cancel", "o-express"))
    assert vote_refusal(room.journey, late, "u0", "Ana") is None
    room.add("votes", Vote("p-late", "u0"))
    room.add("votes", Vote("p-late", "u0"))  # two dots on one card are allowed
    assert dots_left(room.journey, "u0") == 0
    assert vote_refusal(room.journey, cancel, "u0", "Ana") == "Ana has used all 2 dots"
    assert (
        vote_refusal(room.journey, express, "u1", "Ben")
        == "opportunity cards do not take votes in this workshop"
    )
    assert vote_refusal(room.journey, cancel, "u1", "Ben") is None
    room.add("votes", Vote("p-cancel", None))  # anonymous votes are not limited
    assert tally(room.journey) == {"p-late": 2, "p-cancel": 1}
    with pytest.raises(ModelError, match="no participant"):
        room.add("votes", Vote("p-cancel", "nobody"))
    with pytest.raises(ModelError, match="no card"):
        room.add("votes", Vote("gone", "u0"))


def test_removing_a_card_or_a_participant_takes_their_votes_and_ratings(room):
    room.add("votes", Vote("p-late", "u0", id="v1"))
    room.add("votes", Vote("p-cancel", "u1", id="v2"))
    room.add("ratings", Rating("p-maya", "card", "p-late", -2, "u1", id="r1"))
    room.add("ratings", Rating("p-maya", "stage", "s-renew", 1, "u0", id="r2"))
    before = cjm_json.dumps(room.journey)
    removal = room.remove("cards", "p-late")
    assert {e.id for _, e in removal.removed} >= {"v1", "r1"}
    room.restore(removal)
    removal = room.remove("participants", "u1")
    assert [e.id for n, e in removal.removed if n != "participants"] == ["v2", "r1"]
    assert {v.id for v in room.journey.votes} == {"v1"}
    room.restore(removal)
    removal = room.remove("personas", "p-maya")
    assert not room.journey.ratings
    room.restore(removal)
    assert cjm_json.dumps(room.journey) == before


def test_a_rating_is_checked_against_the_scale_and_one_per_participant(room):
    with pytest.raises(ModelError, match="outside the scale"):
        room.add("ratings", Rating("p-maya", "stage", "s-renew", 2.5, "u0"))
    with pytest.raises(ModelError, match="no participant"):
        room.add("ratings", Rating("p-maya", "stage", "s-renew", 1, "nobody"))
    room.add("ratings", Rating("p-maya", "stage", "s-renew", 1, "u0"))
    with pytest.raises(ModelError, match="already rated"):
        room.add("ratings", Rating("p-maya", "stage", "s-renew", -1, "u0"))
    with pytest.raises(ModelError, match="outside"):
        room.update_journey(scale=dataclasses.replace(room.journey.scale, min=2, max=5))


def test_spreads_known_answers():
    j = Journey()
    j.emotions = [EmotionPoint("p", "stage", "s1", 1, id="e1")]
    j.ratings = [
        Rating("p", "stage", "s1", -2, "a", id="r1"),
        Rating("p", "stage", "s1", 0, "b", id="r2"),
        Rating("p", "stage", "s2", 1.5, "a", id="r3"),
        Rating("q", "card", "c1", -1, "a", id="r4"),
        Rating("q", "card", "c1", 2, "b", id="r5"),
    ]
    s = spreads(j)
    # the map's own point (+1) is the designer's, not a participant's: the spread is the two ratings
    assert (s[("p", "stage", "s1")].mean, s[("p", "stage", "s1")].low) == (-1, -2)
    assert (s[("p", "stage", "s1")].high, s[("p", "stage", "s1")].n) == (0, 2)
    assert s[("p", "stage", "s2")] == dataclasses.replace(s[("p", "stage", "s2")], mean=1.5, low=1.5, n=1)
    assert (s[("q", "card", "c1")].mean, s[("q", "card", "c1")].n) == (0.5, 2)
    assert rescale(4, 1, 5, -2, 2) == 1.0 and rescale(7, 1, 10, -2, 2) == 0.67


def test_a_single_rating_draws_like_a_single_point(journey):
    only_point = compute(journey)
    first = journey.emotions[0]
    as_rating = dataclasses.replace(journey, emotions=journey.emotions[1:])
    as_rating.ratings = [Rating(first.persona_id, first.anchor_kind, first.anchor_id, first.score)]
    g = compute(as_rating)
    assert [p for _, p in g.curves[first.persona_id]] == [p for _, p in only_point.curves[first.persona_id]]
    assert not any(g.bands.values())


def test_several_ratings_give_the_curve_their_mean_and_a_band(journey):
    point = next(e for e in journey.emotions if e.anchor_kind == "stage")
    journey.ratings = [
        Rating(point.persona_id, point.anchor_kind, point.anchor_id, s, f"u{i}")
        for i, s in enumerate((-2, 2))
    ]
    g = compute(journey)
    lo, hi = journey.scale.min, journey.scale.max
    mean = (-2 + 2) / 2  # the ratings only: the map's own point is drawn apart, not counted
    at = dict(g.curves[point.persona_id])[point.id]
    assert at.y == pytest.approx(g.score_y(mean, lo, hi))
    assert g.emotion_points[point.id].y == pytest.approx(g.score_y(point.score, lo, hi))
    (band,) = g.bands[point.persona_id]
    assert (band.low, band.high, band.n) == (g.score_y(-2, lo, hi), g.score_y(2, lo, hi), 2)


def test_ratings_votes_and_participants_survive_the_file(room, tmp_path, schema_validator):
    room.update_journey(workshop=Workshop(dots=4, votable=("pain-point", "touchpoint")))
    room.add("votes", Vote("p-late", "u2"))
    room.add("votes", Vote("p-late", None))
    room.add("ratings", Rating("p-robert", "card", "p-late", -1.25, "u1", note="Cold box"))
    room.update("participants", "u0", colour="#aa3355")
    out = tmp_path / "room.cjm.json"
    cjm_json.save(room.journey, out)
    schema_validator.validate(json.loads(out.read_text()))
    again = cjm_json.load(out)
    assert not again.report and again.journey == room.journey
    assert cjm_json.dumps(again.journey) == out.read_text()
    assert voters(again.journey)["p-late"] == ["Chloé", "Anonymous"]
    ranked = ranking(again.journey)
    assert list(ranked) == ["pain-point", "touchpoint"] and ranked["pain-point"][0].card.id == "p-late"
