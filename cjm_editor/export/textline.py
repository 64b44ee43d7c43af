"""One line of text laid out for printing: fonts chosen per character, the Unicode bidi algorithm
(python-bidi) putting right-to-left text in visual order, and HarfBuzz (uharfbuzz) shaping the runs
that need it (Arabic joining, Devanagari conjuncts, Thai and Hebrew marks, emoji sequences).

Text is wrapped first (in logical order) and each line is then laid out on its own, as the bidi
algorithm asks. Lines in Latin, Greek, Cyrillic and CJK take a short path without shaping. Shaped runs
are reportlab `ShapedStr`s: reportlab's text object writes each glyph with HarfBuzz's advances and
offsets, and glyphs that have no character of their own (ligatures, positional forms) get a private
code point in the font's subset.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz
from bidi import algorithm as bidi_algorithm
from bidi import get_base_level
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from cjm_editor.export import fonts

# The fonts whose runs always go through HarfBuzz.
SHAPED = frozenset(
    {
        fonts.ARABIC,
        fonts.ARABIC_BOLD,
        fonts.HEBREW,
        fonts.HEBREW_BOLD,
        fonts.DEVANAGARI,
        fonts.DEVANAGARI_BOLD,
        fonts.THAI,
        fonts.THAI_BOLD,
    }
)
_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a user's text inside a line the kit composes
LRM = "\u200e"  # a line the kit starts with a number ("3. name") reads left to right
_CONTROLS = frozenset("\u2066\u2067\u2068\u2069")
_ISOLATED = re.compile("[\u2066-\u2068][^\u2066-\u2069]*\u2069?")
_ISOLATES = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2068": "\u202a", "\u2069": "\u202c"}
_FEATURES = {"kern": True, "liga": True}
# What the private code point of a glyph with no character of its own stands for (a ligature, a
# conjunct), per font face: the text a reader gets when copying it.
_ACTUAL: dict[bytes, dict[int, str]] = {}


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one font, placed `x` (at 1 pt) from the line's left end; `text` may be a ShapedStr."""

    font: str
    text: str
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Line:
    runs: tuple[Run, ...]
    width: float  # at 1 pt
    missing: tuple[str, ...]  # characters no font has, printed as fonts.REPLACEMENT
    rtl: bool  # the paragraph direction the line was laid out in


def isolated(text: str) -> str:
    """A user's text (a card title) set apart from the kit's own words around it, "title [3 votes]":
    it keeps its own direction and the line takes the direction of the words outside it (UAX #9
    isolates), so an Arabic title does not turn "[3 votes] (same stage)" around."""
    return text if text.isascii() else f"{FSI}{text}{PDI}"


def base_is_rtl(text: str) -> bool:
    """The paragraph direction of a text: that of its first strong character outside isolates (rule
    P2); with none there (a title and its source joined by a dash), that of its first isolate."""
    if text.isascii():
        return False
    for part in (_ISOLATED.sub("", text), text):
        for ch in part:
            kind = unicodedata.bidirectional(ch)
            if kind in ("L", "R", "AL"):
                return kind != "L"
    return False


