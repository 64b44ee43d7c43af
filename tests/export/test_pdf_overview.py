"""The whole map split over pages (the sample on A4 landscape, Letter portrait and in grayscale), read
back: few pages, every card title, every word inside the printable area and each part's text inside
its page's body, the emotion scale on every part that shows the emotion lane, the curves inside
their part's frame, no text below 6 pt, a named thumbnail."""

from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops
from reportlab.lib.units import mm

from bench.synth import synthetic_map
from cjm_editor.export import split
from cjm_editor.export.options import MARGIN, KitOptions
from cjm_editor.export.parts.overview import MIN_TEXT
from cjm_editor.layout import compute, palette
from tests.export.conftest import font_size

PAPERS = {
    "a4-landscape": dict(paper="A4", orientation="landscape"),
    "letter-portrait": dict(paper="Letter", orientation="portrait"),
    "a4-grey": dict(paper="A4", orientation="landscape", grayscale=True),
}
MOST_PAGES = 7  # a thumbnail and six parts: three stages across on A4 landscape, two on Letter portrait
PRINTABLE = 10 * mm  # no printer needs more margin than this


@pytest.fixture(params=list(PAPERS))
def overview(request, journey, make_kit):
    path, report = make_kit(journey, f"overview-{request.param}", kit=("overview",), **PAPERS[request.param])
    return journey, path, report, KitOptions(**PAPERS[request.param]).page_size()


def _squash(text: str) -> str:
    return "".join(text.split())


def test_the_sample_takes_few_pages(overview):
    _, path, report, _ = overview
    with pdfplumber.open(path) as pdf:
        assert 2 < len(pdf.pages) == report.pages <= MOST_PAGES
        assert "each outline below shows the part" in (pdf.pages[0].extract_text() or "")


def test_every_card_title_and_no_text_below_6_pt(overview):
    journey, path, report, _ = overview
    assert not report.shrunk, "every part fits its page at 6 pt or more"
    with pdfplumber.open(path) as pdf:
        text = ""
        for page in pdf.pages:
            assert min(font_size(c) for c in page.chars) >= MIN_TEXT - 0.01
            text += "".join(c["text"] for c in page.chars)
    for card in journey.cards:
        assert _squash(card.title) in _squash(text), card.title


def test_every_word_lies_inside_the_printable_area_and_the_parts_text_in_the_body(overview):
    _, path, _, (width, height) = overview
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            for word in page.extract_words():
                assert word["x0"] >= PRINTABLE and word["x1"] <= width - PRINTABLE, (n, word["text"])
                assert word["top"] >= PRINTABLE and word["bottom"] <= height - PRINTABLE, (n, word["text"])
                heading = word["bottom"] <= MARGIN + 32  # above Pages.body(): the heading, the map's title
                footer = word["top"] > height - MARGIN
                if not (heading or footer):
                    assert word["x0"] >= MARGIN - 0.5 and word["x1"] <= width - MARGIN + 0.5, (n, word)


def test_every_part_with_the_emotion_lane_shows_its_scale(overview):
    journey, path, _, _ = overview
    labels = list(journey.scale.labels.values())
    emotions = next(lane.name for lane in journey.lanes if lane.kind == "emotions")
    with pdfplumber.open(path) as pdf:
        parts = [page.extract_text() or "" for page in pdf.pages[1:]]
    with_lane = [text for text in parts if emotions in text]
    assert with_lane
    for text in with_lane:
        for label in labels:
            assert label in text


def _where(image: Image.Image, colour: str, top: int | None = None) -> tuple[int, int] | None:
    """The leftmost and rightmost x of the pixels of a colour (in the top `top` rows)."""
    if top is not None:
        image = image.crop((0, 0, image.width, top))
    diff = ImageChops.difference(image, Image.new("RGB", image.size, colour)).convert("L")
    box = diff.point(lambda v: 255 if v < 8 else 0).getbbox()
    return None if box is None else (box[0], box[2])


