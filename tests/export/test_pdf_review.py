"""Faults found by printing the whole kit of big and small maps and looking at every page, each read
back from the PDF: the cover's index, the poster's sheets."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pdfplumber
import pypdfium2 as pdfium
from cjm_editor.resources import resource
from pypdf import PdfReader

from cjm_editor.formats.cjm_json import load
from cjm_editor.layout import compute
from tests.export.scripts_map import scripts_map


def _outline_titles(outline) -> list[str]:
    out = []
    for o in outline:
        out += _outline_titles(o) if isinstance(o, list) else [o.title]
    return out


def test_poster_sheets_are_named_once_and_folded_in_the_index(make_kit):
    path, report = make_kit(scripts_map(300, 8), "big-poster", kit=("cover", "poster"))
    titles = _outline_titles(PdfReader(path).outline)
    assert "Sheet A1" in titles and not any(t.startswith("Sheet Sheet") for t in titles)
    sheets = sum(t.startswith("Sheet ") for t in titles)
    assert sheets > 12
    with pdfplumber.open(path) as pdf:
        cover = pdf.pages[0].extract_text() or ""
        assert "Sheet Sheet" not in cover
        assert f"Sheet A1 – {titles[-1]} ({sheets})" in cover  # one line, not a page of sheets
        assert "In this kit (continued)" not in (pdf.pages[1].extract_text() or "")
    assert report.pages == 2 + sheets  # cover, assembly, the sheets: no index pages


def _retitled(journey, titles: dict[str, str]):
    cards = [dataclasses.replace(c, title=titles.get(c.kind, c.title)) for c in journey.cards]
    cards = [dataclasses.replace(c, source="ראיון") if c.kind == "quote" else c for c in cards]
    return dataclasses.replace(journey, cards=cards)


def test_a_right_to_left_title_keeps_the_kit_s_words_around_it_in_order(journey, make_kit):
    """A Hebrew opportunity in the pains table and on its worksheet: "[4 votes] (same stage)" and
    "(web)" read as written, after the title printed right to left (the line was laid out right to
    left as a whole, which turned the brackets into "(votes] (same stage 4]")."""
    hebrew = "הזמנה משלוח"
    path, _ = make_kit(
        _retitled(journey, {"opportunity": hebrew, "touchpoint": hebrew, "quote": hebrew}),
        "hebrew-titles",
        kit=("stages", "pains"),
    )
    with pdfplumber.open(path) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    printed = hebrew[::-1]  # right to left, as pdfplumber reads a line left to right
    paired = [line for line in lines if printed in line and "vote" in line]
    assert paired and all(re.search(rf"{printed} \[\d+ votes?\]( \(same stage\))?", x) for x in paired), (
        paired
    )
    quote = [line for line in lines if "ןויאר —" in line]  # a Hebrew quote and source: right to left
    assert quote and all(f"ןויאר — {printed}" in x for x in quote), quote
    channel = [line for line in lines if printed in line and "(" in line and "vote" not in line]
    assert channel and all(re.search(rf"{printed} \([^)]+\)", x) for x in channel), channel


def test_the_poster_legend_goes_beside_the_map_rather_than_on_a_row_of_sheets_of_its_own(make_kit):
    """The checkout micro map fits one row of two sheets; its legend under the map took a second row
    that printed nothing but a strip of legend."""
    j = load(resource("samples", "checkout.cjm.json")).journey
    path, report = make_kit(j, "checkout-poster", kit=("poster",))
    assert report.pages == 3, "the assembly page and two sheets"
    with pdfplumber.open(path) as pdf:
        sheets = [page.extract_text() or "" for page in pdf.pages[1:]]
    assert all(any(c.title[:10] in text for c in j.cards) for text in sheets), "cards on every sheet"
    assert j.personas[0].name in sheets[-1], "the legend beside the map"


def test_every_arrow_label_of_a_split_overview_prints_on_a_part(make_kit):
    """Labels sit in the gaps between lanes, where the parts of a split overview meet; a part showed
    only the labels wholly inside it, so 32 of the 56 labels of this map printed on no part."""
    j = scripts_map(1_000, 12)
    j.connections = [dataclasses.replace(c, id=f"k{i}") for i, c in enumerate(j.connections)]  # fixed
    path, _ = make_kit(j, "big-overview", kit=("overview",))
    g = compute(j)
    words = [c.label for c in j.connections if c.label and not g.marks.get(c.id)]
    assert len(words) > 40
    doc = pdfium.PdfDocument(str(path))
    printed = []
    for page in doc:
        text = page.get_textpage().get_text_range()
        if text.startswith("The whole map, part"):
            printed += re.findall(r"\b(?:then|если)\b", text)
    assert sorted(printed) == sorted(words)
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            boxes = [x for x in page.extract_words() if x["text"] in ("then", "если")]
            for a, b in itertools.combinations(boxes, 2):
                apart = (
                    a["x1"] <= b["x0"]
                    or b["x1"] <= a["x0"]
                    or a["bottom"] <= b["top"]
                    or b["bottom"] <= a["top"]
                )
                assert apart, ("labels over each other", page.page_number, a, b)


def test_the_cover_numbers_every_stage_on_the_left(make_kit):
    """A right-to-left stage name turned its whole line around: "הזמנה .7 .7", the number on the right
    of that line only."""
    path, _ = make_kit(scripts_map(100, 8), "cover-stages", kit=("cover",))
    with pdfplumber.open(path) as pdf:
        lines = (pdf.pages[0].extract_text() or "").splitlines()
    hebrew = [x for x in lines if re.search("[\u05d0-\u05ea]", x) and re.search(r"\b7\b", x)]
    assert hebrew and all(x.startswith("7. ") for x in hebrew), hebrew


def test_a_label_with_no_room_in_its_part_is_reported_not_dropped_silently(journey, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    from cjm_editor.export.draw_map import Placement, draw_map
    from cjm_editor.export.report import ExportReport
    from cjm_editor.export.writer import Writer
    from cjm_editor.layout import Rect

    g = compute(journey)
    conn = next(c for c in journey.connections if c.label and c.id in g.labels and c.id not in g.marks)
    r = g.labels[conn.id]
    part = Rect(r.x + r.w / 2 - 2, r.y + r.h / 2 - 2, 4, 4)  # holds the label's centre, too small for it
    w = Writer(Canvas(str(tmp_path / "part.pdf")), ExportReport())
    draw_map(w, journey, g, Placement(1.0, 0.0, 800.0), window=part)
    assert any(conn.label in line and "no room" in line for line in w.report.omitted), w.report.omitted