@lru_cache(maxsize=65536)
def layout(text: str, bold: bool = False, rtl: bool | None = None) -> Line:
    """The line in visual order, left to right. `rtl`: the paragraph direction (None: from the text)."""
    main = fonts.BOLD if bold else fonts.REGULAR
    if text.isascii():
        width = fonts.width_of(main, text)
        return Line((Run(main, text, 0.0, width),) if text else (), width, (), False)
    chars, font_of, missing = _assign(text, bold)
    base = base_is_rtl(text) if rtl is None else rtl
    needs_bidi = base or any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in chars)
    shaped = (
        needs_bidi
        or any(f in fonts.NO_BOLD or f in SHAPED for f in font_of)
        or any(fonts.is_mark(ch) for ch in chars)
    )
    if not shaped:
        return _plain(chars, font_of, missing)
    levels = _levels("".join(chars), base) if needs_bidi else [0] * len(chars)
    segments: list[tuple[int, str, str]] = []  # (level, font, text) in logical order
    for ch, font, level in zip(chars, font_of, levels, strict=True):
        if ch in _CONTROLS:  # isolates only order the line: nothing of them is printed or copied
            continue
        if segments and segments[-1][0] == level and segments[-1][1] == font:
            segments[-1] = (level, font, segments[-1][2] + ch)
        else:
            segments.append((level, font, ch))
    pieces = [(level, font, *_shape(seg, font, level % 2 == 1)) for level, font, seg in segments]
    runs, x = [], 0.0
    for _, font, shaped_text, width in _visual_order(pieces):
        if shaped_text:
            runs.append(Run(font, shaped_text, x, width))
        x += width
    return Line(tuple(runs), x, tuple(missing), base)


def width(text: str, size: float, bold: bool = False) -> float:
    return layout(text, bold).width * size


def _assign(text: str, bold: bool) -> tuple[list[str], list[str], list[str]]:
    """Each character with the font that prints it; marks and joiners stay with the letter before."""
    main = fonts.BOLD if bold else fonts.REGULAR
    chars: list[str] = []
    font_of: list[str] = []
    missing: list[str] = []
    for ch in text:
        code = ord(ch)
        previous = font_of[-1] if font_of else None
        if previous is not None and (fonts.is_mark(ch) or (ch == " " and previous in SHAPED)):
            font: str | None = previous
        elif code in fonts.IGNORABLE:
            font = main
        else:
            font = fonts.font_for(code, bold)
            if font is None:
                missing.append(ch)
                font, ch = main, fonts.REPLACEMENT
        chars.append(ch)
        font_of.append(font or main)
    return chars, font_of, missing


def _plain(chars: list[str], font_of: list[str], missing: list[str]) -> Line:
    runs: list[Run] = []
    pending: list[tuple[str, str]] = []
    for ch, font in zip(chars, font_of, strict=True):
        if ord(ch) in fonts.IGNORABLE:
            continue
        if pending and pending[-1][0] == font:
            pending[-1] = (font, pending[-1][1] + ch)
        else:
            pending.append((font, ch))
    x = 0.0
    for font, part in pending:
        w = fonts.width_of(font, part)
        runs.append(Run(font, part, x, w))
        x += w
    return Line(tuple(runs), x, tuple(missing), False)


def _levels(text: str, rtl: bool) -> list[int]:
    """The resolved bidi embedding level of each character, isolates (not nested) as UAX #9 has them:
    a neutral in the line around them, their text resolved on its own one level or two up."""
    spans = [m.span() for m in _ISOLATED.finditer(text)]
    if not spans:
        return _embedded_levels(text, rtl)
    outer = list(text)
    for start, end in spans:
        outer[start:end] = "\ufffc" * (end - start)  # an object replacement character: a neutral
    levels = _embedded_levels("".join(outer), rtl)
    base = 1 if rtl else 0
    for start, end in spans:
        opener, closed = text[start], text[end - 1] == PDI
        inner = text[start + 1 : end - 1 if closed else end]
        inner_rtl = opener == "\u2067" or (
            opener == FSI and not inner.isascii() and bool(get_base_level(inner))
        )
        level = base + 1 if (base + 1) % 2 == inner_rtl else base + 2
        shift = level - (1 if inner_rtl else 0)
        levels[start + 1 : start + 1 + len(inner)] = [x + shift for x in _embedded_levels(inner, inner_rtl)]
    return levels