def test_curves_stay_inside_their_part(overview, journey):
    """No persona's colour right or left of the part's stage headers by more than the gutter."""
    _, path, _, _ = overview
    if "grey" in str(path):
        pytest.skip("persona colours are grey")
    doc = pdfium.PdfDocument(str(path))
    checked = 0
    for index in range(1, len(doc)):
        image = doc[index].render(scale=1).to_pil().convert("RGB")  # 1 px a point
        heads = _where(image, palette.HEADER_BG, image.height // 4)  # the stage headers, on top
        assert heads is not None, index
        for persona in journey.personas:
            xs = _where(image, persona.colour)
            if xs is not None:
                checked += 1
                assert heads[0] - 14 <= xs[0] and xs[1] <= heads[1] + 14, (index, persona.name)
    assert checked


def test_the_thumbnail_names_stages_and_lanes(overview):
    journey, path, _, _ = overview
    with pdfplumber.open(path) as pdf:
        text = _squash(pdf.pages[0].extract_text() or "")
    for stage in journey.stages:
        assert _squash(stage.name) in text
    for lane in journey.lanes:
        assert _squash(lane.name)[:5] in text, lane.name  # maybe shortened with …


@pytest.mark.parametrize("room", [(900.0, 500.0), (680.0, 780.0), (400.0, 600.0)])
def test_parts_are_whole_stages_and_lanes_covering_the_map(journey, room):
    g = compute(journey)
    windows = split.plan(g, *room)
    lefts = {r.x - split.STAGE_GAP / 2 for r in g.columns.values()}
    tops = {r.y - split.LANE_GAP / 2 for r in g.rows.values()}
    for w in windows:
        assert w.x in lefts and w.y in tops
        assert split.HEAD_W + w.w <= room[0] or len({x for x in lefts if w.x <= x < w.right}) == 1
    area = sum(w.w * w.h for w in windows)
    cols, rows = g.columns.values(), g.rows.values()
    width = max(r.right for r in cols) - min(r.x for r in cols) + split.STAGE_GAP
    height = max(r.bottom for r in rows) - min(r.y for r in rows) + split.LANE_GAP
    assert area == pytest.approx(width * height)


def _all_cards_in_one_part(g, windows) -> None:
    for cid, r in g.cards.items():
        holding = [
            w for w in windows if w.x <= r.x and r.right <= w.right and w.y <= r.y and r.bottom <= w.bottom
        ]
        assert len(holding) == 1, cid


@pytest.mark.parametrize("room", [(900.0, 520.0), (680.0, 790.0)])
def test_tall_lanes_are_cut_between_cards_and_fill_the_pages(room):
    journey = synthetic_map(400, stages=8)  # 7 lanes of 7 cards per cell: taller than an A4 page
    g = compute(journey)
    windows = split.plan(g, *room)
    _all_cards_in_one_part(g, windows)
    assert all(split.HEAD_H + w.h <= room[1] + 0.01 for w in windows)
    rows = sorted({(w.y, w.bottom) for w in windows})
    used = sum(b - a for a, b in rows) / (len(rows) * (room[1] - split.HEAD_H))
    assert used > 0.8, "no page left a third empty"


def test_a_stage_wider_than_a_page_is_printed_whole_and_reported(journey, make_kit):
    import dataclasses

    wide = dataclasses.replace(
        journey,
        stages=[dataclasses.replace(s, width=900.0) if i == 2 else s for i, s in enumerate(journey.stages)],
    )
    path, report = make_kit(
        wide, "overview-wide-stage", kit=("overview",), paper="Letter", orientation="portrait"
    )
    wider = [line for line in report.shrunk if "a stage wider than a page" in line]
    assert len(wider) == 2, "only the parts of that stage, one per row of parts"
    _all_cards_in_one_part(compute(wide), split.plan(compute(wide), 680.0, 790.0))
    with pdfplumber.open(path) as pdf:
        text = _squash("".join(c["text"] for page in pdf.pages for c in page.chars))
    for card in wide.cards:
        assert _squash(card.title) in text, card.title
