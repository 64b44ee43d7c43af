"""Text that remembers the original line of every character (formats layer).

Mermaid's preprocessing removes front matter, directives and comment lines outright, so a directive
that spans lines joins the line before it to the line after it. Doing the same here, rather than
leaving blank lines in their place, keeps the lexer's view exact; the lines kept here still let an
error name the line of the text as written.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable


class Tracked:
    """`text` and, for each of its positions (and its end), the 1-based line it came from."""

    __slots__ = ("lines", "text")

    def __init__(self, text: str, lines: array[int]) -> None:
        self.text, self.lines = text, lines

    @classmethod
    def start(cls, text: str) -> Tracked:
        """Lines counted by "\\n" (Mermaid's cleanup has already made every line break one)."""
        lines = array("i")
        for number, line in enumerate(text.split("\n"), start=1):
            lines.extend(array("i", [number]) * (len(line) + 1))  # the line and its "\n" (or the end)
        return cls(text, lines)

    def line(self, pos: int) -> int:
        return self.lines[pos]

    def edit(self, spans: Iterable[tuple[int, int, str]]) -> Tracked:
        """Each (start, end, new) replaces text[start:end] by new; the spans are in order and do not
        overlap. New characters take the line of the start of what they replace."""
        parts: list[str] = []
        lines = array("i")
        done = 0
        for start, end, new in spans:
            parts += [self.text[done:start], new]
            lines += self.lines[done:start]
            lines += array("i", [self.lines[start]]) * len(new)
            done = end
        parts.append(self.text[done:])
        lines += self.lines[done:]
        return Tracked("".join(parts), lines)

    def remove(self, spans: Iterable[tuple[int, int]]) -> Tracked:
        return self.edit((start, end, "") for start, end in spans)

    def sub(self, pattern: re.Pattern[str], new: str) -> Tracked:
        """`pattern.sub(new, text)` for a replacement without group references."""
        return self.edit((m.start(), m.end(), new) for m in pattern.finditer(self.text))
