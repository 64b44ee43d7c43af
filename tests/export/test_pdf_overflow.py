"""Nothing runs off its frame: a cover index that goes on over a second page, a title clear of the
index panel, table rows taller than a page split with a "continued" mark, legends that wrap."""

from __future__ import annotations

import pdfplumber
from pypdf import PdfReader

from cjm_editor.export.options import MARGIN, KitOptions
from cjm_editor.handouts import export_kit
from cjm_editor.model import Card, Journey, Lane, Persona, Stage
from cjm_editor.model.journey import Vote
from tests.export.conftest import FIXED


def _in_frame(path) -> None:
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            for c in page.chars:
                assert c["x0"] >= 0 and c["x1"] <= page.width + 0.5 and c["bottom"] <= page.height, (n, c)
                if c["bottom"] > page.height - MARGIN - 6:
                    assert c["size"] < 8, (n, c["text"], "only the footer below the body")


def test_a_long_index_goes_on_over_a_second_page_with_right_page_numbers(tmp_path):
    j = Journey(title="A journey whose title is long enough to need two or three lines on the cover " * 2)
    j.stages = [Stage(id=f"s{i}", name=f"Stage number {i} of a long journey") for i in range(45)]
    j.lanes = [Lane(id="l", name="Touchpoints", kind="touchpoints")]
    j.cards = [Card(f"s{i}", "l", "touchpoint", f"Touchpoint {i}") for i in range(45)]
    out = tmp_path / "index.pdf"
    export_kit(j, KitOptions(date=FIXED, kit=("cover", "stages", "pains")), out)
    _in_frame(out)
    with pdfplumber.open(out) as pdf:
        first, second = pdf.pages[0], pdf.pages[1]
        assert "In this kit (continued)" in (second.extract_text() or "")
        assert "more stages (see the index)" in (first.extract_text() or ""), "the cover says what is left"
        panel = first.width * 0.64 - 10
        title = [c for c in first.chars if c["size"] > 12 and c["top"] < 110]
        assert title and max(c["x1"] for c in title) < panel, "the title stays clear of the index"
        lines = (first.extract_text() or "").splitlines() + (second.extract_text() or "").splitlines()
        listed = next(line for line in lines if line.startswith("Pain points and opportunities"))
        page = int(listed.split()[-1])
        assert (pdf.pages[page - 1].extract_text() or "").startswith("Pain points and opportunities")
    outline = PdfReader(out).outline
    assert outline[0].title == "Cover"


def test_a_pain_row_taller_than_a_page_is_split_and_marked(tmp_path):
    j = Journey(title="Long pains")
    j.stages = [Stage(id="s", name="Stage")]
    j.lanes = [Lane(id="p", name="Pains", kind="pain-points")]
    long = " ".join(f"word{i}" for i in range(1500))
    j.cards = [
        Card("s", "p", "pain-point", "Short pain", id="short"),
        Card("s", "p", "pain-point", long, id="long"),
    ]
    j.votes = [Vote("short"), Vote("short"), Vote("long")]
    out = tmp_path / "pains.pdf"
    report = export_kit(j, KitOptions(date=FIXED, kit=("pains",)), out)
    _in_frame(out)
    assert report.split_rows and any("split across pages" in line for line in report.summary())
    with pdfplumber.open(out) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        assert len(pdf.pages) >= 2
    assert "continued on the next page" in text and "(continued)" in text
    assert "word0 " in text and "word1499" in text, "every word printed"


def test_the_curves_legend_wraps_long_persona_names(tmp_path):
    j = Journey(title="Personas")
    j.stages = [Stage(id="s1", name="One"), Stage(id="s2", name="Two")]
    j.lanes = [Lane(id="e", name="Emotions", kind="emotions")]
    j.personas = [
        Persona(id=f"p{i}", name=f"Persona {i} with a long descriptive name and role", colour="#336699")
        for i in range(5)
    ]
    out = tmp_path / "curves.pdf"
    export_kit(j, KitOptions(date=FIXED, kit=("curves",), paper="Letter", orientation="portrait"), out)
    _in_frame(out)
    text = PdfReader(out).pages[0].extract_text()
    for p in j.personas:
        assert p.name in text
