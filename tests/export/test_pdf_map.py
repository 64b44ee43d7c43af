"""The overview and the poster: text inside its card, readable sizes, ink on every sheet, full cover."""

from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops
from reportlab.lib.units import mm

from cjm_editor.export.draw_map import Placement
from cjm_editor.export.legend import map_legend
from cjm_editor.export.options import MARGIN, KitOptions
from cjm_editor.export.parts.overview import MIN_TEXT, fit
from cjm_editor.export.parts.poster import POSTER_SCALE, plan_poster, sheet_placement
from cjm_editor.export.report import ExportReport
from cjm_editor.export.tiling import OVERLAP, plan
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import MapGeometry, Rect, compute
from tests.export.conftest import font_size

TOLERANCE = 1.6


def text_boxes(g: MapGeometry, at: Placement) -> list[Box]:
    """Where the map may print text: cards, headers, connection labels, the emotion lane's scale."""
    rects: list[Rect] = [*g.cards.values(), *g.stages.values(), *g.lanes.values(), *g.labels.values()]
    if g.emotion_lane:
        rects.append(g.rows[g.emotion_lane])
    return [at.box(r) for r in rects]


def inside(char: dict, box: Box, page_height: float, tol: float) -> bool:
    bottom, top = page_height - char["bottom"], page_height - char["top"]
    return (
        char["x0"] >= box.x - tol
        and char["x1"] <= box.right + tol
        and bottom >= box.y - tol
        and top <= box.top + tol
    )


def stray_chars(page, g: MapGeometry, at: Placement, clip: Box | None = None) -> list[str]:
    """Characters drawn in the map's area but outside every place text belongs."""
    h = float(page.height)
    area = at.box(Rect(0, 0, g.width, g.height))
    boxes = text_boxes(g, at)
    stray = []
    for char in page.chars:
        cx, cy = (char["x0"] + char["x1"]) / 2, h - (char["top"] + char["bottom"]) / 2
        if not (area.x <= cx <= area.right and area.y <= cy <= area.top):
            continue
        if clip is not None and not (clip.x <= cx <= clip.right and clip.y <= cy <= clip.top):
            continue
        if char["text"].strip() and not any(inside(char, b, h, TOLERANCE * at.s) for b in boxes):
            stray.append(char["text"])
    return stray


def _writer() -> Writer:
    import io

    from reportlab.pdfgen.canvas import Canvas

    return Writer(Canvas(io.BytesIO()), ExportReport())


def _two_stages(journey):
    import dataclasses

    keep = {s.id for s in journey.stages[:2]}
    cards = [c for c in journey.cards if c.stage_id in keep]
    kept = {c.id for c in cards}
    return dataclasses.replace(
        journey,
        stages=journey.stages[:2],
        cards=cards,
        connections=[c for c in journey.connections if c.source_id in kept and c.target_id in kept],
        emotions=[e for e in journey.emotions if e.anchor_id in keep | kept],
    )


def test_overview_text_lies_inside_its_cards(journey, make_kit):
    small = _two_stages(journey)  # fits one page at a readable size
    path, _ = make_kit(small, "overview-small", kit=("overview",), paper="A3", orientation="portrait")
    g = compute(small)
    width, height = KitOptions(paper="A3", orientation="portrait").page_size()
    body = Box(MARGIN, MARGIN + 14, width - 2 * MARGIN, height - 2 * MARGIN - 46)
    legend_h = map_legend(_writer(), small, Box(body.x, body.y, body.w, 200), dry=True)
    at = fit(g, body.w, body.h - legend_h - 6, body.x, body.top)
    assert at.s * 7 >= MIN_TEXT
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert len(page.chars) > 300
        assert stray_chars(page, g, at) == []


def test_overview_too_big_for_a_page_is_split_with_text_of_6_pt_or_more(journey, make_kit):
    path, _ = make_kit(journey, "overview", kit=("overview",))
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) > 2, "a thumbnail and the parts"
        assert "each outline below shows the part" in (pdf.pages[0].extract_text() or "")
        text = ""
        for page in pdf.pages:
            assert min(font_size(c) for c in page.chars) >= MIN_TEXT - 0.01
            assert all(
                c["x0"] >= 0 and c["x1"] <= page.width and c["bottom"] <= page.height for c in page.chars
            )
            text += "".join(c["text"] for c in page.chars)
    squashed = "".join(text.split())
    for card in journey.cards:
        assert "".join(card.title.split())[:12] in squashed, card.title


