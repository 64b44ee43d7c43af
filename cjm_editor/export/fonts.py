"""The shipped fonts, registered with reportlab, and per-character fallback between them.

DejaVu Sans covers Latin, Greek, Cyrillic and symbols; Droid Sans Fallback covers Chinese, Japanese
and Korean. A character neither has is printed as U+FFFD (a visible �) and reported. Every font is
embedded (reportlab embeds a subset of each TrueType font it uses).
"""

from __future__ import annotations

from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cjm_editor.resources import resource

REGULAR, BOLD, CJK = "CJM-Sans", "CJM-Sans-Bold", "CJM-CJK"
REPLACEMENT = "\ufffd"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", CJK: "DroidSansFallbackFull.ttf"}


@cache
def _font(name: str) -> frozenset[int]:
    """Register one font (once) and return the code points it has."""
    font = TTFont(name, str(resource("fonts", _FILES[name])))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def coverage() -> dict[str, frozenset[int]]:
    """Register DejaVu Sans (regular, bold) and return what they cover. The CJK font, large to read,
    is registered the first time a character needs it."""
    return {REGULAR: _font(REGULAR), BOLD: _font(BOLD)}


@lru_cache(maxsize=65536)
def runs(text: str, bold: bool = False) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Split text into (font name, text) runs; also return the characters no font has (each printed
    as REPLACEMENT)."""
    cover = coverage()
    main = BOLD if bold else REGULAR
    out: list[tuple[str, str]] = []
    missing: list[str] = []
    for char in text:
        code = ord(char)
        if code in cover[main] or char == " ":
            font = main
        elif code in _font(CJK):
            font = CJK
        else:
            missing.append(char)
            font, char = main, REPLACEMENT
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return tuple(out), tuple(missing)


@lru_cache(maxsize=65536)
def width(text: str, size: float, bold: bool = False) -> float:
    parts, _ = runs(text, bold)
    return float(sum(pdfmetrics.stringWidth(t, font, size) for font, t in parts))
