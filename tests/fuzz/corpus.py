"""Hostile inputs, one or more per family: the seeds of the fuzzing suite and its regression cases.

Each case is text or bytes for one loader (`json`, `mermaid`, `csv`). The families: Python's limits
leaking out (digits, recursion), links, repairs that are not idempotent, unbounded time or memory,
data dropped silently, interop round trips, injection.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cjm_editor.model import limits


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # json | mermaid | csv
    data: bytes
    loads: bool  # True: it opens (maybe with repairs); False: a LoadError


def base_map(**fields: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "format": "cjm-editor/journey",
        "formatVersion": 2,
        "minReaderVersion": 2,
        "documentId": "doc",
        "title": "Hostile",
        "scale": {"min": -2, "max": 2},
        "personas": [{"id": "p1", "name": "Ann", "colour": "#3b6fd1"}],
        "stages": [{"id": "s1", "name": "Discover"}, {"id": "s2", "name": "Buy"}],
        "lanes": [{"id": "l1", "name": "Touchpoints", "kind": "touchpoints"}],
        "cards": [
            {"id": "c1", "stage": "s1", "lane": "l1", "kind": "touchpoint", "title": "Ad"},
            {"id": "c2", "stage": "s2", "lane": "l1", "kind": "touchpoint", "title": "Shop"},
        ],
        "emotions": [{"id": "e1", "persona": "p1", "card": "c1", "score": 1}],
        "connections": [{"id": "k1", "from": "c1", "to": "c2"}],
    }
    value.update(fields)
    return value


def as_bytes(value: Any) -> bytes:
    return json.dumps(value).encode()


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def json_cases() -> list[Case]:
    big = "9" * 5000
    deep_extra = _deep(2000)
    v1 = {
        "format": "cjm-editor/journey",
        "version": 1,
        "id": "old",
        "title": "v1",
        "deep": json.loads(_deep(700)),
    }
    cases = [
        Case("int past 4300 digits", "json", as_bytes(base_map())[:-1] + f', "x": {big}}}'.encode(), False),
        Case(
            "int past digit limit in a score",
            "json",
            as_bytes(base_map()).replace(b'"score": 1', b'"score": 1' + b"0" * 40),
            False,
        ),
        Case("deep nesting", "json", b'{"a": ' + deep_extra.encode() + b"}", False),
        Case(
            "deep nesting after a duplicate key",
            "json",
            b'{"a": {"x": 1, "x": 2}, "b": ' + deep_extra.encode() + b"}",
            False,
        ),
        Case(
            "deep nesting with a lone surrogate",
            "json",
            as_bytes(base_map(title="\\ud800"))[:-1].replace(b"\\\\ud800", b"\\ud800")
            + b', "x": '
            + _deep(950).encode()
            + b"}",
            False,
        ),
        Case("v1 deep copy of deep nesting", "json", as_bytes(v1), False),
        Case(
            "nesting at the limit is fine",
            "json",
            as_bytes(base_map(x=json.loads(_deep(limits.MAX_EXTRA_DEPTH - 1)))),
            True,
        ),
        Case(
            "text past the length limit", "json", as_bytes(base_map(title="x" * (limits.MAX_TEXT + 1))), False
        ),
        Case(
            "scale of a hundred million",
            "json",
            as_bytes(base_map(scale={"min": 0, "max": 100_000_000})),
            False,
        ),
        Case(
            "scale span past the limit",
            "json",
            as_bytes(base_map(scale={"min": 0, "max": limits.MAX_SCALE_SPAN + 1})),
            False,
        ),
        Case(
            "scale extras and label extras",
            "json",
            as_bytes(
                base_map(
                    scale={
                        "min": -2,
                        "max": 2,
                        "unit": "mood",
                        "labels": [{"score": 0, "label": "Meh", "icon": "😐"}],
                    }
                )
            ),
            True,
        ),
        Case(
            "duplicate label scores",
            "json",
            as_bytes(
                base_map(
                    scale={
                        "min": -2,
                        "max": 2,
                        "labels": [{"score": 1, "label": "A"}, {"score": 1, "label": "B"}],
                    }
                )
            ),
            True,
        ),
        Case(
            "NUL in a stage link",
            "json",
            as_bytes(base_map(stages=[{"id": "s1", "name": "S", "link": "a\0b.cjm.json"}])),
            True,
        ),
        Case(
            "5000-character link",
            "json",
            as_bytes(base_map(stages=[{"id": "s1", "name": "S", "link": "a/" * 2500}])),
            True,
        ),
        Case(
            "absolute link",
            "json",
            as_bytes(base_map(stages=[{"id": "s1", "name": "S", "link": "/etc/passwd"}])),
            True,
        ),
        Case(
            "link out of the folder",
            "json",
            as_bytes(base_map(stages=[{"id": "s1", "name": "S", "link": "../../x.cjm.json"}])),
            True,
        ),
        Case("placeholder id taken by a card", "json", _placeholder_collision(), True),
        Case("missing lane growing", "json", _lane_growth(), True),
        Case(
            "persona placeholder taken by a stage",
            "json",
            as_bytes(base_map(emotions=[{"id": "e1", "persona": "s1", "card": "c1", "score": 1}])),
            True,
        ),
        Case(
            "placeholder participant and rating persona taken by cards", "json", _workshop_collision(), True
        ),
        Case(
            "YAML-like newline in a message",
            "json",
            b'{"format": "cjm-editor/journey", "formatVersion": "2\\n3"}',
            False,
        ),
    ]
    return cases


def _placeholder_collision() -> bytes:
    value = base_map()
    value["cards"].append({"id": "c3", "stage": "c1", "lane": "l1", "kind": "note", "title": "lost"})
    value["connections"].append({"id": "k2", "from": "c3", "to": "c1"})
    return as_bytes(value)


def _workshop_collision() -> bytes:
    """A vote's missing participant and a rating's missing persona are spelt like cards' ids; a
    score's missing persona too, so its placeholder gets a fresh id the rating must follow."""
    value = base_map(formatVersion=4)
    value["votes"] = [{"id": "v1", "card": "c1", "participant": "c2"}]
    value["ratings"] = [
        {"id": "r1", "persona": "c1", "stage": "s1", "score": 1, "participant": "c2"},
        {"id": "r2", "persona": "k1", "stage": "s2", "score": 1},
    ]
    value["emotions"].append({"id": "e2", "persona": "k1", "stage": "s1", "score": 0})
    return as_bytes(value)