def _embedded_levels(text: str, rtl: bool) -> list[int]:
    """The resolved bidi embedding level of each character (rules X1-I2 of UAX #9)."""
    b = bidi_algorithm
    # python-bidi's pure-Python algorithm predates isolates: read them as the embeddings they
    # replaced; unassigned code points (no bidi class) as other neutrals, as UAX #9 does
    text = "".join(_ISOLATES.get(ch, ch) if unicodedata.bidirectional(ch) else "\ufffd" for ch in text)
    storage = b.get_empty_storage()
    base = 1 if rtl else 0
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    b.get_embedding_levels(text, storage, False, False)
    b.explicit_embed_and_overrides(storage, False)
    b.resolve_weak_types(storage, False)
    b.resolve_neutral_types(storage, False)
    b.resolve_implicit_levels(storage, False)
    kept = iter(int(c["level"]) for c in storage["chars"])
    levels, last = [], base
    for ch in text:  # characters rule X9 removed (joiners, controls) take the level before them
        if unicodedata.bidirectional(ch) not in b.X9_REMOVED:
            last = next(kept, last)
        levels.append(last)
    return levels


def _visual_order(
    pieces: list[tuple[int, str, str, float]],
) -> list[tuple[int, str, str, float]]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run of pieces at
    that level or higher. (Each right-to-left piece is already in visual order from HarfBuzz.)"""
    if not pieces:
        return pieces
    top = max(p[0] for p in pieces)
    lowest_odd = min((p[0] for p in pieces if p[0] % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        out: list[tuple[int, str, str, float]] = []
        i = 0
        while i < len(pieces):
            if pieces[i][0] >= level:
                j = i
                while j < len(pieces) and pieces[j][0] >= level:
                    j += 1
                out += reversed(pieces[i:j])
                i = j
            else:
                out.append(pieces[i])
                i += 1
        pieces = out
    return pieces


@cache
def _hb_font(name: str) -> uharfbuzz.Font:
    ttf = pdfmetrics.getFont(name)
    assert isinstance(ttf, TTFont)
    return ttf.hbFont(10)  # sets up reportlab's private code points for unmapped glyphs


@lru_cache(maxsize=16384)
def _shape(text: str, font: str, rtl: bool) -> tuple[str, float]:
    """HarfBuzz's glyphs for a run, in visual order, as a reportlab ShapedStr; its width at 1 pt."""
    ttf = pdfmetrics.getFont(font)
    hb = _hb_font(font)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb, buf, _FEATURES)
    face = ttf.face
    clusters = sorted({info.cluster for info in buf.glyph_infos})
    out: list[str] = []
    data: list[ShapeData] = []
    total = 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        advance = ttf.pdfScale(pos.x_advance)
        owners = face.glyphToChar.get(gid)
        if owners:
            code = owners[0]
        else:
            code = ttf.hbAddPrivate(hb.glyph_to_string(gid), gid, advance)
            actual = _ACTUAL.setdefault(face.name, {})
            if code not in actual:  # the cluster's text less what its other glyphs stand for
                later = [c for c in clusters if c > info.cluster]
                rest = text[info.cluster : later[0] if later else len(text)]
                for other in buf.glyph_infos:
                    owner = face.glyphToChar.get(other.codepoint)
                    if other.cluster == info.cluster and owner and chr(owner[0]) in rest:
                        rest = rest.replace(chr(owner[0]), "", 1)
                actual[code] = rest or "\u200b"
        out.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                advance,
                ttf.pdfScale(pos.y_advance),
                ttf.pdfScale(pos.x_offset),
                ttf.pdfScale(pos.y_offset),
                face.charWidths.get(code, advance),
            )
        )
        total += advance
    return ShapedStr("".join(out), shapeData=data), total / 1000


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map of a font subset, with two fixes for copying text out of the PDF:
    characters beyond U+FFFF (emoji) are written as UTF-16 surrogate pairs, not as five hex digits
    that readers cut to four; and private code points of shaped glyphs map to the text they stand for."""
    actual = _ACTUAL.get(fontname.split("+", 1)[-1].encode("latin-1"), {})
    pairs = [f"<{i:02X}> <{_utf16(actual.get(v) or chr(v))}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
