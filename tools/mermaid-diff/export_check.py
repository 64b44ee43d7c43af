"""Does Mermaid read our Mermaid export as the export meant? Random maps with tricky names, exported by
cjm_editor/formats/mermaid/write.py, parsed by the real Mermaid (mermaid_parse.mjs).

    python tools/mermaid-diff/export_check.py [--maps N] [--seed N] [--show N]

What the export means: the map title, accTitle and accDescr, each stage as a section (an unnamed one
as "(unnamed stage)", none before the first stage's tasks), each touchpoint as a task with its
title, its score and its personas' names, every text on one line with JavaScript's white space
trimmed. Each map here has one score per card, on the 1..5 scale, so no score is averaged.
It also checks that our parser reads each exported text as Mermaid does.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from compare import differs, ours, theirs  # noqa: E402

from cjm_editor.formats.mermaid.convert import EXTRA_KEY  # noqa: E402
from cjm_editor.formats.mermaid.js import WS, WS_CHARS  # noqa: E402
from cjm_editor.formats.mermaid.write import to_text  # noqa: E402
from cjm_editor.model import Card, EmotionPoint, Journey, Lane, Persona, Stage  # noqa: E402
from cjm_editor.model.journey import scale_preset  # noqa: E402

# fmt: off
STARTS = ["journey", "Journeyman", "title", "Titles", "title:", "section", "SECTION x", "section:",
          "accTitle", "accTitle: x", "accDescr", "accDescr {", "accdescr{", "%", "%%", "%{", "%%{init: {}}%%",
          "}%%", "#", ";", ":", ",", "---", "&", "<br>", "style a:b#c;", "classDef x:#f;", "ﬂ°", "¶ß",
          "x%%y", "\u00a0", "\t", " ", "\u2028", "\u3000", "\ufeff", "\n", "\r\n", "{", "}", "0x10", "-0"]
PIECES = [*STARTS, "a", "B", "word", "é", "😀", "#35;", "#quot;", "&amp;", "'", '"', "\\", "=", "5", "1e3",
          "\u200b", "\v", "\r", "a:b", "x;y", "p,q", "s#t", "u%v", "w}z", "style", ":#", "classDef"]
# fmt: on


def tricky(rng: random.Random) -> str:
    parts = [rng.choice(STARTS)] + [rng.choice(PIECES) for _ in range(rng.randint(0, 4))]
    return "".join(parts) if rng.random() < 0.8 else rng.choice(["Plain", "Pay now", ""])


def random_map(rng: random.Random) -> Journey:
    j = Journey(title=tricky(rng), description=tricky(rng), scale=scale_preset("1..5"))
    if rng.random() < 0.3:
        j.description = "\n".join(tricky(rng) for _ in range(rng.randint(2, 4)))
    if rng.random() < 0.4:
        j.extra[EXTRA_KEY] = {"accTitle": tricky(rng) or "t"}
    j.personas = [Persona(name=tricky(rng)) for _ in range(rng.randint(0, 3))]
    j.lanes = [Lane(name="Touchpoints", kind="touchpoints")]
    for _ in range(rng.randint(1, 3)):
        stage = Stage(name=tricky(rng) or "S")
        j.stages.append(stage)
        for _ in range(rng.randint(1, 3)):
            card = Card(stage.id, j.lanes[0].id, "touchpoint", tricky(rng))
            j.cards.append(card)
            score = rng.randint(1, 5)
            people = [p for p in j.personas if rng.random() < 0.6]
            j.emotions += [EmotionPoint(p.id, "card", card.id, score) for p in people]
    return j


def one_line(text: str) -> str:
    return re.sub("[\r\n\u2028\u2029]+", " ", text).strip(WS_CHARS)


def meant(j: Journey) -> dict:
    """What the export means Mermaid to read (see the module docstring)."""
    acc = j.extra.get(EXTRA_KEY, {})
    descr = j.description
    if not acc.get("accDescr") and descr == acc.get("accTitle"):  # taken for the importer's copy
        descr = ""
    if "\n" in descr.strip():
        lines = [line.strip(WS_CHARS) for line in descr.strip().splitlines()]
        descr = re.sub("\n" + WS + "+", "\n", "\n".join(lines)).strip(WS_CHARS)
    else:
        descr = one_line(descr)
    sections, tasks = [], []
    for index, stage in enumerate(j.stages):
        name = one_line(stage.name)
        cards = [c for c in j.cards if c.stage_id == stage.id]
        if name or index > 0 or not cards:
            sections.append(name or "(unnamed stage)")
        for card in cards:
            points = {e.persona_id: e.score for e in j.emotions if e.anchor_id == card.id}
            people = [one_line(p.name) or " " for p in j.personas if p.id in points]
            score = next(iter(points.values()), 3)
            section = sections[-1] if sections else ""
            tasks.append(
                {
                    "section": section,
                    "task": one_line(card.title) or "(untitled)",
                    "score": float(score),
                    "people": people,
                }
            )
    return {
        "ok": True,
        "title": one_line(j.title),
        "accTitle": one_line(str(acc.get("accTitle", ""))),
        "accDescr": descr,
        "sections": sections,
        "tasks": tasks,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--maps", type=int, default=300)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    maps = [random_map(rng) for _ in range(args.maps)]
    texts = [to_text(j)[0] for j in maps]
    lines = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    run = subprocess.run(
        ["node", str(HERE / "mermaid_parse.mjs")], input=lines, capture_output=True, text=True, check=True
    )
    answers = [json.loads(line) for line in run.stdout.split("\n") if line.strip()]
    wrong = parser_wrong = shown = 0
    for j, text, answer in zip(maps, texts, answers, strict=True):
        mermaid = theirs(answer)
        intended = meant(j)
        fields = differs(intended | {"actors": mermaid.get("actors")}, mermaid)  # actors follow from tasks
        parser_fields = differs(ours(text), mermaid)
        wrong += bool(fields)
        parser_wrong += bool(parser_fields)
        if (fields or parser_fields) and shown < args.show:
            shown += 1
            print(f"export differs in {fields}, our parser in {parser_fields}\n  text    {text!r}")
            for k in fields:
                print(f"  {k}: meant {intended.get(k)!r}\n  {' ' * len(k)}  read  {mermaid.get(k)!r}")
    print(
        f"{len(maps)} maps: Mermaid read {wrong} exports otherwise than meant; "
        f"our parser read {parser_wrong} exports otherwise than Mermaid"
    )
    return 1 if wrong or parser_wrong else 0


if __name__ == "__main__":
    sys.exit(main())
