"""Compare our Mermaid journey parser with what the real Mermaid parsed, text by text.

    python tools/mermaid-diff/compare.py texts.jsonl mermaid.jsonl [--show N] [--fixture OUT]

texts.jsonl is generate.py's output, mermaid.jsonl mermaid_parse.mjs's answer for it. Prints every
disagreement (up to --show), then the counts. --fixture writes the first case of every family with
Mermaid's answer (and every disagreeing case), the file tests/formats/test_mermaid_differential.py
checks.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cjm_editor.formats.mermaid.parse import MermaidError, parse  # noqa: E402

FIELDS = ("title", "accTitle", "accDescr", "sections", "tasks", "actors")


def _score(value: float) -> object:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _as_float(tasks: list[dict]) -> list[dict]:
    """Scores as doubles: JSON from JavaScript prints 2**57 + 1 as 144115188075855860."""
    return [t | {"score": float(t["score"])} if not isinstance(t["score"], str) else t for t in tasks]


def ours(text: str, web_page: bool = False) -> dict:
    """Our parser's answer in the runner's shape (titles as the grammar gave them; for a web page the
    diagram's title, which is the front matter's when the text has no title statement)."""
    try:
        d = parse(text, web_page=web_page)
    except MermaidError as exc:
        return {"ok": False, "error": f"line {exc.line}: {exc.message}"}
    tasks = [
        {"section": t.section, "task": t.task, "score": _score(t.score), "people": t.people} for t in d.tasks
    ]
    return {
        "ok": True,
        "title": d.title or (d.front_matter_title if web_page else ""),
        "accTitle": d.acc_title,
        "accDescr": d.acc_descr,
        "sections": d.sections,
        "tasks": tasks,
        "actors": d.actors,
    }


def theirs(answer: dict) -> dict:
    """Mermaid's answer in the same shape: a text of another diagram type counts as refused."""
    if not answer["ok"] or answer.get("type") != "journey":
        return {"ok": False}
    raw = answer.get("raw", {})
    return {"ok": True} | {k: raw.get(k, answer[k]) for k in FIELDS} | {"tasks": _as_float(answer["tasks"])}


def fixture_answer(answer: dict) -> dict:
    """Mermaid's answer for the fixture: the fields compared (titles as the grammar gave them)."""
    if not answer["ok"]:
        return {"ok": False, "error": answer["error"].split("\n")[0]}
    if answer["type"] != "journey":
        return {"ok": True, "type": answer["type"]}
    raw = answer["raw"]
    return {"ok": True, "type": "journey"} | {k: raw.get(k, answer[k]) for k in FIELDS}


def differs(mine: dict, mermaid: dict) -> list[str]:
    """The fields where the two answers differ (["ok"] when only one accepts)."""
    if mine["ok"] != mermaid["ok"]:
        return ["ok"]
    if not mine["ok"]:
        return []
    return [k for k in FIELDS if mine[k] != mermaid[k]]


def read_jsonl(path: str) -> list[dict]:
    """JSON lines, split at "\\n" only (a text may hold U+2028, which Node writes unescaped)."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").split("\n") if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts")
    ap.add_argument("mermaid")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--web-page", action="store_true", help="answers from mermaid_parse.mjs --web-page")
    ap.add_argument("--fixture", help="write the fixture cases here")
    ap.add_argument("--keep", help="a file of ids (one a line) whose families the fixture keeps too")
    args = ap.parse_args(argv)
    texts = read_jsonl(args.texts)
    answers = {a["id"]: a for a in read_jsonl(args.mermaid)}
    keep = set(Path(args.keep).read_text(encoding="utf-8").split()) if args.keep else set()
    bad, shown, families = 0, 0, {}
    for item in texts:
        mermaid = theirs(answers[item["id"]])
        mine = ours(item["text"], args.web_page)
        fields = differs(mine, mermaid)
        if fields:
            bad += 1
            if shown < args.show:
                shown += 1
                keys = ["ok", *fields]
                print(f"{item['id']} {item['family']} differs in {fields}\n  text    {item['text']!r}")
                print(f"  mermaid {json.dumps({k: mermaid.get(k) for k in keys}, ensure_ascii=False)}")
                print(f"  ours    {json.dumps({k: mine.get(k) for k in keys}, ensure_ascii=False)}")
        family = "random" if item["family"].startswith("random") else item["family"].rsplit(":", 1)[0]
        if fields or item["id"] in keep:  # every place of a family that disagreed, every such mixture
            family = item["id"] if family == "random" else "disagreed " + family
        if family != "random" and family not in families:
            page = {"webPage": True} if args.web_page else {}
            families[family] = {"family": item["family"], "text": item["text"], **page} | fixture_answer(
                answers[item["id"]]
            )
    print(f"{len(texts)} texts, {bad} disagreements")
    if args.fixture:
        rows = list({row["text"]: row for row in families.values()}.values())
        with open(args.fixture, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(row) + "\n" for row in rows)
        print(f"{len(rows)} cases written to {args.fixture}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