def _lane_growth() -> bytes:
    value = base_map()
    value["lanes"] = [{"id": "s1", "name": "Lane that shares a stage's id", "kind": "notes"}]
    value["cards"] = [{"id": "c1", "stage": "s1", "lane": "s1", "kind": "note", "title": "a"}]
    value["emotions"], value["connections"] = [], []
    return as_bytes(value)


def mermaid_cases() -> list[Case]:
    m = "\ufb02\u00b0"
    cases = [
        Case("hex entity", "mermaid", b"journey\n section S\n  Go #x41; there: 5\n", True),
        Case(
            "huge entity", "mermaid", ("journey\n section S\n  Go #" + "9" * 5000 + ";: 5\n").encode(), True
        ),
        Case(
            "copy of the entity marker",
            "mermaid",
            f"journey\n section S\n  a{m}\u00b0x41\u00b6\u00df: 5\n".encode(),
            True,
        ),
        Case(
            "marker with digits",
            "mermaid",
            (f"journey\n section S\n  a{m}\u00b0" + "9" * 5000 + "\u00b6\u00df: 5\n").encode(),
            True,
        ),
        Case(
            "impossible date", "mermaid", b"---\ntitle: 2023-02-30\n---\njourney\n section S\n  a: 5\n", True
        ),
        Case("deep YAML", "mermaid", b"---\ntitle: " + b"[" * 3000 + b"\n---\njourney\n", False),
        Case(
            "deep YAML closed", "mermaid", b"---\ntitle: " + _deep(3000).encode() + b"\n---\njourney\n", False
        ),
        Case(
            "YAML int past 4300 digits", "mermaid", b"---\ntitle: " + b"7" * 5000 + b"\n---\njourney\n", True
        ),
        Case(
            "YAML aliases",
            "mermaid",
            b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            b"title: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\njourney\n",
            False,
        ),
        Case("YAML error", "mermaid", b"---\ntitle: [a\nb: {\n---\njourney\n", False),
        Case("100 KB of blank lines", "mermaid", b"journey\n" + b"\n" * 100_000 + b"x\n", False),
        Case(
            "100 KB of blank lines then a comment", "mermaid", b"journey\n" + b" \n" * 50_000 + b"%%c\n", True
        ),
        Case("unclosed tags", "mermaid", b"journey\n" + b"<a" * 50_000, False),
        Case("long style line", "mermaid", b"journey\nstyle" + b":" * 20_000 + b"#" * 20_000 + b"\n", True),
        Case("many comment markers", "mermaid", b"journey\n" + b" %%" * 50_000, True),
        Case("comment markers on a line without a newline", "mermaid", b"journey\n" + b" %%" * 500_000, True),
        Case(
            "score of 100,000 digits",
            "mermaid",
            b"journey\n section S\n  a: " + b"1" * 100_000 + b"x\n",
            True,
        ),
        Case(
            "hex score past the largest double",
            "mermaid",
            b"journey\n section S\n  a: 0x" + b"f" * 5000 + b"\n",
            True,
        ),
        Case("many directives", "mermaid", b"%%{init" * 30_000 + b"\njourney\n", False),
        Case("task starting with journey", "mermaid", b"journey\n section S\n  journeyman: 5: Ann\n", True),
        Case("task starting with title", "mermaid", b"journey\n section S\n  titles: 5\n", True),
        Case("line starting with one percent", "mermaid", b"journey\n section S\n  %x: 5\n", True),
        Case("comma entity in an error", "mermaid", b"journey\n section S\n  a#44;b\n", False),
        Case(
            "text past the length limit",
            "mermaid",
            b"journey\n section S\n  " + b"x" * (limits.MAX_TEXT + 1) + b": 5\n",
            False,
        ),
        Case("tab-only task", "mermaid", b"journey\n section S\n  \t: 5\n", False),
    ]
    return cases


