"""Mermaid-shaped journey texts for the differential run, as JSON lines {"id", "family", "text"}.

Each family puts one kind of tricky piece (a keyword's letters, a `%`, a Unicode space, an entity
code, an odd score...) at the places where the lexer could read it differently: a task's text, its
score, its people, a title, a section, before `journey`. The random part mixes the pieces. The
output is the same for the same seed.

    python tools/mermaid-diff/generate.py [--seed N] [--random N] > texts.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator

# fmt: off
KEYWORDS = ["journey", "title", "section", "accTitle", "accDescr"]
KEYWORD_TAILS = ["", "s", "man", "X", "x", "_", "-", "1", "é", ":", " ", "  ", "\t", "\u00a0", "{", "}",
                 " x", ":x", ": x", "{x", "{ x }", "#", ";", "%", "\u3000x", "\u2028x", "\ufeffx"]
SPACES = {"tab": "\t", "nbsp": "\u00a0", "ideo": "\u3000", "bom": "\ufeff", "lsep": "\u2028",
          "psep": "\u2029", "vt": "\v", "ff": "\f", "cr": "\r", "crlf": "\r\n", "en": "\u2002",
          "nnbsp": "\u202f", "ogham": "\u1680", "nel": "\u0085", "zwsp": "\u200b"}
PERCENT_LINES = ["%comment here", "%", "% x", "%x: 5: A", "%{x}: 5: A", "%{", "%}", "%%", "%% c",
                 "%%c", "%%%", "%%{", "%%{init: {}}%%", "%%{x}%%", "x%%y: 5: A", "x%y: 5: A",
                 "xy%%z: 5: A", "}%%", "}%% x", "a}%%b: 5: A", "%%}", " %x", "\t%x", "  %% x",
                 "%\tx", "%:5", "%#x", "%;x", "%%:5", "%journey", "% section S", "%title T"]
SPECIAL = ["#", ";", ":", "#;", ";#", "::", ":;", "%", "%%", "}", "{", "<br>", "<br/>", "<b>x</b>",
           "&amp;", "&", "<", ">", "\"", "'", "`", "\\", "\\n", "=", "ﬂ°", "¶ß"]
ENTITIES = ["#35;", "#quot;", "#59;", "#58;", "#44;", "#amp;", "#lt;", "#nbsp;", "#0;", "#128;",
            "#150;", "#55296;", "#1114112;", "#99999999999;", "#x41;", "#foo;", "#233;",
            "#eacute;", "#Eacute;", "#35", "#35 ;", "##35;", "#35;#35;", "#_;", "#1_2;", "#9;",
            "#10;", "#13;", "#32;", "#160;", "#0035;", "#65533;", "#65535;", "#128512;",
            "#AMP;", "#quot", "#infin;", "#NotEqualTilde;", "#gt;"]
SCORES = ["5", " 5 ", "5 ", " 5", "0x10", "0X1f", "0b11", "0o7", "0x", "1e3", "1E-2", "1e", "-0",
          "+5", "- 5", "-5", "Infinity", "-Infinity", "+Infinity", "infinity", "NaN", ".5", "5.",
          ".", "", " ", "00012", "1_000", "5 5", "٥", "\u00a05\u00a0", "\t5", "0.1", "1e400",
          "0x1fffffffffffff1", "5rem", "3.0", "4e0", "0e5", "\ufeff5", "5\u3000"]
PEOPLE = ["", " ", "A", "A, B", "A,,B", " A , B ", ",", ", ,", "A:B", "A: B: C", "A,", ",A",
          "\tA\t", "A\u00a0", "\u00a0A", "A B", "B, A, B", "a, A", "Ä, Z, a", "😀, A", "A#x", "A;x"]
FRONT = ["---\ntitle: FM\n---\n", "---\n---\n", "  ---\n  title: x\n  ---\n", "---\ntitle: a: b\n---\n",
         "--- \ntitle: x\n---  \n\n", "---\r\ntitle: x\r\n---\r\n", "---\ntitle: [1, 2]\n---\n",
         "---\nconfig: {theme: dark}\n---\n", "----\ntitle: x\n----\n", "---\ntitle: x\n---",
         "---\ntitle: 'x'\n---\n\n\n", "\n---\ntitle: x\n---\n", "---\n\tx: 1\n---\n",
         "---\ntitle: x #35;\n---\n", "---\ntitle: 5\n---\n", "---\ntitle:\n---\n",
         *[f"---\ntitle: {v}\n---\n" for v in ["true", "yes", "On", "~", "null", "1.0", "1e3", "0x10",
                                                "1_000", "0o7", ".inf", "-.nan", "2023-01-01", "1:30",
                                                "{a: 1}", "[]", "'#35;'", "\"a\\u00e9\"", "0", "false",
                                                "-0", "00012", "1.50", "12345678901234567890"]]]
DIRECTIVES = ["%%{init: {'theme': 'forest'}}%%\n", "%%{init: {}}%%", "%%{wrap}%%\n", "%%{ init }%%\n",
              "%%{init: {\n'theme': 'dark'\n}}%%\n", "%%{unclosed\n", "%%{x}%%%%{y}%%\n",
              "  %%{init: {}}%%\n", "%%{init: {}}%% journey\n", "%%{init:{}}%%\r\n"]
BEFORE = ["", "\n", "\n\n", "  ", "\t", "%% c\n", " %% c\n", "%c\n", "%\n", "\u00a0", "\ufeff",
          "\u2028", "\r", "\r\n", "#x\n", ";\n", "\v"]
HEADERS = ["journey", "journey ", "journey\t", "journey;", "journey:", "journey#x", "journey %% c",
           "journey%x", "journey x", "journeyx", "journey1", "journey_", "journey-", "journeyé",
           "journey\u00a0", "journey{", "journey:5", "journey\ttitle T", "Journey", "JOURNEY"]
# fmt: on


def tasks(line: str) -> str:
    """The line among ordinary tasks, in a section."""
    return f"journey\n  section S\n    Before: 3: A\n{line}\n    After: 4: B\n"


def places(piece: str) -> Iterator[tuple[str, str]]:
    """(place, text) for a piece at each place a line can hold it."""
    yield "task", tasks(f"    {piece}: 5: A")
    yield "task-end", tasks(f"    T{piece}: 5: A")
    yield "task-mid", tasks(f"    T {piece} U: 5: A")
    yield "line", tasks(f"    {piece}")
    yield "line0", tasks(piece)
    yield "score", tasks(f"    T: {piece}: A")
    yield "score-tail", tasks(f"    T: 5{piece}: A")
    yield "people", tasks(f"    T: 5: {piece}")
    yield "people-mid", tasks(f"    T: 5: A{piece}B, C")
    yield "title", f"journey\n  title {piece}\n  section S\n    T: 5: A\n"
    yield "title-mid", f"journey\n  title T {piece} U\n  section S\n    T: 5: A\n"
    yield "section", f"journey\n  section {piece}\n    T: 5: A\n"
    yield "section-mid", f"journey\n  section S {piece} U\n    T: 5: A\n"
    yield "acctitle", f"journey\n  accTitle: a {piece} b\n  section S\n    T: 5: A\n"
    yield "accdescr", f"journey\n  accDescr: a {piece} b\n  section S\n    T: 5: A\n"
    yield "accdescr-block", f"journey\n  accDescr {{\n    a {piece} b\n    c\n  }}\n    T: 5: A\n"
    yield "after-journey", f"journey {piece}\n  section S\n    T: 5: A\n"
    yield "before", f"{piece}\njourney\n  section S\n    T: 5: A\n"


def cases() -> Iterator[tuple[str, str]]:
    """(family, text) for every systematic case."""
    for kw in KEYWORDS:
        for spelled in {kw, kw.lower(), kw.upper(), kw.capitalize(), kw.swapcase()}:
            for tail in KEYWORD_TAILS:
                word = spelled + tail
                fam = f"keyword:{kw}:{tail!r}"
                yield fam + ":task", tasks(f"    {word}: 5: A")
                yield fam + ":task-more", tasks(f"    {word}more text: 5: A")
                yield fam + ":line", tasks(f"    {word}")
                yield fam + ":line-value", tasks(f"    {word} value")
                yield fam + ":people", tasks(f"    T: 5: {word}")
    for line in PERCENT_LINES:
        for where, text in [
            ("between", tasks(line)),
            ("between-indented", tasks("    " + line)),
            ("after-journey", f"journey\n{line}\n  section S\n    T: 5: A\n"),
            ("before-journey", f"{line}\njourney\n  section S\n    T: 5: A\n"),
            ("last-no-newline", f"journey\n  section S\n    T: 5: A\n{line}"),
            ("title-tail", f"journey\n  title T {line}\n  section S\n    T: 5: A\n"),
            ("task-tail", tasks(f"    T: 5: A {line}")),
            ("same-line-journey", f"journey {line}\n  section S\n    T: 5: A\n"),
            ("accdescr-block", f"journey\n  accDescr {{\n{line}\n  }}\n    T: 5: A\n"),
        ]:
            yield f"percent:{line!r}:{where}", text
    for piece in SPECIAL + ENTITIES:
        family = "entity" if piece in ENTITIES else "special"
        for where, text in places(piece):
            yield f"{family}:{piece!r}:{where}", text
    for name, space in SPACES.items():
        for where, text in places(space):
            yield f"space:{name}:{where}", text
        for kw in ("title", "section", "accTitle:", "accDescr:", "accDescr{"):
            yield f"space:{name}:after-{kw}", tasks(f"    {kw}{space}x")
        yield f"space:{name}:indent", tasks(f"{space}T: 5: A")
        yield f"space:{name}:blank-line", tasks(space)
        yield f"space:{name}:header", f"journey{space}\n  section S\n    T: 5: A\n"
        yield f"space:{name}:before-header", f"{space}journey\n  section S\n    T: 5: A\n"
    for score in SCORES:
        yield f"score:{score!r}", tasks(f"    T: {score}: A")
        yield f"score:{score!r}:no-people", tasks(f"    T: {score}")
        yield f"score:{score!r}:no-space", tasks(f"    T:{score}:A")
    for people in PEOPLE:
        yield f"people:{people!r}", tasks(f"    T: 5: {people}")
        yield f"people:{people!r}:colon", tasks(f"    T: 5: {people}:")
    for fm in FRONT:
        yield f"front:{fm!r}", fm + "journey\n  title T\n  section S\n    T: 5: A\n"
        yield f"front:{fm!r}:no-title", fm + "journey\n  section S\n    T: 5: A\n"
    for directive in DIRECTIVES:
        yield f"directive:{directive!r}", directive + "journey\n  section S\n    T: 5: A\n"
        yield f"directive:{directive!r}:inside", tasks(directive.rstrip("\n"))
    for before in BEFORE:
        for header in HEADERS:
            yield f"header:{before!r}:{header!r}", f"{before}{header}\n  section S\n    T: 5: A\n"
    for n in range(4):
        blank = "\n" * n
        yield f"blank:{n}", f"journey{blank}\n{blank}  section S{blank}\n    T: 5: A{blank}"
    yield "empty", ""
    yield "only-journey-no-newline", "journey"


# fmt: off
FRAGMENTS = ["journey", "\n", "\n", "\n", " ", "  ", "\t", "title", "title ", "section", "section ",
             "accTitle", "accTitle: ", "accDescr", "accDescr: ", "accDescr {", "}", "{", "Task", "T",
             ": ", ":", ": 5", ": 3: A, B", ",", "#", ";", "%", "%%", "%%{init: {}}%%", "#35;",
             "#quot;", "\r", "\r\n", "\u00a0", "\u2028", "\u3000", "5", "0x1", "1e3", "Infinity",
             "<br>", "x%%y", "}%%", "---", "Journeyman", "titles", "Title:", "section:", "SectionX",
             "accTitlex", "accDescr{", "x", "é", "-", "style a:#b;", "classDef c:#d;", '<a href="x">',
             "---\n", "%%{init: {\n", "}}%%", "\u2029", "\v", "\ufeff", "#9;", "#foo;", "ﬂ°", "¶ß"]
LINES = ["title T", "title", "Title x", "section S", "Section", "section: x", "accTitle: a", "accTitle a",
         "accDescr: d", "accDescr {", "}", "accDescr{ x }", "T: 5: A", "T: 5", "T:5:A,B", "T: x: A", "T",
         "T: 5: A: B", ": 5", "%% c", "% c", "%%{init: {}}%%", "x%%y", "a}%%b", "#c", "; x", "T; x: 5",
         "T #35;: 5: A#44; B", "T: 0x1f: A", "T: -0", "T: 1e3:", "style a:#f;", "Journeyman: 1",
         "titles: 2", "accTitlex: 3", "journey", "%%{\ninit}%%", "<br>x: 5", "T\u00a0: 5\u00a0: A"]
INDENTS = ["", "  ", "    ", "\t", "\u00a0", " \t "]
# fmt: on


def random_texts(rng: random.Random, n: int) -> Iterator[tuple[str, str]]:
    for _ in range(n):
        head = rng.choice(["journey\n", "journey\n", "journey\n", "", "journey "])
        parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 25))]
        yield "random", head + "".join(parts)
    for _ in range(n):
        lines = [rng.choice(INDENTS) + rng.choice(LINES) for _ in range(rng.randint(1, 12))]
        ending = rng.choice(["\n", "\n", "\r\n", "", "\n\n"])
        yield "random-lines", "journey" + ending + ending.join(lines) + rng.choice(["", ending])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--random", type=int, default=1500, help="how many random mixtures (default 1500)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    seen: set[str] = set()
    n = 0
    for family, text in [*cases(), *random_texts(rng, args.random)]:
        if text in seen:
            continue
        seen.add(text)
        n += 1
        sys.stdout.write(json.dumps({"id": f"g{n:05d}", "family": family, "text": text}) + "\n")


if __name__ == "__main__":
    main()
