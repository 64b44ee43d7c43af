"""The linear-time preprocessing gives exactly what Mermaid's JavaScript regexes give (written here as
Python regexes with JavaScript's `^`, `.`, `\\s` and `\\S`), on texts built from the characters that
matter to them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_editor.formats.mermaid import linear
from cjm_editor.formats.mermaid.js import DOT, NOT_WS, WS

JS_LINE_START = "(?:(?<![\\s\\S])|(?<=[\n\r\u2028\u2029]))"
COMMENT_LINE = re.compile(JS_LINE_START + WS + "*%%(?!\\{)[^\n]+\n?")
ANY_COMMENT = re.compile(WS + "*%%" + DOT + "*\n")
TAG = re.compile(r"<(\w+)([^>]*)>", re.ASCII)
STYLE = re.compile("style" + DOT + "*:" + NOT_WS + "*#" + DOT + "*;")
CLASS_DEF = re.compile("classDef" + DOT + "*:" + NOT_WS + "*#" + DOT + "*;")

PIECES = [
    "%",
    "%%",
    "{",
    "}",
    "\n",
    " ",
    "\t",
    "\r",
    "\u2028",
    "\u00a0",
    "x",
    "<",
    ">",
    "<a",
    'b="c"',
    '"',
    "=",
    "style",
    "classDef",
    ":",
    "#",
    ";",
    "journey",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _mark(s: str) -> str:
    return f"[{len(s)}:{s.count(chr(10))}]"


@settings(max_examples=400, deadline=None)
@given(texts)
def test_comment_lines_match_the_regex(text):
    assert linear.comment_lines(text, _mark) == COMMENT_LINE.sub(lambda m: _mark(m.group(0)), text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_any_comments_match_the_regex(text):
    assert linear.any_comments(text, "\n") == ANY_COMMENT.sub("\n", text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_tags_match_the_regex(text):
    expected = TAG.sub(lambda m: "<" + m.group(1) + re.sub(r'="([^"]*)"', r"='\1'", m.group(2)) + ">", text)
    assert linear.single_quote_attributes(text) == expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_style_semicolons_match_the_regexes(text):
    expected = CLASS_DEF.sub(lambda m: m.group(0)[:-1], STYLE.sub(lambda m: m.group(0)[:-1], text))
    assert linear.drop_style_semicolons(text) == expected


def test_a_comment_after_a_javascript_line_separator_is_a_comment_line():
    assert linear.comment_lines("a\u2028%%note\nb", lambda s: "") == "a\u2028b"
