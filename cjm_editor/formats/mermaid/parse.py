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
from cjm_editor.formats.mermaid.js import DOT, WS, WS_CHARS, dedent, number, to_string, truthy
from cjm_editor.formats.mermaid.tracked import Tracked
from cjm_editor.model import limits

INDENT = "[" + re.escape(WS_CHARS.replace("\n", "").replace("\r", "")) + "]"  # JavaScript's [^\S\n\r]
FRONT_MATTER = re.compile("^(" + INDENT + "*)-{3}" + WS + "*[\n\r](.*?)[\n\r]\\1-{3}" + WS + "*[\n\r]+", re.S)
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
BREAK = re.compile("<br" + WS + "*/?>", re.I | re.ASCII)
ENTITY = re.compile(r"#(\w+);", re.ASCII)
CHAR_REF = re.compile("&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));?")
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
    encoded_people: list[str] = field(default_factory=list)  # people as the parser holds them


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
        """Everyone named on a task, without duplicates, in journeyDb.getActors's order: JavaScript's
        sort (by UTF-16 code units) of the names as the parser holds them, entity codes still encoded."""
        names = {p for t in self.tasks for p in t.encoded_people}
        return [decode_entities(p) for p in sorted(names, key=lambda p: p.encode("utf-16-be"))]


# ---------------------------------------------------------------------------------------- preprocess
def _cleanup_text(text: str) -> str:
    text = re.sub("\r\n?", "\n", text)
    return linear.single_quote_attributes(text)


def _front_matter(code: Tracked) -> tuple[str, Tracked]:
    """(title from the YAML front matter, text without it)."""
    match = FRONT_MATTER.match(code.text)
    if match is None:
        return "", code
    indent, body = match.group(1), match.group(2)
    if indent:  # Mermaid takes the opening line's indent off every line that has it
        body = "\n".join(s[len(indent) :] if s.startswith(indent) else s for s in body.split("\n"))
    from cjm_editor.formats.mermaid import front_matter  # YAML loads only for a diagram that has some

    try:
        data = front_matter.load(body)
    except front_matter.FrontMatterError as exc:
        raise MermaidError(2 + exc.line, f"the YAML front matter is not valid: {exc.message}") from None
    title = ""  # Mermaid: `if (parsed.title) metadata.title = parsed.title.toString()`
    if isinstance(data, dict) and truthy(data.get("title")):
        title = to_string(data["title"])
    return title, code.remove([(0, match.end())])


def preprocess(text: str) -> tuple[Tracked, str]:
    """(code for the lexer, front matter title), as Mermaid's preprocessDiagram: what it removes is
    gone (a directive over several lines joins the lines around it), each character keeps its line."""
    code = Tracked.start(_cleanup_text(text))
    title, code = _front_matter(code)
    code = code.sub(DIRECTIVE, "")
    code = code.remove(linear.comment_line_spans(code.text))
    blank = re.match(WS + "*", code.text)
    return code.remove([(0, blank.end() if blank else 0)]), title


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


def _encode_entities(code: Tracked) -> Tracked:
    """Mermaid's encodeEntities: `#35;` becomes a marker the lexer passes through untouched."""
    for keyword in ("style", "classDef"):
        code = code.remove((p, p + 1) for p in list(linear.style_semicolons(code.text, keyword)))
    return code.edit(
        (
            m.start(),
            m.end(),
            ("\ufb02\u00b0\u00b0" if re.fullmatch(r"\+?[0-9]+", m.group(1)) else "\ufb02\u00b0")
            + m.group(1)
            + "\u00b6\u00df",
        )
        for m in ENTITY.finditer(code.text)
    )


def decode_entities(text: str) -> str:
    """The text as a web page shows Mermaid's SVG: the markup escapes it, Mermaid's decodeEntities
    turns the markers of entity codes into character references (`#35;` into `&#35;`, `#quot;` into
    `&quot;`, `#foo;` into `&foo;`), and the HTML parser reads them."""
    markup = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\ufb02\u00b0\u00b0", "&#")
        .replace("\ufb02\u00b0", "&")
        .replace("\u00b6\u00df", ";")
    )
    if "&" not in markup:  # nothing to read: the text as it is
        return markup
    import html  # its table of named entities loads only for a text that needs it

    out: list[str] = []
    done = 0
    for m in CHAR_REF.finditer(markup):  # Python's html.unescape drops what the HTML parser keeps
        out += [html.unescape(markup[done : m.start()]), _char(m)]
        done = m.end()
    return "".join([*out, html.unescape(markup[done:])])