def csv_cases() -> list[Case]:
    return [
        Case("formula cells", "csv", b"stage,title,body\nS,=1+2,@SUM(A1)\nS,+cmd,-2+3\n", True),
        Case("neutralised cells", "csv", b"stage,title\nS,'=1+2\nS,''quoted\n", True),
        Case("empty title and stage", "csv", b"stage,title,kind\n,,note\nS,,note\n", True),
        Case("scale 1..5", "csv", b"stage,title,emotion,scale\nS,a,5,1..5\nS,b,1,1..5\n", True),
        Case("scale past the limit", "csv", b"stage,title,emotion,scale\nS,a,5,0..100000000\n", False),
        Case(
            "scale with huge digits",
            "csv",
            b"stage,title,emotion,scale\nS,a,5,1.." + b"9" * 5000 + b"\n",
            False,
        ),
        Case("emotion with huge digits", "csv", b"stage,title,emotion\nS,a," + b"9" * 5000 + b"\n", False),
        Case("votes with huge digits", "csv", b"stage,title,votes\nS,a," + b"9" * 5000 + b"\n", False),
        Case(
            "text past the length limit",
            "csv",
            b"stage,title\nS," + b"x" * (limits.MAX_TEXT + 1) + b"\n",
            False,
        ),
        Case(
            "a card past csv's own 128 K field limit",
            "csv",
            b"stage,title\nS," + b"x" * 200_000 + b"\n",
            True,
        ),
        Case("a header with line breaks", "csv", 'stage,title,"a\nb\x85c\u2029"\nS,t,x\n'.encode(), True),
        Case("a kind with a paragraph separator", "csv", "stage,title,kind\nS,t,a\u2029b\n".encode(), False),
    ]


def all_cases() -> list[Case]:
    return json_cases() + mermaid_cases() + csv_cases()
