"""Scores at a card count: the insights read a stage's score by the rule the print states
(model/feelings.py: the persona's lowest point there, naming the card when a card's point decides)."""

from __future__ import annotations

from cjm_editor.analysis import insights
from cjm_editor.analysis.graph import persona_scores, to_digraph
from cjm_editor.analysis.report import analyze
from cjm_editor.formats import cjm_json
from cjm_editor.formats.mermaid import convert
from cjm_editor.model import Card, EmotionPoint, Journey, Lane, Persona, Stage
from cjm_editor.model.feelings import stage_feelings
from tests.conftest import MAP_FIXTURE


def _map() -> Journey:
    """Stages A, B, C with touchpoints a, b1, b2, c. Pat: A +1, B +1 at the stage and -2 at b2, C 0.
    Quinn: only card points, A +2 at a, B +2 at b1, C -1 at c."""
    j = Journey()
    j.stages = [Stage(id=s, name=s) for s in "ABC"]
    j.lanes = [Lane(id="lt", name="Touchpoints", kind="touchpoints")]
    j.personas = [Persona(id="P", name="Pat"), Persona(id="Q", name="Quinn")]
    j.cards = [
        Card(stage, "lt", "touchpoint", f"T {cid}", id=cid)
        for cid, stage in (("a", "A"), ("b1", "B"), ("b2", "B"), ("c", "C"))
    ]
    j.emotions = [
        EmotionPoint("P", "stage", "A", 1, id="e1"),
        EmotionPoint("P", "stage", "B", 1, id="e2"),
        EmotionPoint("P", "card", "b2", -2, id="e3"),
        EmotionPoint("P", "stage", "C", 0, id="e4"),
        EmotionPoint("Q", "card", "a", 2, id="e5"),
        EmotionPoint("Q", "card", "b1", 2, id="e6"),
        EmotionPoint("Q", "card", "c", -1, id="e7"),
    ]
    return j


def test_persona_scores_take_the_lowest_point_of_a_stage_card_points_included():
    assert persona_scores(_map()) == {"P": {"A": 1, "B": -2, "C": 0}, "Q": {"A": 2, "B": 2, "C": -1}}


def test_moments_of_truth_name_the_card_whose_point_decides():
    j = _map()
    g = to_digraph(j)
    got = {
        (m.persona, m.kind, m.stage, m.card, m.score, m.change)
        for m in insights.moments_of_truth(j, ["a", "b1", "c"], g)
    }
    assert got == {
        ("P", "low", "B", "b2", -2, 0),
        ("P", "drop", "B", "b2", -2, -3),
        ("Q", "low", "C", "c", -1, 0),
        ("Q", "drop", "C", "c", -1, -3),
    }
    text = analyze(j).text()
    assert "Pat feels worst in “B” at “T b2” (-2) on the main path." in text


def test_persona_divergence_counts_card_points_and_names_the_card():
    (found,) = insights.persona_divergence(_map())
    assert found.elements == ("B", "b1", "b2")
    assert found.message == "In “B”, Quinn (+2 at “T b1”) and Pat (-2 at “T b2”) feel very differently."


def test_the_sample_lists_mayas_low_at_checkout_as_the_worksheet_shows_it():
    j = cjm_json.load(MAP_FIXTURE).journey
    maya = next(p.id for p in j.personas if p.name.startswith("Maya"))
    assert stage_feelings(j)[(maya, "s-signup")].card == "Checkout"  # what the worksheet prints
    report = analyze(j)
    lows = {(m.stage, m.card, m.score) for m in report.moments if m.persona == maya and m.kind == "low"}
    assert lows == {("s-signup", "t-checkout", -2), ("s-regular", "", -2)}
    divergence = next(f.message for f in report.findings if f.kind == "persona-divergence")
    assert "Maya, busy professional (-2 at “Checkout”)" in divergence


MERMAID = """journey
  section Sign up
    Checkout: 1: Maya
    Phone order line: 5: Robert
  section Use
    App: 4: Maya, Robert
"""


def test_a_mermaid_import_keeps_scores_on_cards_and_still_has_moments_and_differences():
    journey = convert.from_text(MERMAID).journey
    assert journey.emotions and all(e.anchor_kind == "card" for e in journey.emotions)
    report = analyze(journey)
    messages = [report.moment_message(m) for m in report.moments]
    assert messages == [
        "Maya feels worst in “Sign up” at “Checkout” (+1) on the main path.",
        "Robert feels worst in “Use” at “App” (+4) on the main path.",
        "Robert's mood drops most on reaching “Use” at “App” (-1, down to +4).",
    ]
    (divergence,) = [f for f in report.findings if f.kind == "persona-divergence"]
    assert divergence.message == (
        "In “Sign up”, Robert (+5 at “Phone order line”) and Maya (+1 at “Checkout”) feel very differently."
    )
