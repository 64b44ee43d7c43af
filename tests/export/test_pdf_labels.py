"""Connection labels in print, read back from the PDF: each label's words lie in its box and clear of
every card; labels with no room beside their arrow are numbered, keyed and reported."""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.lib.units import mm

from bench.synth import synthetic_map
from cjm_editor.export.options import KitOptions
from cjm_editor.export.parts.poster import POSTER_SCALE, plan_poster, sheet_placement
from cjm_editor.export.report import ExportReport
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import compute
from cjm_editor.layout.labels import label_text
from tests.labelled_maps import dense_map, labelled


def _writer() -> Writer:
    import io

    from reportlab.pdfgen.canvas import Canvas

    return Writer(Canvas(io.BytesIO()), ExportReport())


def _overlap(char: dict, box: Box, page_height: float) -> bool:
    bottom, top = page_height - char["bottom"], page_height - char["top"]
    return char["x0"] < box.right and box.x < char["x1"] and bottom < box.top and box.y < top


def _inside(char: dict, box: Box, page_height: float, tol: float = 0.5) -> bool:
    bottom, top = page_height - char["bottom"], page_height - char["top"]
    return (
        char["x0"] >= box.x - tol
        and char["x1"] <= box.right + tol
        and bottom >= box.y - tol
        and top <= box.top + tol
    )


@pytest.mark.parametrize("which", ["sample", "dense"])
def test_printed_labels_lie_in_their_boxes_and_clear_of_every_card(which, journey, make_kit):
    j = labelled(journey) if which == "sample" else dense_map()
    path, _ = make_kit(j, f"poster-labels-{which}", kit=("poster",))
    g = compute(j)
    size = KitOptions().page_size()
    tiles = plan_poster(_writer(), j, g, size, POSTER_SCALE).tiles
    texts = {c.id: label_text(g, c.id, c.label) for c in j.connections}
    seen = set()
    with pdfplumber.open(path) as pdf:
        for tile, page in zip(tiles, pdf.pages[1:], strict=True):
            at = sheet_placement(tile, size[1])
            clip = Box(10 * mm, 10 * mm, tile.w, tile.h - 12)
            cards = [at.box(r) for r in g.cards.values()]
            h = size[1]
            for conn_id, rect in g.labels.items():
                box = at.box(rect)
                if not (
                    clip.x <= box.x and box.right <= clip.right and clip.y <= box.y and box.top <= clip.top
                ):
                    continue
                chars = [c for c in page.chars if _inside(c, box, h)]
                assert "".join(c["text"] for c in chars).replace(" ", "") == texts[conn_id].replace(" ", "")
                for char in chars:
                    assert not any(_overlap(char, card, h) for card in cards), (texts[conn_id], tile.label)
                seen.add(conn_id)
    assert len(seen) >= 0.9 * len(g.labels), "labels read whole on a sheet (a few straddle two sheets)"


def test_labels_without_room_are_numbered_listed_in_the_key_and_reported(make_kit):
    j = labelled(synthetic_map(200, stages=3, connections=120))
    g = compute(j)
    assert g.marks
    path, report = make_kit(j, "overview-keyed", kit=("overview",))
    with pdfplumber.open(path) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    keyed = [c for c in j.connections if c.id in g.marks]
    assert text.index("Key to the arrow labels") > text.index("The whole map")
    for conn in keyed[:20]:
        number = g.marks[conn.id]
        assert (f"{number} {conn.label}" if number else f"{conn.label} (") in text
    assert len(report.keyed) == len(keyed)
    assert any("connection label" in line for line in report.summary())
