"""The shipped fonts, registered with reportlab, and which one prints each character.

DejaVu Sans covers Latin, Greek, Cyrillic and many symbols. Noto Sans Arabic, Hebrew, Devanagari and
Thai print their scripts (their letters go to them even where DejaVu has a glyph, for proper joining
and marks); Droid Sans Fallback prints Chinese, Japanese and Korean; Symbola (its emoji and symbol
blocks) prints emoji in outline. Every font but DejaVu is read the first time a character needs it.
A character no font has is printed as U+FFFD (a visible �) and reported. Every font is embedded
(reportlab embeds a subset of each TrueType font it uses).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cjm_editor.resources import resource

REGULAR, BOLD = "CJM-Sans", "CJM-Sans-Bold"
CJK, EMOJI = "CJM-CJK", "CJM-Emoji"
ARABIC, ARABIC_BOLD = "CJM-Arabic", "CJM-Arabic-Bold"
HEBREW, HEBREW_BOLD = "CJM-Hebrew", "CJM-Hebrew-Bold"
DEVANAGARI, DEVANAGARI_BOLD = "CJM-Devanagari", "CJM-Devanagari-Bold"
THAI, THAI_BOLD = "CJM-Thai", "CJM-Thai-Bold"
REPLACEMENT = "\ufffd"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    EMOJI: "Symbola-Emoji.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    HEBREW_BOLD: "NotoSansHebrew-Bold.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf",
    THAI: "NotoSansThai-Regular.ttf",
    THAI_BOLD: "NotoSansThai-Bold.ttf",
}
# Fonts with no bold face: bold text in them is drawn filled and stroked (a faux bold).
NO_BOLD = frozenset({CJK, EMOJI})
# Code point ranges whose letters go to a script's own font: (first, last, regular, bold).
_SCRIPTS = (
    (0x0590, 0x05FF, HEBREW, HEBREW_BOLD),
    (0xFB1D, 0xFB4F, HEBREW, HEBREW_BOLD),
    (0x0600, 0x06FF, ARABIC, ARABIC_BOLD),
    (0x0750, 0x077F, ARABIC, ARABIC_BOLD),
    (0x08A0, 0x08FF, ARABIC, ARABIC_BOLD),
    (0xFB50, 0xFDFF, ARABIC, ARABIC_BOLD),
    (0xFE70, 0xFEFF, ARABIC, ARABIC_BOLD),
    (0x0900, 0x097F, DEVANAGARI, DEVANAGARI_BOLD),
    (0xA8E0, 0xA8FF, DEVANAGARI, DEVANAGARI_BOLD),
    (0x1CD0, 0x1CFF, DEVANAGARI, DEVANAGARI_BOLD),
    (0x0E00, 0x0E7F, THAI, THAI_BOLD),
)
# Characters that print nothing: joiners, variation selectors, bidi controls. They stay in the text
# given to HarfBuzz (joiners steer Arabic and Devanagari) and are dropped from plain runs.
IGNORABLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F)]
    + [*range(0x2060, 0x2070), *range(0xFE00, 0xFE10), 0xFEFF, *range(0xE0100, 0xE01F0)]
)
ZWJ = 0x200D


@cache
def _font(name: str) -> frozenset[int]:
    """Register one font (once) and return the code points it has."""
    font = TTFont(name, str(resource("fonts", _FILES[name])))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def coverage() -> dict[str, frozenset[int]]:
    """Register DejaVu Sans (regular, bold) and return what they cover. The other fonts, larger to
    read, are registered the first time a character needs them."""
    return {REGULAR: _font(REGULAR), BOLD: _font(BOLD)}


def script_font(code: int, bold: bool) -> str | None:
    for first, last, regular, heavy in _SCRIPTS:
        if first <= code <= last:
            return heavy if bold else regular
    return None


def _emoji_like(code: int) -> bool:
    return code >= 0x1F000 or 0x2190 <= code <= 0x2BFF


@cache
def font_for(code: int, bold: bool) -> str | None:
    """The font that prints a character, or None when no shipped font has it."""
    main = BOLD if bold else REGULAR
    script = script_font(code, bold)
    if script is not None and code in _font(script):
        return script
    if code in coverage()[main]:
        return main
    order = (EMOJI, CJK) if _emoji_like(code) else (CJK, EMOJI)
    for name in order:
        if code in _font(name):
            return name
    return None


def is_mark(char: str) -> bool:
    """A combining mark or joiner, printed with the font of the letter before it."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or ord(char) in IGNORABLE


def width_of(font: str, text: str) -> float:
    """Width of plain (unshaped) text in one font at 1 pt."""
    return float(pdfmetrics.stringWidth(text, font, 1.0))
