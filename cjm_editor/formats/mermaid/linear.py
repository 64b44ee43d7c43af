"""Mermaid's preprocessing regexes, rewritten to run in linear time with the same results.

Run as regexes, these restart at every position of a long run of blank lines (`^\\s*%%…`, `\\s*%%.*\\n`),
of unclosed tags (`<(\\w+)([^>]*)>`) or of a long `style` line (`style.*:\\S*#.*;`, which backtracks
cubically): 100 KB of such text took minutes. Each function below scans the text once and gives what
the JavaScript regex (with its `m` and `g` flags, and JavaScript's `\\s` and line terminators) gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from cjm_editor.formats.mermaid.js import WS_CHARS

LINE_TERMINATORS = "\n\r\u2028\u2029"
_WS_RUN = re.compile("[" + re.escape(WS_CHARS) + "]*")
_COMMENT_TAIL = re.compile(r"%%(?!\{)[^\n]+\n?")
_ANY_COMMENT_TAIL = re.compile("%%[^" + LINE_TERMINATORS + "]*\n")
_TAG_START = re.compile(r"<(\w+)", re.ASCII)
_ATTRIBUTE = re.compile(r'="([^"]*)"')


def comment_lines(text: str, replace: Callable[[str], str]) -> str:
    """`text.replace(/^\\s*%%(?!{)[^\\n]+\\n?/gm, replace)`: comment lines (after blank lines)."""
    out: list[str] = []
    done = 0
    for start, end in comment_line_spans(text):
        out += [text[done:start], replace(text[start:end])]
        done = end
    out.append(text[done:])
    return "".join(out)


def comment_line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of `/^\\s*%%(?!{)[^\\n]+\\n?/gm`, in order."""
    failed_to = -1  # line starts up to here lead to the same failed attempt
    p = 0
    n = len(text)
    while p <= n:
        if p > failed_to:
            q = _WS_RUN.match(text, p).end()  # type: ignore[union-attr]
            m = _COMMENT_TAIL.match(text, q)
            if m is not None:
                yield p, m.end()
                p = m.end()
                if p > 0 and text[p - 1] in LINE_TERMINATORS:
                    continue  # the next line starts right here
            else:
                failed_to = q
        p = _next_line_start(text, p)


def _next_line_start(text: str, p: int) -> int:
    return _line_end(text, p) + 1


def any_comments(text: str, replacement: str) -> str:
    """`text.replace(/\\s*%%.*\\n/gm, replacement)`: comments anywhere, with the blanks before them."""
    out: list[str] = []
    done = 0
    k = text.find("%%")
    while k != -1:
        m = _ANY_COMMENT_TAIL.match(text, k)
        if m is None:  # the line ends without "\n": no later "%%" on it can match either
            k = text.find("%%", _line_end(text, k) + 1)
            continue
        start = k
        while start > done and text[start - 1] in WS_CHARS:
            start -= 1
        out += [text[done:start], replacement]
        done = m.end()
        k = text.find("%%", done)
    out.append(text[done:])
    return "".join(out)


def single_quote_attributes(text: str) -> str:
    """`text.replace(/<(\\w+)([^>]*)>/g, …)` with every `="…"` inside a tag made `='…'`."""
    out: list[str] = []
    done = 0
    while True:
        m = _TAG_START.search(text, done)
        if m is None:
            break
        close = text.find(">", m.end())
        if close == -1:  # no tag can close after this one either
            break
        out += [text[done : m.start()], "<", m.group(1), _ATTRIBUTE.sub(r"='\1'", text[m.end() : close]), ">"]
        done = close + 1
    out.append(text[done:])
    return "".join(out)


def drop_style_semicolons(text: str) -> str:
    """Mermaid's encodeEntities first drops the last character of each match of
    `/style.*:\\S*#.*;/g`, then of `/classDef.*:\\S*#.*;/g`: on a line where a keyword is followed by a
    `:`, then non-blank characters up to a `#`, then a `;`, the line's last `;` goes."""
    for keyword in ("style", "classDef"):
        done = 0
        out: list[str] = []
        for p in style_semicolons(text, keyword):
            out.append(text[done:p])
            done = p + 1
        text = "".join([*out, text[done:]])
    return text


def style_semicolons(text: str, keyword: str) -> Iterator[int]:
    """Where the `;` is that one pass of drop_style_semicolons (for `style` or `classDef`) drops."""
    start = 0
    n = len(text)
    while start < n:
        end = _line_end(text, start)
        p = text.find(keyword, start, end)
        if p != -1 and _has_colon_run_to_hash(text, p + len(keyword), end):
            yield text.rfind(";", p, end)
        start = end + 1


def _line_end(text: str, start: int) -> int:
    best = len(text)
    for terminator in LINE_TERMINATORS:
        i = text.find(terminator, start, best)
        if i != -1:
            best = i
    return best


def _has_colon_run_to_hash(text: str, p: int, end: int) -> bool:
    """A `:` at or after p, then non-blank characters to a `#`, then a `;` before the line's end."""
    colon = False
    for i in range(p, end):
        c = text[i]
        if c == ":":
            colon = True
        elif c in WS_CHARS:
            colon = False
        elif c == "#" and colon:
            return text.find(";", i + 1, end) != -1
    return False
