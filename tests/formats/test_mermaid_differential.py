"""Our Mermaid journey parser against the real Mermaid 11 (mermaid 11.17.2), case by case.

tests/fixtures/mermaid-journey/differential.jsonl holds texts from tools/mermaid-diff/generate.py
with what Mermaid's own parser made of them (tools/mermaid-diff/mermaid_parse.mjs): one text for
each family of tricky pieces (keyword letters starting a task, `%` lines, Unicode spaces, entity
codes, odd scores, front matter, directives...), one for each family that once disagreed, and the
texts of test_mermaid_export.py's maps as our export writes them. Titles are as
the grammar gave them to journeyDb, before Mermaid's DOMPurify pass; entity codes are decoded as a
web page shows them. A case with "webPage" went through mermaid.run() as a diagram in a web page
(dedent, trim, `<br>` as `<br/>`); its title is the diagram's, the front matter's when the text has
no title statement.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from cjm_editor.formats.mermaid.parse import MermaidError, parse

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mermaid-journey" / "differential.jsonl"
CASES = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").split("\n") if line.strip()]


def _score(value: float) -> float | str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _mermaid_score(value: float | str) -> float | str:
    return value if isinstance(value, str) else float(value)  # JSON from JavaScript: doubles


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['family'][:60]}" for i, c in enumerate(CASES)])
def test_we_read_what_mermaid_reads(case):
    web_page = case.get("webPage", False)
    if not case["ok"] or case["type"] != "journey":  # refused, or another kind of diagram
        with pytest.raises(MermaidError):
            parse(case["text"], web_page=web_page)
        return
    d = parse(case["text"], web_page=web_page)
    title = d.title or (d.front_matter_title if web_page else "")
    assert (title, d.acc_title, d.acc_descr) == (case["title"], case["accTitle"], case["accDescr"])
    assert d.sections == case["sections"]
    ours = [(t.section, t.task, _score(t.score), t.people) for t in d.tasks]
    theirs = [(t["section"], t["task"], _mermaid_score(t["score"]), t["people"]) for t in case["tasks"]]
    assert ours == theirs
    assert d.actors == case["actors"]


def test_the_kept_aside_families_are_there():
    families = {":".join(c["family"].split(":")[:2]) for c in CASES}
    for keyword in ("journey", "title", "section", "accTitle", "accDescr"):
        assert f"keyword:{keyword}" in families
    percent = [c for c in CASES if c["family"].startswith("percent:'%comment here'")]
    assert any(c["ok"] and "%comment" in c["text"] for c in percent)
    assert len(CASES) >= 300
