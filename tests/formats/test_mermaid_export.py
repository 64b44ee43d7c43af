"""The Mermaid export says what it means: names that Mermaid would read otherwise (a keyword's letters,
`%`, `#`, `;`, `:`, Mermaid's own entity markers, `style`/`classDef` lines, blank accessibility values)
come back as they were. Our parser reads these texts as Mermaid 11 does: the exported texts are in
differential.jsonl with Mermaid's answers (family "export:...")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjm_editor.formats.mermaid.convert import EXTRA_KEY
from cjm_editor.formats.mermaid.parse import parse
from cjm_editor.formats.mermaid.write import to_text
from cjm_editor.model import Card, EmotionPoint, Journey, Lane, Persona, Stage
from cjm_editor.model.journey import scale_preset

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mermaid-journey" / "differential.jsonl"

NAMES = {
    "percent": ["%comment", "%%{init: {}}%%", "%{x}", "x%%y", "}%%"],
    "keyword": ["journey-x", "Title: x", "section:", "SectionX", "accTitlex", "accDescr{", "ACCDESCR: y"],
    "separators": ["a#b", "a;b", "a:b", "a,b", "#35;", "#quot;", "&amp;", "<br>"],
    "markers": ["\ufb02\u00b0", "\u00b6\u00df", "x\ufb02\u00b0\u00b035\u00b6\u00df"],
    "style": ["style a:b#c;", "classDef x:#f;", "restyle:#1;", "classDef: #x;y;"],
    "spaces": ["\u00a0x\u00a0", "\tx", "x\u3000y", "\ufeffx"],
}


def _map(names: list[str], description: str = "", acc_title: str = "") -> Journey:
    j = Journey(title=names[0], description=description, scale=scale_preset("1..5"))
    if acc_title:
        j.extra[EXTRA_KEY] = {"accTitle": acc_title}
    j.personas = [Persona(id=f"p{i}", name=n) for i, n in enumerate(names)]
    j.lanes = [Lane(id="l", name="Touchpoints", kind="touchpoints")]
    j.stages = [Stage(id=f"s{i}", name=n) for i, n in enumerate(names)]
    j.cards = [Card(f"s{i}", "l", "touchpoint", n, id=f"c{i}") for i, n in enumerate(names)]
    j.emotions = [EmotionPoint(f"p{i}", "card", f"c{i}", 1 + i % 5) for i in range(len(names))]
    return j


@pytest.mark.parametrize("family", sorted(NAMES))
def test_names_come_back_as_they_were(family):
    names = NAMES[family]
    text, _ = to_text(_map(names, description=" | ".join(names), acc_title=names[-1]))
    d = parse(text)
    assert d.title == names[0].strip("\u00a0\t\ufeff")
    assert d.acc_title == names[-1].strip("\u00a0\t\ufeff")
    assert d.acc_descr == " | ".join(names).strip("\u00a0\t\ufeff")
    assert d.sections == [n.strip("\u00a0\t\ufeff") for n in names]
    assert [(t.task, t.score, t.people) for t in d.tasks] == [
        (n.strip("\u00a0\t\ufeff"), 1 + i % 5, [n.strip("\u00a0\t\ufeff")]) for i, n in enumerate(names)
    ]


def test_a_description_over_lines_keeps_its_lines():
    text, _ = to_text(_map(["A"], description="style a:b#c;\n\ufb02\u00b0 }%%\nlast;"))
    assert parse(text).acc_descr == "style a:b#c;\n\ufb02\u00b0 }%%\nlast;"


@pytest.mark.parametrize("blank", [" ", "\u00a0", "\n", "\u2028"])
def test_a_blank_accessibility_value_is_left_out(blank):
    """After `accTitle:` with nothing on its line, Mermaid would read the next line as the title."""
    text, _ = to_text(_map(["A"], description=blank, acc_title=blank))
    assert "accTitle" not in text and "accDescr" not in text
    assert [t.task for t in parse(text).tasks] == ["A"]


def test_the_exported_texts_are_in_the_differential_fixture():
    """So our reading of them is Mermaid's (tools/mermaid-diff made those answers)."""
    texts = {json.loads(line)["text"] for line in FIXTURE.read_text(encoding="utf-8").split("\n") if line}
    exported = [to_text(_map(n, description=" | ".join(n), acc_title=n[-1]))[0] for n in NAMES.values()]
    exported.append(to_text(_map(["A"], description="style a:b#c;\n\ufb02\u00b0 }%%\nlast;"))[0])
    assert [t for t in exported if t not in texts] == []


def test_a_text_mermaid_would_not_draw_is_named():
    text, warnings = to_text(_map([f"Card {i:05d} with a longer title" for i in range(1500)]))
    assert len(text) > 50_000 and any("maxTextSize" in w for w in warnings)
    assert not any("maxTextSize" in w for w in to_text(_map(["A"]))[1])
