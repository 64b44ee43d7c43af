"""A Mermaid `journey` parser that accepts exactly what Mermaid (11.x) accepts.

It follows Mermaid's pipeline: cleanupText (CRLF, attribute quotes), YAML front matter, `%%{…}%%`
directives, `%%` comment lines, type detection, entity encoding (`#35;`), then the jison lexer of
journey.jison (case-insensitive, first matching rule wins, exclusive states for accTitle/accDescr)
and its grammar, and journeyDb's task parsing (JavaScript `Number()` scores, `,`-separated people).
Errors name the line of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cjm_editor.formats.mermaid import linear
from cjm_editor.formats.mermaid.js import DOT, WS, dedent, number
from cjm_editor.model import limits

FRONT_MATTER = re.compile("^-{3}" + WS + "*[\n\r](.*?)[\n\r]-{3}" + WS + "*[\n\r]+", re.S)
DIRECTIVE = re.compile(
    "%{2}\\{"
    + WS
    + "*(?:(\\w+)"
    + WS
    + "*:|(\\w+))"
    + WS
    + "*(?:(\\w+)|((?:(?!\\}%{2})"
    + DOT
    + "|\r?\n)*))?"
    + WS
    + "*(?:\\}%{2})?",
    re.I | re.ASCII,
)
ENTITY = re.compile(r"#(\w+);", re.ASCII)
ENCODED = re.compile("\ufb02\u00b0(\u00b0?)(\\w+)\u00b6\u00df", re.ASCII)


class MermaidError(ValueError):
    """Mermaid would reject the text. `line` is 1-based in the original text (0: the whole text)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


@dataclass
class Task:
    section: str
    task: str
    score: float  # JavaScript Number(): may be NaN or ±inf, or have a fraction
    score_text: str  # as written, for keeping an out-of-range score on the card
    people: list[str]
    line: int
    section_index: int = 0  # how many sections came before it (0: none, the task has no section)


@dataclass
class MermaidJourney:
    title: str = ""
    acc_title: str = ""
    acc_descr: str = ""
    front_matter_title: str = ""
    sections: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        """Everyone named on a task, sorted, without duplicates (journeyDb.getActors)."""
        return sorted({p for t in self.tasks for p in t.people})


# ---------------------------------------------------------------------------------------- preprocess
def _blank_out(match: re.Match[str]) -> str:
    """A removed part keeps its line breaks, so line numbers still point into the original text."""
    return "\n" * match.group(0).count("\n")


def _cleanup_text(text: str) -> str:
    text = re.sub("\r\n?", "\n", text)
    return linear.single_quote_attributes(text)


