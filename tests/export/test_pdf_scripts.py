"""Complex scripts read back from real PDFs: shaping, right-to-left order, fonts, nothing as �."""

from __future__ import annotations

import pdfplumber
import pytest
import uharfbuzz
from cjm_editor.resources import resource
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile

from cjm_editor.export.kit import export_kit
from cjm_editor.export.options import KitOptions
from cjm_editor.export.writer import Box
from cjm_editor.model import Card, Journey, Lane, Stage
from tests.export.conftest import FIXED

HEBREW = "שלום עולם"
ARABIC = "مرحبا بالعالم"
TITLES = {
    "latin": "Café crème",
    "greek": "Ελληνικά",
    "cyrillic": "Кириллица",
    "chinese": "中文旅程",
    "japanese": "日本語のテキスト",
    "arabic": ARABIC,
    "hebrew": HEBREW,
    "devanagari": "नमस्ते दुनिया",
    "thai": "สวัสดีชาวโลก",
    "emoji": "Box 📦🚚😀",
}


def _map() -> Journey:
    j = Journey(title="Scripts")
    j.stages = [Stage(id="s1", name="Стадия 一")]
    j.lanes = [Lane(id="l1", name="Touchpoints", kind="touchpoints")]
    j.cards = [Card("s1", "l1", "touchpoint", t, id=k) for k, t in TITLES.items()]
    return j


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    out = tmp_path_factory.mktemp("scripts") / "scripts.pdf"
    report = export_kit(_map(), KitOptions(date=FIXED, kit=("stages",)), out)
    return out, report


def _chars(path):
    with pdfplumber.open(path) as pdf:
        return list(pdf.pages[0].chars)


def test_no_replacement_or_nul_for_ten_scripts(sheet):
    path, report = sheet
    assert not report.missing
    text = "".join(c["text"] for c in _chars(path))
    assert "\ufffd" not in text and "\x00" not in text
    for key in ("latin", "greek", "cyrillic", "chinese", "japanese", "hebrew"):
        assert TITLES[key].replace(" ", "") in text.replace(" ", "") or all(
            ch in text for ch in TITLES[key].replace(" ", "")
        ), key
    for emoji in "📦🚚😀":  # copied out of the PDF as themselves (UTF-16 pairs in the ToUnicode map)
        assert emoji in text


def test_each_script_uses_its_own_embedded_font(sheet):
    path, _ = sheet
    names = {c["fontname"].split("+", 1)[-1] for c in _chars(path)}
    for font in ("NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "NotoSansThai", "Symbola"):
        assert any(n.startswith(font) for n in names), (font, names)


def test_hebrew_reads_right_to_left(sheet):
    path, _ = sheet
    letters = [c for c in _chars(path) if "\u05d0" <= c["text"] <= "\u05ea"]
    first_word = [c for c in letters if c["text"] in "שלום"][:4]
    assert first_word, "Hebrew printed"
    by_x = sorted(letters[: len(HEBREW.replace(" ", ""))], key=lambda c: -c["x0"])
    assert by_x[0]["text"] == HEBREW[0], "the first letter of the text is the rightmost"
    assert "".join(c["text"] for c in by_x) == HEBREW.replace(" ", "")


def test_arabic_glyphs_are_harfbuzz_glyphs_for_the_same_string_and_font(sheet):
    path, _ = sheet
    font_path = str(resource("fonts", "NotoSansArabic-Regular.ttf"))
    blob = uharfbuzz.Blob.from_file_path(font_path)
    font = uharfbuzz.Font(uharfbuzz.Face(blob))
    buf = uharfbuzz.Buffer()
    buf.add_str(ARABIC)
    buf.guess_segment_properties()
    uharfbuzz.shape(font, buf, {"kern": True, "liga": True})
    cmap = TTFontFile(font_path).charToGlyph
    glyph_of = {}
    for code, gid in cmap.items():
        glyph_of.setdefault(code, gid)
    expected = [g.codepoint for g in buf.glyph_infos if g.codepoint != cmap.get(0x20)]
    printed = [
        glyph_of.get(ord(c["text"]), -1)
        for c in sorted(_chars(path), key=lambda c: (round(c["top"]), c["x0"]))
        if c["fontname"].endswith("NotoSansArabic-Regular") and c["text"] != " "
    ]
    assert printed[: len(expected)] == expected
    assert len(set(expected)) > 4 and expected != [cmap[ord(ch)] for ch in reversed(ARABIC) if ch != " "], (
        "joined forms, not the isolated letters"
    )


def test_bold_chinese_is_drawn_heavier(tmp_path):
    j = Journey(title="粗体标题 Bold")
    j.stages = [Stage(id="s1", name="阶段")]
    j.lanes = [Lane(id="l1", name="Touchpoints", kind="touchpoints")]
    out = tmp_path / "bold.pdf"
    export_kit(j, KitOptions(date=FIXED, kit=("stages",)), out)
    content = PdfReader(out).pages[0].get_contents().get_data()
    assert b"2 Tr" in content, "filled and stroked: the CJK font has no bold face"


MIXED = list("ab c אבג ابت لا नमस्ते สวัสดี 中文 😀👍🏽\u200d\u200c\u202e\u2066\u2069\u0301\ufe0f()[]12.-")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=40), st.text(alphabet=st.sampled_from(MIXED), max_size=40)))
def test_any_text_lays_out_and_prints_without_error(text):
    import io

    from reportlab.pdfgen.canvas import Canvas

    from cjm_editor.export import fonts, textline
    from cjm_editor.export.report import ExportReport
    from cjm_editor.export.writer import Writer

    fonts.coverage()
    line = textline.layout(text)
    assert line.width >= 0
    for ch in line.missing:
        assert ch in text
    canvas = Canvas(io.BytesIO(), initialFontName=fonts.REGULAR)
    w = Writer(canvas, ExportReport())
    w.string(10, 10, text, 9, bold=True)
    w.paragraph(text * 3, Box(10, 10, 60, 40), 9)
    canvas.save()


@pytest.mark.parametrize(
    "text",
    ["שלום 123 עולם", "abc (שלום) def", "שלום (abc) עולם!", "1. שלום", "Price: 25 ₪ לחודש", "a [ב-ג] d"],
)
def test_visual_order_matches_an_independent_bidi_implementation(text):
    """Our levels and run reordering against python-bidi's Rust implementation (unicode-bidi). That
    one leaves mirroring (rule L4) to the renderer, so brackets are compared as one neutral sign;
    HarfBuzz mirrors them for us, checked on its own."""
    from bidi import get_display

    from cjm_editor.export import fonts, textline

    fonts.coverage()
    ours = "".join(str(run.text) for run in textline.layout(text).runs)
    neutral = str.maketrans("()[]", "||||")
    assert ours.translate(neutral) == get_display(text).translate(neutral)
    if text == "שלום (abc) עולם!":
        assert "(abc)" in ours, "brackets inside right-to-left text are mirrored"
