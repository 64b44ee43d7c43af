"""The workshop print parts, read back with pdfplumber: cut-out cards (every card on a sheet, six to a
portrait page, cut lines, blanks per kind), the voting sheet (vote boxes per pain point and
opportunity, recorded votes, the impact/effort 2 x 2), the pains table's voters and the curve bands."""

from __future__ import annotations

import math
import re

import pdfplumber
import pytest

from cjm_editor.export.options import KitOptions
from cjm_editor.export.parts.cutouts import COLUMNS, ROWS, SIDE
from cjm_editor.handouts import export_kit
from cjm_editor.model.journey import Participant, Rating, Vote, Workshop
from cjm_editor.model.workshop import tally
from tests.export.conftest import FIXED

A4_PORTRAIT = (595.28, 841.89)
LETTER_PORTRAIT = (612.0, 792.0)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def room(journey):
    """The sample with three participants who voted and rated."""
    journey.votes = []
    journey.participants = [Participant(id=f"u{i}", name=n) for i, n in enumerate(("Ana", "Ben", "Chloé"))]
    journey.workshop = Workshop(dots=3)
    journey.votes = [
        Vote("p-late", "u0", id="v1"),
        Vote("p-late", "u1", id="v2"),
        Vote("p-cancel", "u2", id="v3"),
        Vote("o-express", "u0", id="v4"),
    ]
    persona = journey.personas[0].id
    journey.ratings = [
        Rating(persona, "stage", "s-signup", s, f"u{i}", id=f"r{i}") for i, s in enumerate((-2, -1, 1))
    ]
    return journey


def _export(journey, tmp_path, kit, paper="A4"):
    out = tmp_path / f"{'-'.join(kit)}.pdf"
    export_kit(journey, KitOptions(kit=kit, paper=paper, date=FIXED), out)
    return out


@pytest.mark.parametrize(("paper", "size"), [("A4", A4_PORTRAIT), ("Letter", LETTER_PORTRAIT)])
def test_every_card_is_on_a_cut_out_sheet_six_to_a_page(room, tmp_path, paper, size):
    out = _export(room, tmp_path, ("cutouts",), paper)
    lanes = [lane for lane in room.lanes if lane.kind != "emotions"]
    total = len(room.cards) + len(lanes)
    found: list[str] = []
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == math.ceil(total / 6)
        for page in pdf.pages:
            assert (round(page.width, 2), round(page.height, 2)) == size
            x0, top = (page.width - COLUMNS * SIDE) / 2, (page.height - ROWS * SIDE) / 2
            spans = [
                ln for ln in page.lines if ln["height"] >= page.height - 1 or ln["width"] >= page.width - 1
            ]
            assert len(spans) == (COLUMNS + 1) + (ROWS + 1), "cut lines run to the sheet's edges"
            for row in range(ROWS):
                for col in range(COLUMNS):
                    box = (
                        x0 + col * SIDE + 2,
                        top + row * SIDE + 2,
                        x0 + (col + 1) * SIDE - 2,
                        top + (row + 1) * SIDE - 2,
                    )
                    text = page.crop(box).extract_text() or ""
                    if text.strip():
                        found.append(squash(text))
    for card in room.cards:
        assert any(squash(card.title) in t for t in found), card.title
    blanks = found[len(room.cards) :]
    assert len(blanks) == len({lane.kind for lane in lanes}) == len(lanes)
    assert "PAINPOINT" in "".join(blanks) and "OPPORTUNITY" in "".join(blanks)
    assert len(found) == total


def test_the_voting_sheet_has_vote_boxes_per_pain_point_and_opportunity(room, tmp_path):
    out = _export(room, tmp_path, ("voting",))
    rows = [c for c in room.cards if c.kind in ("pain-point", "opportunity")]
    boxes_each = max(6, len(room.participants) * room.workshop.dots)
    counts = tally(room)
    with pdfplumber.open(out) as pdf:
        sheet, matrix = pdf.pages[0], pdf.pages[-1]
        boxes = [r for r in sheet.rects if abs(r["width"] - r["height"]) < 0.5 and 13 < r["width"] < 15]
        assert len(boxes) == len(rows) * boxes_each
        text = sheet.extract_text()
        headings = [t for t in text.splitlines() if t in ("Pain points", "Opportunities", "Opportunitys")]
        assert headings == ["Pain points", "Opportunities"], "plurals come from model/vocabulary.py"
        for card in rows:
            line = next(t for t in text.splitlines() if t.startswith(card.title[:30]))
            assert line.endswith(f"recorded {counts[card.id]}"), line
        assert len({round(b["top"]) for b in boxes}) == len(rows), "one row of boxes per card"
        quadrants = matrix.extract_text()
        for word in ("Quick wins", "Big bets", "Fill-ins", "Money pits", "Impact", "Effort"):
            assert word in quadrants
        assert "1. " + next(c for c in room.cards if c.kind == "opportunity").title[:20] in quadrants


def test_pains_table_ranks_by_recorded_votes_with_who_voted(room, tmp_path):
    out = _export(room, tmp_path, ("pains",))
    with pdfplumber.open(out) as pdf:
        table = pdf.pages[0].extract_text().splitlines()
    first = next(i for i, line in enumerate(table) if line.startswith("Delivery window too wide"))
    assert "2 Ana, Ben" in table[first]
    later = next(i for i, line in enumerate(table) if line.startswith("Cancelling needs a phone call"))
    assert first < later and "1 Chloé" in table[later]


def test_the_curves_chart_shows_band_and_n_where_ratings_exist(room, tmp_path):
    out = _export(room, tmp_path, ("curves",))
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    assert "n=3" in text and "n=4" not in text  # three participants; the map's own point is no rating
    room.ratings = []
    (tmp_path / "plain").mkdir()
    plain = _export(room, tmp_path / "plain", ("curves",))
    with pdfplumber.open(plain) as pdf:
        assert "n=" not in pdf.pages[0].extract_text()