def _front_matter(text: str) -> tuple[str, str]:
    """(title from the YAML front matter, text without it)."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return "", text
    from cjm_editor.formats.mermaid import front_matter  # YAML loads only for a diagram that has some

    try:
        data = front_matter.load(match.group(1))
    except front_matter.FrontMatterError as exc:
        raise MermaidError(2 + exc.line, f"the YAML front matter is not valid: {exc.message}") from None
    title = ""
    if isinstance(data, dict) and data.get("title"):
        value = data["title"]
        title = value if isinstance(value, str) else str(value)
    return title, _blank_out(match) + text[match.end() :]


def preprocess(text: str) -> tuple[str, str, int]:
    """(code for the lexer, front matter title, lines removed from the top)."""
    text = _cleanup_text(text)
    title, text = _front_matter(text)
    text = DIRECTIVE.sub(_blank_out, text)
    text = linear.comment_lines(text, lambda s: "\n" * s.count("\n"))
    stripped = re.sub("\\A" + WS + "+", "", text)
    removed = text[: len(text) - len(stripped)].count("\n")
    return stripped, title, removed


def _detect(text: str) -> None:
    probe = FRONT_MATTER.sub("", text, count=1)
    probe = DIRECTIVE.sub("", probe)
    probe = linear.any_comments(probe, "\n")
    if re.match(WS + "*journey", probe):
        return
    if re.match(WS + "*---", probe):
        raise MermaidError(
            1,
            "diagrams beginning with --- are not valid: YAML front matter must open and close with "
            "un-indented --- lines",
        )
    first = next((line.strip() for line in probe.splitlines() if line.strip()), "")
    raise MermaidError(1, f"not a Mermaid journey diagram (it starts with {first[:30]!r}, not 'journey')")


def _encode_entities(text: str) -> str:
    text = linear.drop_style_semicolons(text)
    return ENTITY.sub(
        lambda m: (
            ("\ufb02\u00b0\u00b0" if re.fullmatch(r"\+?[0-9]+", m.group(1)) else "\ufb02\u00b0")
            + m.group(1)
            + "\u00b6\u00df"
        ),
        text,
    )


def decode_entities(text: str) -> str:
    """Mermaid's entity codes as the characters a reader sees: `#35;` is '#', `#quot;` is '"'."""

    def one(m: re.Match[str]) -> str:
        numeric, name = m.group(1), m.group(2)
        if numeric:
            digits = name.lstrip("+")
            if not (digits.isascii() and digits.isdigit()) or len(digits) > limits.MAX_ENTITY_DIGITS:
                return f"#{name};"  # a copy of the marker around something that is no number
            code = int(digits)
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else f"#{name};"
        import html  # its table of named entities loads only for a diagram that names one

        decoded = html.unescape(f"&{name};")
        return decoded if decoded != f"&{name};" else f"#{name};"

    return ENCODED.sub(one, text)


def shown(text: str) -> str:
    """Text for an error message: entity codes as written (`#44;`), not as encoded inside."""
    return ENCODED.sub(lambda m: f"#{m.group(2)};", text)


# ---------------------------------------------------------------------------------------- lexer
I = re.I | re.ASCII  # noqa: E741 (jison's case-insensitive option; JavaScript's /i folds ASCII only)
INITIAL_RULES: list[tuple[re.Pattern[str], str | None, str | None]] = [  # (pattern, token, state)
    (re.compile(r"%%(?!\{)[^\n]*", I), None, None),
    (re.compile(r"[^}]%%[^\n]*", I), None, None),
    (re.compile(r"[\n]+", I), "NEWLINE", None),
    (re.compile(WS + "+", I), None, None),
    (re.compile(r"#[^\n]*", I), None, None),
    (re.compile(r"journey\b", I), "journey", None),  # jison appends \b to a keyword ending in a letter
    (re.compile("title" + WS + "[^#\n;]+", I), "title", None),
    (re.compile("accTitle" + WS + "*:" + WS + "*", I), "acc_title", "acc_title"),
    (re.compile("accDescr" + WS + "*:" + WS + "*", I), "acc_descr", "acc_descr"),
    (re.compile("accDescr" + WS + "*\\{" + WS + "*", I), None, "acc_descr_multiline"),
    (re.compile("section" + WS + "[^#:\n;]+", I), "section", None),
    (re.compile("[^#:\n;]+", I), "taskName", None),
    (re.compile(":[^#\n;]+", I), "taskData", None),
    (re.compile(":", I), ":", None),
    (re.compile(DOT, I), "INVALID", None),
]
Rule = tuple[re.Pattern[str], str | None, str | None]
STATE_RULES: dict[str, list[Rule]] = {
    "acc_title": [(re.compile(r"[^\n]*", I), "acc_title_value", "pop")],
    "acc_descr": [(re.compile(r"[^\n]*", I), "acc_descr_value", "pop")],
    "acc_descr_multiline": [
        (re.compile(r"[}]", I), None, "pop"),
        (re.compile(r"[^}]*", I), "acc_descr_multiline_value", None),
    ],
}


@dataclass
class Token:
    kind: str
    text: str
    line: int


