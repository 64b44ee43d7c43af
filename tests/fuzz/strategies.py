"""Generators of hostile inputs: maps with colliding ids and odd references, Mermaid text built from
the lexer's own pieces, CSV built from formula-like cells, and link texts."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from cjm_editor.model import limits
from tests.fuzz.corpus import all_cases

IDS = ["a", "b", "s1", "s2", "l1", "c1", "c2", "p1", "doc", "e1", "k1"]
TEXT_BITS = [
    "",
    " ",
    "\t",
    "\n",
    "\r",
    "\u2028",
    "\ufeff",
    "\u00a0",
    "=1+2",
    "+",
    "-",
    "@",
    "'",
    '"',
    ",",
    ";",
    ":",
    "#",
    "%",
    "%%",
    "#35;",
    "#44;",
    "<b>",
    "</i>",
    "&amp;",
    "journey",
    "title",
    "section",
    "\ufb02\u00b0\u00b0",
    "\u00b6\u00df",
    "é",
    "中文",
    "😀",
    "\x00",
    "\x7f",
    "a" * 300,
    "..",
    "/",
]
LINKS = [
    "micro.cjm.json",
    "sub/deep.cjm.json",
    "../out.cjm.json",
    "/etc/passwd",
    "C:\\x.cjm.json",
    "fifo",
    "sub",
    "loop.cjm.json",
    "a\x00b",
    "x" * (limits.MAX_LINK + 5),
    "sub/../micro.cjm.json",
    "escape/x",
    "",
    "missing.cjm.json",
    "self.cjm.json",
]

texts = st.lists(st.sampled_from(TEXT_BITS) | st.text(max_size=8), max_size=5).map("".join)
ids = st.sampled_from(IDS)


@st.composite
def scales(draw: st.DrawFn, hostile: bool = True) -> dict[str, Any]:
    """A scale; `hostile` also draws scales at and past the limits."""
    odd_lo = st.sampled_from([-limits.MAX_SCORE - 1, 0, 10**9])
    odd_span = st.sampled_from([limits.MAX_SCALE_SPAN, limits.MAX_SCALE_SPAN + 1])
    lo = draw(st.integers(-12, 12) | odd_lo if hostile else st.integers(-12, 12))
    hi = lo + draw(st.integers(1, 12) | odd_span if hostile else st.integers(1, 12))
    out: dict[str, Any] = {"min": lo, "max": hi}
    if draw(st.booleans()):
        out["labels"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"score": st.integers(lo - 1, hi + 1), "label": texts},
                    optional={"icon": texts, "extra": st.dictionaries(st.text(max_size=3), st.integers())},
                ),
                max_size=4,
            )
        )
    if draw(st.booleans()):
        out["unit"] = draw(texts)
    return out


@st.composite
def map_values(draw: st.DrawFn, hostile: bool = True) -> dict[str, Any]:
    """A version-2 map whose ids collide across kinds and whose references may lead nowhere; with
    `hostile` its scale may also be past the limits (for exporters: mostly maps that open)."""
    kinds = ["touchpoints", "actions", "pain-points", "notes", "emotions"]
    card_kinds = ["touchpoint", "action", "pain-point", "note", "quote"]

    def element(**fields: Any) -> Any:
        return st.fixed_dictionaries({"id": ids, **fields})

    value: dict[str, Any] = {
        "format": "cjm-editor/journey",
        "formatVersion": draw(st.sampled_from([2, 2, 2, 1])),
        "minReaderVersion": 2,
        "documentId": draw(ids),
        "title": draw(texts),
        "scale": draw(scales(hostile)),
        "personas": draw(st.lists(element(name=texts, colour=st.just("#3b6fd1")), max_size=3)),
        "stages": draw(
            st.lists(element(name=texts, link=st.sampled_from(LINKS) | st.none()), max_size=4).map(
                lambda stages: [{k: v for k, v in s.items() if v is not None} for s in stages]
            )
        ),
        "lanes": draw(st.lists(element(name=texts, kind=st.sampled_from(kinds)), max_size=3)),
        "cards": draw(
            st.lists(
                element(
                    stage=ids,
                    lane=ids,
                    kind=st.sampled_from(card_kinds),
                    title=texts,
                    body=texts,
                    personas=st.lists(ids, max_size=2),
                    votes=st.integers(0, 5),
                ),
                max_size=6,
            )
        ),
        "emotions": draw(
            st.lists(
                element(persona=ids, card=ids, score=st.integers(-3, 12))
                | element(persona=ids, stage=ids, score=st.integers(-3, 3)),
                max_size=5,
            )
        ),
        "connections": draw(st.lists(element(**{"from": ids, "to": ids}), max_size=4)),
    }
    if value["formatVersion"] == 1:
        value["version"] = value.pop("formatVersion")
        value["id"] = value.pop("documentId")
    return value


maps = map_values().map(lambda v: json.dumps(v).encode())

MERMAID_BITS = [
    "journey",
    "journey\n",
    "\n",
    " ",
    "\t",
    "title ",
    "title My day",
    "section ",
    "section Go",
    "accTitle: ",
    "accDescr: ",
    "accDescr {",
    "}",
    ":",
    ": ",
    "5",
    "3",
    "0x1F",
    "NaN",
    "Infinity",
    "1e999",
    ",",
    "Ann",
    " Me, Cat",
    "%%",
    "%%{init: {}}%%",
    "%",
    "#",
    "#35;",
    "#44;",
    "#x41;",
    "#quot;",
    ";",
    "---\n",
    "title: t\n",
    "a: &a [1]\n",
    "b: *a\n",
    "<br>",
    '<b x="1">',
    "style",
    "classDef",
    "\u2028",
    "\r",
    "\r\n",
    "\ufeff",
    "Go",
    "journeyman",
    "titles",
    "\ufb02\u00b0\u00b0",
    "\u00b6\u00df",
    "9" * 40,
]
mermaid_texts = st.lists(st.sampled_from(MERMAID_BITS) | st.text(max_size=4), max_size=40).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
)

CSV_BITS = [
    "=SUM(A1)",
    "+1",
    "-2",
    "@x",
    "\tx",
    "\rx",
    "'=x",
    "''",
    '"',
    '""',
    ",",
    ";",
    "\n",
    "\r\n",
    "x",
    "1..5",
    "-2..2",
    "0..100000000",
    "note",
    "touchpoint",
    "widget",
    "3",
    "-1",
    "9" * 40,
    "",
]
csv_cells = st.lists(st.sampled_from(CSV_BITS) | st.text(max_size=4), max_size=3).map("".join)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    columns = ["stage", "lane", "kind", "title", "body", "personas", "emotion", "votes", "tags", "scale"]
    header = draw(st.lists(st.sampled_from([*columns, "other"]), min_size=1, max_size=8, unique=True))
    if draw(st.booleans()):
        header = ["stage", "title", *[h for h in header if h not in ("stage", "title")]]
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=draw(st.sampled_from([",", ";"])))
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 5))):
        writer.writerow([draw(csv_cells) for _ in header])
    raw = out.getvalue().encode("utf-8", "surrogatepass")
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + raw


def seeds(kind: str) -> st.SearchStrategy[bytes]:
    """The corpus of the kind, as a strategy to mutate."""
    return st.sampled_from([c.data for c in all_cases() if c.kind == kind])


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    raw = bytearray(draw(base))
    for _ in range(draw(st.integers(0, 6))):
        if not raw:
            break
        pos = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "copy"]))
        if op == "flip":
            raw[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del raw[pos : pos + draw(st.integers(1, 40))]
        elif op == "insert":
            raw[pos:pos] = draw(
                st.sampled_from([b"{", b"]", b'"', b",", b"\\u", b"\xff", b"\n", b"%%", b":", b"#"])
            )
        else:
            end = min(len(raw), pos + draw(st.integers(1, 200)))
            raw[pos:pos] = raw[pos:end] * draw(st.integers(1, 20))
    return bytes(raw)


ORDER_KEYS = [
    "a0",
    "a1",
    "a2",
    "a0V",
    "Zz",
    "a1",
    "a0",
    "b00",
    "",
    "!",
    "a",
    "zzzz",
    "A" + "0" * 30,
    "x" * 70,
]
"""Valid keys (repeated, so duplicates come up), invalid ones and ones past MAX_STORED_KEY."""
EXTRAS = st.dictionaries(
    st.sampled_from(["future", "x-note", "order2", "Ünï", "__proto__"]),
    st.integers(-5, 5) | texts | st.lists(st.integers(), max_size=2) | st.none(),
    max_size=2,
)


@st.composite
def keyed_map_values(draw: st.DrawFn) -> dict[str, Any]:
    """A format-4 map: order keys valid, duplicate, invalid or missing on stages, lanes, personas,
    cards and participants (in or out of list order), participants, votes and ratings that may name
    nothing, and fields this version does not know on every element and at the top."""
    value = draw(map_values(hostile=False))
    value.pop("version", None)
    value.pop("id", None)
    value |= {"formatVersion": draw(st.sampled_from([3, 4])), "documentId": "doc", "minReaderVersion": 2}
    keys = st.sampled_from(ORDER_KEYS) | st.integers(0, 3) | st.none()
    value["participants"] = draw(st.lists(st.fixed_dictionaries({"id": ids, "name": texts}), max_size=3))
    if value["formatVersion"] == 4:
        for card in value["cards"]:
            card.pop("votes", None)
        value["votes"] = draw(
            st.lists(
                st.fixed_dictionaries({"id": ids, "card": ids}, optional={"participant": ids}), max_size=4
            )
        )
        value["ratings"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"id": ids, "persona": ids, "score": st.integers(-3, 3) | st.floats(-3, 3)},
                    optional={"participant": ids, "stage": ids, "card": ids, "note": texts},
                ),
                max_size=4,
            )
        )
        if draw(st.booleans()):
            value["workshop"] = {"dots": draw(st.integers(1, 5)), "votableKinds": ["note"], "future": 1}
    for kind in ("personas", "stages", "lanes", "cards", "participants"):
        for element in value[kind]:
            key = draw(keys)
            if key is not None:
                element["order"] = key
    for kind in ("personas", "stages", "lanes", "cards", "emotions", "connections", "participants"):
        for element in value[kind]:
            element |= draw(EXTRAS)
    value |= {f"top-{k}": v for k, v in draw(EXTRAS).items()}
    return value
