"""Mermaid journeys: Mermaid's own corpus, the mapping to maps, export, round trips, fuzzing."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm_editor.formats.errors import LoadError
from cjm_editor.formats.mermaid.convert import SCORE_KEY, from_text
from cjm_editor.formats.mermaid.parse import MermaidError, parse
from cjm_editor.formats.mermaid.write import to_text
from cjm_editor.model import Card, EmotionPoint, Journey, Lane, Persona, Stage

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "mermaid-journey"


def _expected(name: str) -> list[dict]:
    return [json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()]


def _score(value: float) -> object:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return int(value) if value == int(value) else value


CASES = [(False, e) for e in _expected("expected_raw.jsonl")] + [
    (True, e) for e in _expected("expected_dedent.jsonl")
]


@pytest.mark.parametrize(
    ("web_page", "expected"), CASES, ids=[f"{'dedent' if w else 'raw'}-{e['file']}" for w, e in CASES]
)
def test_mermaid_corpus(web_page, expected):
    text = (CORPUS / expected["file"]).read_bytes().decode("utf-8")
    if not expected["ok"]:
        with pytest.raises(MermaidError):
            parse(text, web_page=web_page)
        return
    d = parse(text, web_page=web_page)
    assert d.title == expected["title"]
    assert d.acc_title == expected["accTitle"]
    assert d.acc_descr == expected["accDescr"]
    assert d.sections == expected["sections"]
    tasks = [
        {"section": t.section, "task": t.task, "score": _score(t.score), "people": t.people} for t in d.tasks
    ]
    assert tasks == expected["tasks"]
    assert d.actors == expected["actors"]


def test_corpus_is_all_there():
    assert len(CASES) == 46


def _norm(text: str, web_page: bool = True) -> dict:
    """What Mermaid holds, as a reader sees it."""
    d = parse(text, web_page=web_page)
    return {
        "title": d.title.strip() or d.front_matter_title.strip(),
        "acc": (d.acc_title, d.acc_descr),
        "sections": [s.strip() for s in d.sections],
        "tasks": [
            (
                t.section_index,
                t.task.strip(),
                "NaN" if math.isnan(t.score) else t.score,
                list(dict.fromkeys(p for p in t.people if p)),
            )
            for t in d.tasks
        ],
    }


@pytest.mark.parametrize("expected", _expected("expected_dedent.jsonl"), ids=lambda e: e["file"])
def test_round_trip_mermaid_map_mermaid_map(expected):
    text = (CORPUS / expected["file"]).read_bytes().decode("utf-8")
    first = from_text(text, "corpus.mmd", web_page=True).journey
    again, _ = to_text(first)
    second = from_text(again, "again.mmd").journey
    assert _norm(again, web_page=False) == _norm(text) | {"title": _norm(again, False)["title"]}
    assert _norm(again, web_page=False)["title"] in (_norm(text)["title"], "")
    assert to_text(second)[0] == again, "a second round changes nothing"


def test_mapping_to_a_map():
    j = from_text(
        "journey\ntitle Go shopping\naccTitle: Shop\naccDescr: A family trip\n"
        "Warm up: 4: Dad\nsection Drive\nGet keys: 5: Dad, Mum, , Dad\nsection Drive\nPark: 2\n",
        "shop.mmd",
    ).journey
    assert j.title == "Go shopping" and j.description == "A family trip"
    assert [s.name for s in j.stages] == ["", "Drive", "Drive"], "tasks before a section get an unnamed stage"
    assert [p.name for p in j.personas] == ["Dad", "Mum", "Everyone"]
    assert [c.title for c in j.cards] == ["Warm up", "Get keys", "Park"]
    assert all(c.kind == "touchpoint" for c in j.cards)
    assert (j.scale.min, j.scale.max) == (1, 5)
    points = {(e.persona_id, e.anchor_id): e.score for e in j.emotions}
    dad, mum, everyone = (p.id for p in j.personas)
    keys, park = j.cards[1].id, j.cards[2].id
    assert points[(dad, keys)] == 5 and points[(mum, keys)] == 5 and points[(everyone, park)] == 2


def test_scores_mermaid_allows_but_the_scale_does_not_are_kept_with_a_warning():
    result = from_text("journey\nsection S\nA: 7: Me\nB: 2rem: Me\nC: 2.5: Me\nD: 0x3: Me\n", "s.mmd")
    cards = {c.title: c for c in result.journey.cards}
    score = {e.anchor_id: e.score for e in result.journey.emotions}
    assert score[cards["A"].id] == 5 and cards["A"].extra[SCORE_KEY] == "7"
    assert cards["B"].id not in score and cards["B"].extra[SCORE_KEY] == "2rem"
    assert score[cards["C"].id] == 3
    assert score[cards["D"].id] == 3 and SCORE_KEY not in cards["D"].extra, "0x3 is 3 to Mermaid"
    warnings = result.report.lines()
    assert len(warnings) == 3 and warnings[0].startswith("s.mmd: line 3: score 7")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("journey\n  title T\n  section A\n    Task without a score\n", 4, "needs a score"),
        ("journey\nsection A\nJourney planning: 5: Me\n", 3, "'journey' may only start"),
        ("journey\nsection Review: 5\n", 2, "has no task name"),
        ("flowchart LR\n A --> B\n", 1, "not a Mermaid journey"),
        ("\n  ---\n  title: x\n  ---\njourney\n", 1, "---"),  # indented: only at the very start
        ("---\ntitle: [unclosed\n---\njourney\n", 2, "YAML"),
        ("journey\n%% a comment\n\ntitle T\nTask: 5: Me\nOops\n", 6, "needs a score"),
    ],
)
def test_rejected_text_names_the_line(text, line, fragment):
    with pytest.raises(LoadError) as info:
        from_text(text, "bad.mmd")
    assert info.value.location == f"line {line}"
    assert fragment in info.value.message
    assert str(info.value).startswith(f"bad.mmd: line {line}: ")


def test_case_rules_comments_directives_and_entities():
    d = parse(
        "%%{init: {'theme': 'forest'}}%%\n"
        "journey\n"
        "  TITLE Caf#233; #35;1 # a comment\n"
        "  %% a comment line\n"
        "  Section Sign#58; up\n"
        "    Pay #quot;now#quot;: 4: Ann#44; B, Bo\n"
    )
    assert d.title == "Café #1 "
    assert d.sections == ["Sign: up"]
    assert [(t.task, t.score, t.people) for t in d.tasks] == [('Pay "now"', 4.0, ["Ann, B", "Bo"])]
    with pytest.raises(MermaidError, match="not a Mermaid journey"):
        parse("JOURNEY\n  title x\n")  # Mermaid detects the type case-sensitively, then lexes without case


def _tricky() -> Journey:
    j = Journey(title="Trip #1; the sequel\nsecond line")
    j.personas = [Persona(id="a", name="Ann, the planner"), Persona(id="b", name="Bo: driver")]
    j.stages = [Stage(id="s1", name="Plan; book"), Stage(id="s2", name="Go #2")]
    j.lanes = [Lane(id="l", name="Touchpoints", kind="touchpoints")]
    titles = ["Title page", "Section 2 review", "journey planner", "accTitle: x", "Pay 50%% now", "Ask: why?"]
    j.cards = [Card("s1" if i < 3 else "s2", "l", "touchpoint", t, id=f"c{i}") for i, t in enumerate(titles)]
    j.emotions = [
        EmotionPoint("a" if i % 2 else "b", "card", f"c{i}", (i % 4) - 2) for i in range(len(titles))
    ]
    return j


def test_export_escapes_what_would_break_mermaid():
    text, warnings = to_text(_tricky())
    d = parse(text)
    assert d.title == "Trip #1; the sequel second line"
    assert d.sections == ["Plan; book", "Go #2"]
    assert [t.task for t in d.tasks] == [
        "Title page",
        "Section 2 review",
        "journey planner",
        "accTitle: x",
        "Pay 50%% now",
        "Ask: why?",
    ]
    assert [t.people for t in d.tasks][:2] == [["Bo: driver"], ["Ann, the planner"]]
    assert [t.score for t in d.tasks] == [1, 2, 3, 4, 1, 2]
    assert any("rescaled from -2..2" in w for w in warnings)


def test_export_warns_about_what_mermaid_cannot_hold(journey):
    _, warnings = to_text(journey)
    text = "\n".join(warnings)
    assert "connection" in text and "pain-point" in text and "channel" in text


@given(st.text(max_size=300))
def test_random_text_gives_a_map_or_a_clear_error(text):
    try:
        result = from_text(text, "fuzz.mmd")
    except LoadError as exc:
        assert str(exc).startswith("fuzz.mmd: ")
    else:
        assert isinstance(result.journey, Journey)


PIECES = [
    "journey",
    "\n",
    " ",
    "title x",
    "section S",
    "Task",
    ": 5",
    ":",
    ": 3: A, B",
    "#",
    ";",
    "%%",
    "%%{init: {}}%%",
    "accTitle: t",
    "accDescr: d",
    "accDescr {",
    "}",
    "---",
    "#35;",
    "\t",
    "\r\n",
    "5",
    ",",
]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_random_mermaid_shaped_text_gives_a_map_or_a_clear_error(parts):
    text = "".join(parts)
    try:
        result = from_text(text, "fuzz.mmd")
    except LoadError as exc:
        assert exc.location.startswith("line ") and exc.message
    else:
        again, _ = to_text(result.journey)
        from_text(again, "again.mmd")  # whatever we write, we (and so Mermaid) can read
