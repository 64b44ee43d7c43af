"""Card words and scale lines come from one place for the canvas and the PDF."""

from __future__ import annotations

from cjm_editor.layout import compute
from cjm_editor.layout.content import MAX_TICKS, card_footer, scale_ticks
from cjm_editor.model import Card
from cjm_editor.model.journey import EmotionScale


def test_footers_of_each_kind():
    assert card_footer(Card("s", "l", "touchpoint", channel="Email", owner="Sales")) == "✉ Email  ·  Sales"
    assert card_footer(Card("s", "l", "quote", source="Interview 4")) == "— Interview 4"
    metric = Card("s", "l", "metric", value=38, target=40, unit="%")
    assert card_footer(metric) == "38% of 40% target"
    assert card_footer(Card("s", "l", "metric")) == "– of – target"
    assert card_footer(Card("s", "l", "note", link="detail.cjm.json", tags=("a",))) == "↗ detail.cjm.json"
    assert card_footer(Card("s", "l", "note", tags=("a", "b"))) == "a, b"


def test_scale_ticks_label_every_score_and_mark_neutral(journey):
    g = compute(journey)
    ticks = scale_ticks(g, journey.scale)
    assert [t.score for t in ticks] == [-2, -1, 0, 1, 2]
    assert [t.neutral for t in ticks] == [False, False, True, False, False]
    assert ticks[0].label == "Very negative" and ticks[0].y > ticks[-1].y


def test_a_wide_scale_gets_a_bounded_number_of_lines(journey):
    g = compute(journey)
    ticks = scale_ticks(g, EmotionScale(0, 100_000_000))
    assert len(ticks) <= MAX_TICKS + 1
    assert (ticks[0].score, ticks[-1].score) == (0, 100_000_000)
    assert not any(t.neutral for t in scale_ticks(g, EmotionScale(1, 10)))