def test_poster_sheets_have_ink_cover_the_map_and_keep_text_in_cards(journey, make_kit):
    path, _ = make_kit(journey, "poster", kit=("poster",))
    g = compute(journey)
    size = KitOptions().page_size()
    tiles = plan_poster(_writer(), journey, g, size, POSTER_SCALE).tiles
    doc = pdfium.PdfDocument(str(path))
    assert len(doc) == len(tiles) + 1, "an assembly page and one page per sheet"
    with pdfplumber.open(path) as pdf:
        for tile, page in zip(tiles, pdf.pages[1:], strict=True):
            at = sheet_placement(tile, size[1])
            clip = Box(10 * mm, 10 * mm, tile.w, tile.h - 12)  # less the sheet's label at its top
            assert stray_chars(page, g, at, clip) == [], tile.label
            label = [c for c in page.chars if c["top"] < size[1] - 10 * mm - tile.h + 12]
            assert tile.label in "".join(c["text"] for c in label), "the sheet's name, inside the trim"
            on_sheet = [c for c in page.chars if inside(c, clip, size[1], 0)]
            card_chars = [
                c for c in on_sheet if any(inside(c, at.box(r), size[1], 2) for r in g.cards.values())
            ]
            assert card_chars or tile.row == tiles[-1].row
            assert all(c["size"] >= 7.99 for c in card_chars), "card text prints at 8 pt or more"
    for index in range(1, len(doc)):
        image = doc[index].render(scale=0.3).to_pil().convert("L")
        blank = Image.new("L", image.size, 255)
        assert ImageChops.difference(image, blank).getbbox() is not None, f"sheet {index} has ink"


@pytest.mark.parametrize(
    ("w", "h"), [(1676, 1158), (300, 200), (5000, 400), (841.89 - 20 * mm, 595.28 - 20 * mm)]
)
def test_tiles_cover_the_content_with_8_to_10_mm_overlap(w, h):
    page = (841.89, 595.28)
    tiles = plan(w, h, *page)
    assert max(t.x + t.w for t in tiles) >= w and max(t.y + t.h for t in tiles) >= h
    assert 8 * mm <= OVERLAP <= 10 * mm
    by_pos = {(t.row, t.col): t for t in tiles}
    for (r, c), t in by_pos.items():
        right = by_pos.get((r, c + 1))
        if right is not None:
            assert right.x == pytest.approx(t.x + t.w - OVERLAP)
        below = by_pos.get((r + 1, c))
        if below is not None:
            assert below.y == pytest.approx(t.y + t.h - OVERLAP)


def test_blank_canvas_is_the_grid_without_cards(journey, make_kit):
    path, _ = make_kit(journey, "blank", blank=True)
    with pdfplumber.open(path) as pdf:
        text = " ".join(p.extract_text() or "" for p in pdf.pages)
        assert len(pdf.pages) >= 2
    assert "Discover" in text and "Touchpoints" in text
    assert all(card.title not in text for card in journey.cards)


def test_poster_asks_viewers_not_to_scale(journey, make_kit):
    from pypdf import PdfReader

    path, _ = make_kit(journey, "poster", kit=("poster",))
    prefs = PdfReader(path).trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"
    assert POSTER_SCALE * 7.5 >= 8


def test_poster_scale_prints_fewer_sheets_and_names_them_as_sheets(journey, make_kit):
    from cjm_editor.export.tiling import Tile

    full, _ = make_kit(journey, "poster", kit=("poster",))
    small, report = make_kit(journey, "poster-small", kit=("poster",), poster_scale=0.75)
    with pdfplumber.open(full) as a, pdfplumber.open(small) as b:
        assert len(b.pages) < len(a.pages)
        text = b.pages[1].extract_text()
    assert "Sheet A1" in text and not report.shrunk, "0.75 keeps the text at 6 pt"
    assert Tile(1, 2, 0, 0, 1, 1).label == "Sheet B3"


def test_poster_sheets_sets_the_largest_poster_that_fits_that_many(journey, make_kit):
    full, _ = make_kit(journey, "poster", kit=("poster",))
    path, _ = make_kit(journey, "poster-4", kit=("poster",), poster_sheets=4)
    with pdfplumber.open(full) as a, pdfplumber.open(path) as b:
        assert len(a.pages) - 1 > 4 and len(b.pages) - 1 <= 4, "the assembly page and at most 4 sheets"
        assert len(b.pages) - 1 >= 3, "as large as fits: not needlessly small"
