"""The overview and the poster: text inside its card, readable sizes, ink on every sheet, full cover."""

from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops
from reportlab.lib.units import mm

from cjm_editor.export.draw_map import Placement
from cjm_editor.export.options import MARGIN, KitOptions
from cjm_editor.export.parts.overview import fit
from cjm_editor.export.parts.poster import POSTER_SCALE, sheet_placement, tiles_for
from cjm_editor.export.tiling import OVERLAP, plan
from cjm_editor.export.writer import Box
from cjm_editor.layout import MapGeometry, Rect, compute

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


def test_overview_text_lies_inside_its_cards(journey, make_kit):
    path, _ = make_kit(journey, "overview", kit=("overview",))
    g = compute(journey)
    width, height = KitOptions().page_size()
    body = Box(MARGIN, MARGIN + 14, width - 2 * MARGIN, height - 2 * MARGIN - 46)
    at = fit(g, body.w, body.h, body.x, body.top)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert len(page.chars) > 500
        assert stray_chars(page, g, at) == []


def test_poster_sheets_have_ink_cover_the_map_and_keep_text_in_cards(journey, make_kit):
    path, _ = make_kit(journey, "poster", kit=("poster",))
    g = compute(journey)
    size = KitOptions().page_size()
    tiles = tiles_for(g, size)
    doc = pdfium.PdfDocument(str(path))
    assert len(doc) == len(tiles) + 1, "an assembly page and one page per sheet"
    with pdfplumber.open(path) as pdf:
        for tile, page in zip(tiles, pdf.pages[1:], strict=True):
            at = sheet_placement(tile, size[1])
            clip = Box(10 * mm, 10 * mm, tile.w, tile.h)
            assert stray_chars(page, g, at, clip) == [], tile.label
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
