"""The PDF workshop kit, read back: pages, sizes, text, fonts, metadata, reproducibility."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from pypdf import PdfReader

from cjm_editor.export.options import KitOptions, OptionError
from cjm_editor.handouts import export_kit
from cjm_editor.model import Card, Journey, Lane, Persona, Stage
from cjm_editor.model.journey import Vote
from tests.export.conftest import FIXED

A4_LANDSCAPE = (841.89, 595.28)


def text_of(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def sizes(path) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in PdfReader(path).pages
    ]


def test_default_kit_pages_and_size(journey, make_kit):
    path, report = make_kit(journey, "default")
    # cover, overview (a thumbnail and 6 parts, for text of 6 pt or more), 6 stage sheets, 2 personas,
    # curves, pains, insights
    assert len(PdfReader(path).pages) == 19 == report.pages
    assert set(sizes(path)) == {A4_LANDSCAPE}


@pytest.mark.parametrize(
    ("paper", "orientation", "size"),
    [
        ("Letter", "portrait", (612.0, 792.0)),
        ("A3", "landscape", (1190.55, 841.89)),
        ("Tabloid", "portrait", (792.0, 1224.0)),
    ],
)
def test_paper_and_orientation(journey, make_kit, paper, orientation, size):
    path, _ = make_kit(
        journey, f"{paper}-{orientation}", paper=paper, orientation=orientation, kit=("cover", "stages")
    )
    assert set(sizes(path)) == {size}
    assert len(PdfReader(path).pages) == 1 + len(journey.stages)


def test_every_card_title_of_the_sample_is_printed(journey, make_kit):
    path, _ = make_kit(journey, "default")
    text = squash(text_of(path))
    for card in journey.cards:
        assert squash(card.title) in text, card.title


def test_metadata_and_bookmarks(journey, make_kit):
    path, _ = make_kit(journey, "default")
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta.title == journey.title
    assert meta.author and meta.subject and "cjm-editor" in meta.creator
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles[:3] == ["Cover", "The whole map", "Stage worksheets"]


def test_every_font_is_embedded(journey, make_kit):
    path, _ = make_kit(journey, "default")
    seen = 0
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font.get("/BaseFont")
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            seen += 1
    assert seen > 0


def test_fixed_date_gives_byte_identical_output(journey, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_kit(journey, KitOptions(date=FIXED, kit=("cover", "overview", "pains")), a)
    export_kit(journey, KitOptions(date=FIXED, kit=("cover", "overview", "pains")), b)
    assert a.read_bytes() == b.read_bytes()


def test_persona_option_keeps_only_that_persona(journey, make_kit):
    path, _ = make_kit(journey, "maya", persona="maya, busy professional", kit=("personas", "curves"))
    text = text_of(path)
    assert "Maya" in text and "Robert" not in text
    assert len(PdfReader(path).pages) == 2
    with pytest.raises(OptionError, match="no persona named 'Zed'"):
        export_kit(journey, KitOptions(persona="Zed"), "unused.pdf")


def test_grayscale_prints_no_colour(journey, make_kit):
    import pypdfium2 as pdfium

    path, _ = make_kit(journey, "grey", grayscale=True, kit=("overview",))
    from PIL import ImageChops

    image = pdfium.PdfDocument(str(path))[0].render(scale=0.6).to_pil().convert("RGB")
    r, g, b = image.split()
    assert ImageChops.difference(r, g).getextrema()[1] <= 2
    assert ImageChops.difference(g, b).getextrema()[1] <= 2


def _multilingual() -> Journey:
    j = Journey(title="Международная карта · 国际旅程")
    j.stages = [Stage(id="s1", name="Découverte"), Stage(id="s2", name="Καταχώριση")]
    j.lanes = [
        Lane(id="l1", name="Punkty styku", kind="touchpoints"),
        Lane(id="l2", name="Bóle", kind="pain-points"),
    ]
    j.personas = [Persona(id="p", name="Łucja Żółć", colour="#d1495b")]
    titles = [
        "Größenänderung über Straße",
        "Zażółć gęślą jaźń",
        "Ελληνικά γράμματα",
        "Съешь же ещё этих мягких булок",
        "会员注册流程",
        "ひらがなとカタカナ",
        "Crème brûlée à la carte",
    ]
    j.cards = [Card("s1" if i % 2 else "s2", "l1", "touchpoint", t, id=f"c{i}") for i, t in enumerate(titles)]
    return j


def test_many_scripts_print_without_null_characters(tmp_path):
    j = _multilingual()
    out = tmp_path / "world.pdf"
    report = export_kit(j, KitOptions(date=FIXED), out)
    text = text_of(out)
    assert "\x00" not in text
    flat = squash(text)
    for card in j.cards:
        assert squash(card.title) in flat, card.title
    assert not report.missing


def test_a_character_no_font_has_is_visible_and_reported(tmp_path):
    j = _multilingual()
    j.cards.append(Card("s1", "l1", "touchpoint", "Hieroglyph 𓀀 here", id="odd"))
    out = tmp_path / "odd.pdf"
    report = export_kit(j, KitOptions(date=FIXED, kit=("stages",)), out)
    assert "𓀀" in report.missing
    assert any("𓀀" in line and "U+13000" in line for line in report.lines())
    assert "Hieroglyph \ufffd here" in text_of(out)


ESCAPES = ["<b>bold</b> & co", "AT&T <script>alert(1)</script>", "if a<b && c>d then &amp;", "x" * 140]


def test_user_text_prints_exactly_as_written(tmp_path):
    j = _multilingual()
    j.cards = [Card("s1", "l2", "pain-point", t, id=f"e{i}") for i, t in enumerate(ESCAPES)]
    out = tmp_path / "escapes.pdf"
    export_kit(j, KitOptions(date=FIXED, kit=("stages", "pains")), out)
    flat = squash(text_of(out))
    for title in ESCAPES:
        assert squash(title) in flat, title


def test_text_too_long_for_its_card_shrinks_then_is_cut_and_reported(tmp_path):
    j = _multilingual()
    j.cards[0] = Card("s2", "l1", "touchpoint", "A very long title " * 12, id="long")
    out = tmp_path / "long.pdf"
    report = export_kit(j, KitOptions(date=FIXED, kit=("overview",)), out)
    assert any("A very long title" in where for where in report.cut)
    assert "…" in text_of(out)


def test_pains_table_of_200_cards_repeats_its_header(tmp_path):
    j = Journey(title="Many pains")
    j.stages = [Stage(id=f"s{i}", name=f"Stage {i}") for i in range(4)]
    j.lanes = [Lane(id="p", name="Pains", kind="pain-points")]
    j.cards = [
        Card(
            f"s{i % 4}",
            "p",
            "pain-point",
            f"Pain number {i} with some words to wrap",
            id=f"c{i}",
        )
        for i in range(200)
    ]
    j.votes = [Vote(f"c{i}", id=f"v{i}-{k}") for i in range(200) for k in range(i % 7)]
    out = tmp_path / "pains.pdf"
    export_kit(j, KitOptions(date=FIXED, kit=("pains",)), out)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:
            words = page.extract_text()
            assert "Pain point" in words and "Opportunities" in words and "Votes" in words
        first = pdf.pages[0].extract_text()
    assert "Pain number 6 " in first and "Pain number 0 " not in first, "most votes first"


def test_date_sets_the_pdf_creation_date_and_neutral_has_no_sign(journey, make_kit):
    path, _ = make_kit(journey, "default")
    reader = PdfReader(path)
    assert reader.metadata["/CreationDate"].startswith("D:20261124")
    text = text_of(path)
    assert "+0" not in text and "0 Neutral" in text


def test_persona_option_takes_a_unique_start_of_a_name(journey, make_kit):
    path, _ = make_kit(journey, "maya-prefix", persona="MAYA", kit=("personas",))
    assert "Maya" in text_of(path)
    with pytest.raises(OptionError, match="could be any of"):
        export_kit(journey, KitOptions(persona=""), "unused.pdf")


def test_pains_pair_with_the_opportunities_connected_to_them_else_those_of_their_stage(journey):
    import dataclasses

    from cjm_editor.export.parts.pains import pairs
    from cjm_editor.model import Connection

    # the sample has one pain point and one opportunity per stage (Consider … Renew & refer)
    j = dataclasses.replace(journey, connections=[Connection("o-referral-reward", "p-hidden-fees")])
    paired, unpaired = pairs(j)
    found = {p.id: [(i.id, how) for i, how in ideas] for p, ideas in paired}
    assert found == {
        "p-hidden-fees": [("o-referral-reward", "connected")],  # a connection wins over the stage
        "p-long-form": [("o-express", "same stage")],
        "p-late": [("o-large-print", "same stage")],
        "p-forgot-skip": [("o-skip-reminder", "same stage")],
        "p-cancel": [],  # its stage's opportunity is connected to another pain point
    }
    assert [c.id for c in unpaired] == ["o-price-upfront"]  # its stage's pain point has a connection
