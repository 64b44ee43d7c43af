"""Faults found by printing the whole kit of big and small maps and looking at every page, each read
back from the PDF: the cover's index, the poster's sheets."""

from __future__ import annotations

import pdfplumber
from pypdf import PdfReader

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