def lex(code: str, first_line: int) -> list[Token]:
    """Tokens of journey.jison: at each place the first rule that matches wins."""
    tokens: list[Token] = []
    pos, state, line = 0, "INITIAL", first_line
    while pos < len(code):
        rules: list[Rule] = INITIAL_RULES if state == "INITIAL" else STATE_RULES[state]
        for pattern, kind, action in rules:
            m = pattern.match(code, pos)
            if m is None:
                continue
            if kind is not None:
                tokens.append(Token(kind, m.group(0), line))
            if action == "pop":
                state = "INITIAL"
            elif action is not None:
                state = action
            line += m.group(0).count("\n")
            pos = m.end()
            break
        else:  # pragma: no cover (the INVALID rule matches any character but a line terminator)
            tokens.append(Token("INVALID", code[pos], line))
            pos += 1
    tokens.append(Token("EOF", "", line))
    return tokens


# ---------------------------------------------------------------------------------------- grammar
def _describe(token: Token) -> str:
    if token.kind == "EOF":
        return "the end of the text"
    if token.kind == "NEWLINE":
        return "the end of the line"
    return repr(shown(token.text.strip())[:40])


def _task(d: MermaidJourney, section: str, name: Token, data: Token) -> None:
    pieces = data.text[1:].split(":")
    score_text = pieces[0]
    people = [p.strip(WS[1:-1]) for p in pieces[1].split(",")] if len(pieces) > 1 else []
    d.tasks.append(
        Task(section, name.text, number(score_text), score_text, people, name.line, len(d.sections))
    )


def parse(text: str, *, web_page: bool = False) -> MermaidJourney:
    """Parse a Mermaid journey. `web_page`: dedent and trim first, as `mermaid.run()` does for a
    diagram in an HTML page (`mmdc` and `mermaid.render()` do not). Raises MermaidError."""
    if web_page:
        text = dedent(text)
    code, front_title, removed = preprocess(text)
    _detect(code)
    code = _encode_entities(code) + "\n"
    tokens = lex(code, 1 + removed)
    d = MermaidJourney(front_matter_title=decode_entities(front_title))
    section = ""
    i = 0
    if tokens[0].kind != "journey":
        raise MermaidError(tokens[0].line, f"expected 'journey' first, found {_describe(tokens[0])}")
    i = 1
    while tokens[i].kind != "EOF":
        t = tokens[i]
        kind = t.kind
        if kind == "NEWLINE":
            i += 1
        elif kind == "title":
            d.title = decode_entities(t.text[6:])
            i += 1
        elif kind in ("acc_title", "acc_descr"):
            value = tokens[i + 1]
            if value.kind != f"{kind}_value":  # pragma: no cover (the lexer always follows with a value)
                raise MermaidError(t.line, f"{kind} needs a value")
            text_value = decode_entities(value.text.strip(WS[1:-1]))
            if kind == "acc_title":
                d.acc_title = re.sub("^" + WS + "+", "", text_value)
            else:
                d.acc_descr = re.sub("\n" + WS + "+", "\n", text_value)
            i += 2
        elif kind == "acc_descr_multiline_value":
            d.acc_descr = re.sub("\n" + WS + "+", "\n", decode_entities(t.text.strip(WS[1:-1])))
            i += 1
        elif kind == "section":
            section = decode_entities(t.text[8:])
            d.sections.append(section)
            i += 1
        elif kind == "taskName":
            data = tokens[i + 1]
            if data.kind != "taskData":
                name = shown(t.text.strip())
                raise MermaidError(
                    t.line,
                    f"task {name[:40]!r} needs a score after a colon, e.g. '{name[:20]}: 5: Actor' "
                    f"(found {_describe(data)})",
                )
            _task(d, section, Token(t.kind, decode_entities(t.text), t.line), data)
            d.tasks[-1].people = [decode_entities(p) for p in d.tasks[-1].people]
            i += 2
        elif kind == "journey":
            raise MermaidError(t.line, "'journey' may only start the diagram (a task cannot begin with it)")
        elif kind == ":":
            raise MermaidError(t.line, "a colon without a task name before it")
        elif kind == "taskData":
            raise MermaidError(t.line, f"{shown(t.text.strip())[:40]!r} has no task name before it")
        else:
            raise MermaidError(t.line, f"unexpected {_describe(t)}")
    return d
