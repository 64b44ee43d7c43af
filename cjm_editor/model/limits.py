"""Input limits: every bound on what a loader reads or an exporter makes, in one place.

Each limit is checked where the input enters (the loaders, the link rule, the exporters) and a hit is
an invalid input whose message names the limit, e.g. `map.cjm.json: title: text is 250,000 characters
long; the limit is 100,000 (limit: text length)`. README lists them under "Input limits".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file any loader reads (a 10,000-card map is about 4 MB)."""
MAX_DEPTH = 100
"""Deepest nesting of JSON (or YAML) values; a map itself needs 5 levels."""
MAX_EXTRA_DEPTH = 64
"""Deepest nesting inside a field this editor does not know (kept on save)."""
MAX_DIGITS = 30
"""Most digits of a whole number in a map file (Python itself stops at 4,300)."""
MAX_VOTES = 1_000_000
"""Most dot votes on one card."""
MAX_TEXT = 1_000_000
"""Longest text field (title, body, name, note…), in characters. A save refuses longer text too,
so a saved map always opens again."""
MAX_LINK = 1024
"""Longest link to another map, in characters."""
MAX_LINK_DEPTH = 8
"""Most hops followed from a map through its links (map → micro map → …)."""
MAX_LINKED_MAPS = 200
"""Most linked maps read while following links from one map."""
MAX_SCORE = 1000
"""Largest absolute value of a scale's min or max."""
MAX_SCALE_SPAN = 100
"""Largest max - min of an emotion scale (1..10 is 9; a 0..100 percentage scale is 100)."""
MAX_FRONT_MATTER = 65_536
"""Longest YAML front matter of a Mermaid diagram, in characters (a title and a config need far less)."""
MAX_YAML_ALIASES = 0
"""YAML front matter may not use aliases (`*name`): they can expand a small text into gigabytes."""
MAX_ENTITY_DIGITS = 7
"""Most digits of a numeric Mermaid entity code (`#128512;`); the largest character is 1114111."""
MIN_IMAGE_SCALE = 0.1
MAX_IMAGE_SCALE = 8.0
"""Range of pixels per canvas unit of a PNG export."""
MAX_IMAGE_SIDE = 32_000
"""Widest or tallest image in pixels (Qt's painter cannot go past 32,767)."""
MAX_IMAGE_PIXELS = 100_000_000
"""Most pixels in one image (400 MB in memory at 4 bytes a pixel)."""
MAX_EXPORT_TEXT = 4_000
"""Longest text a PDF export lays out in one box; the rest is cut with … and reported."""
MAX_EXPORT_ARROWS = 500
"""Most arrows a PDF export draws through one part of a map split over pages (10,000 arrows between
two cells ran through each of 136 parts: over a minute); the rest are left out and reported."""
MAX_EXPORT_LINE = 1_000
"""Longest text a PDF export fits on one line (a page holds fewer characters at 7 pt)."""


@dataclass(frozen=True, slots=True)
class LimitHit:
    """A bound an input went past: `str()` is the message, naming the limit."""

    what: str
    found: str
    limit: str
    name: str

    def __str__(self) -> str:
        return f"{self.what} is {self.found}; the limit is {self.limit} (limit: {self.name})"


def text_length(value: str) -> LimitHit | None:
    if len(value) <= MAX_TEXT:
        return None
    return LimitHit("text", f"{len(value):,} characters long", f"{MAX_TEXT:,}", "text length")


def votes(value: int) -> LimitHit | None:
    if value <= MAX_VOTES:
        return None
    return LimitHit("the number of votes", f"{value:,}", f"{MAX_VOTES:,}", "votes")


def digits(text: str) -> LimitHit | None:
    """For a number as written in a file (sign and digits)."""
    n = len(text.lstrip("+-"))
    if n <= MAX_DIGITS:
        return None
    return LimitHit("the number", f"{n:,} digits long", f"{MAX_DIGITS} digits", "number of digits")


def scale(lo: int, hi: int) -> LimitHit | None:
    if abs(lo) > MAX_SCORE or abs(hi) > MAX_SCORE:
        return LimitHit(
            "the scale", f"{lo}..{hi}", f"scores from -{MAX_SCORE} to {MAX_SCORE}", "scale scores"
        )
    if hi - lo > MAX_SCALE_SPAN:
        return LimitHit("the scale", f"{hi - lo} steps wide ({lo}..{hi})", f"{MAX_SCALE_SPAN}", "scale span")
    return None


def image_scale(value: float) -> LimitHit | None:
    if math.isfinite(value) and MIN_IMAGE_SCALE <= value <= MAX_IMAGE_SCALE:
        return None
    return LimitHit("the image scale", f"{value}", f"{MIN_IMAGE_SCALE} to {MAX_IMAGE_SCALE}", "image scale")


def image_size(width: int, height: int) -> LimitHit | None:
    if max(width, height) > MAX_IMAGE_SIDE:
        return LimitHit(
            "the image", f"{width:,} × {height:,} pixels", f"{MAX_IMAGE_SIDE:,} pixels a side", "image side"
        )
    if width * height > MAX_IMAGE_PIXELS:
        return LimitHit(
            "the image", f"{width * height:,} pixels", f"{MAX_IMAGE_PIXELS:,} pixels", "image pixels"
        )
    return None


def depth_of(value: object, stop: int = MAX_DEPTH) -> int:
    """Nesting depth of plain JSON values (a scalar is 0), counted without recursion; stops
    counting once past `stop`."""
    best = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: object = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        best = max(best, depth)
        if depth > stop:
            return depth
        stack.extend((v, depth + 1) for v in children if isinstance(v, dict | list))  # type: ignore[attr-defined]
    return best