def _char(m: re.Match[str]) -> str:
    """A numeric character reference as the HTML parser reads it."""
    decimal, hexadecimal = m.group(1), m.group(2)
    digits = (decimal or hexadecimal).lstrip("0") or "0"
    if len(digits) > limits.MAX_ENTITY_DIGITS:  # past U+10FFFF (Python reads at most 4,300 digits)
        return "\ufffd"
    code = int(digits, 10 if decimal else 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= code <= 0x9F:  # the HTML parser reads these as windows-1252, where it has them
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(code)
    return chr(code)


def shown(text: str) -> str:
    """Text for an error message: entity codes as written (`#44;`), not as encoded inside."""
    return ENCODED.sub(lambda m: f"#{m.group(2)};", text)


# ---------------------------------------------------------------------------------------- lexer
I = re.I | re.ASCII  # noqa: E741 (jison's case-insensitive option; JavaScript's /i folds ASCII only)
INITIAL_RULES: list[tuple[re.Pattern[str], str | None, str | None]] = [  # (pattern, token, state)
    (re.compile(r"%(?!\{)[^\n]*", I), None, None),  # one %: jison-lex reads the source's `\%%` as `%`
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


def lex(tracked: Tracked) -> list[Token]:
    """Tokens of journey.jison: at each place the first rule that matches wins. Each token has the
    line of the original text its first character came from."""
    tokens: list[Token] = []
    code = tracked.text
    pos, state = 0, "INITIAL"
    while pos < len(code):
        rules: list[Rule] = INITIAL_RULES if state == "INITIAL" else STATE_RULES[state]
        for pattern, kind, action in rules:
            m = pattern.match(code, pos)
            if m is None:
                continue
            if kind is not None:
                tokens.append(Token(kind, m.group(0), tracked.line(pos)))
            if action == "pop":
                state = "INITIAL"
            elif action is not None:
                state = action
            pos = m.end()
            break
        else:  # pragma: no cover (the INVALID rule matches any character but a line terminator)
            tokens.append(Token("INVALID", code[pos], tracked.line(pos)))
            pos += 1
    if state != "INITIAL":  # the text ended inside `accDescr {`: jison's end of input, not the EOF token
        tokens.append(Token("UNCLOSED", "", tracked.line(pos)))
        return tokens
    tokens.append(Token("EOF", "", tracked.line(pos)))
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
    people = [p.strip(WS_CHARS) for p in pieces[1].split(",")] if len(pieces) > 1 else []
    task = Task(section, decode_entities(name.text), number(score_text), score_text, [], name.line)
    task.section_index, task.encoded_people = len(d.sections), people
    task.people = [decode_entities(p) for p in people]
    d.tasks.append(task)


def parse(text: str, *, web_page: bool = False) -> MermaidJourney:
    """Parse a Mermaid journey. `web_page`: dedent and trim first and write every `<br>` as `<br/>`,
    as `mermaid.run()` does for a diagram in an HTML page (`mmdc` and `mermaid.render()` do not).
    Raises MermaidError."""
    if web_page:
        text = BREAK.sub("<br/>", dedent(text))
    code, front_title = preprocess(text)
    _detect(code.text)
    code = _encode_entities(code)
    tokens = lex(code.edit([(len(code.text), len(code.text), "\n")]))
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
            text_value = value.text.strip(WS_CHARS)  # commonDb tidies the text before it is decoded
            if kind == "acc_title":
                d.acc_title = decode_entities(re.sub("^" + WS + "+", "", text_value))
            else:
                d.acc_descr = decode_entities(re.sub("\n" + WS + "+", "\n", text_value))
            i += 2
        elif kind == "acc_descr_multiline_value":
            d.acc_descr = decode_entities(re.sub("\n" + WS + "+", "\n", t.text.strip(WS_CHARS)))
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
            _task(d, section, t, data)
            i += 2
        elif kind == "journey":
            raise MermaidError(t.line, "'journey' may only start the diagram (a task cannot begin with it)")
        elif kind == "UNCLOSED":
            raise MermaidError(t.line, "'accDescr {' is never closed with '}'")
        elif kind == ":":
            raise MermaidError(t.line, "a colon without a task name before it")
        elif kind == "taskData":
            raise MermaidError(t.line, f"{shown(t.text.strip())[:40]!r} has no task name before it")
        else:
            raise MermaidError(t.line, f"unexpected {_describe(t)}")
    return d
