"""The voting sheet: every pain point and opportunity with its own row of vote boxes (one per dot the
room has, up to a row's worth), the votes already recorded, and an impact/effort 2 x 2 for sorting the
opportunities."""

from __future__ import annotations

from reportlab.lib.units import mm

from cjm_editor.export.pages import Pages
from cjm_editor.export.textline import isolated
from cjm_editor.export.writer import Box
from cjm_editor.layout import palette
from cjm_editor.model.journey import Card
from cjm_editor.model.vocabulary import KIND_PLURALS
from cjm_editor.model.workshop import tally

KINDS = ("pain-point", "opportunity")
BOX = 5 * mm
ROW_H = 8 * mm
MIN_BOXES, MAX_BOXES = 6, 15
QUADRANTS = (
    ("Quick wins", "high impact, low effort", 0, 1),
    ("Big bets", "high impact, high effort", 1, 1),
    ("Fill-ins", "low impact, low effort", 0, 0),
    ("Money pits", "low impact, high effort", 1, 0),
)


def boxes_per_row(p: Pages) -> int:
    """As many boxes as the room has dots (participants x dots each), within a row's bounds."""
    room = len(p.j.participants) * p.j.workshop.dots
    return max(MIN_BOXES, min(MAX_BOXES, room))


def cards(p: Pages) -> list[Card]:
    return [c for kind in KINDS for c in p.j.cards if c.kind == kind]


def draw(p: Pages) -> None:
    stages = {s.id: s.name for s in p.j.stages}
    counts = tally(p.j)
    n = boxes_per_row(p)
    body = p.new("Voting sheet", bookmark="Voting sheet")
    y = _header(p, body, n)
    for kind in KINDS:
        rows = [c for c in p.j.cards if c.kind == kind]
        if not rows:
            continue
        if y - 2 * ROW_H < body.y:
            body = p.new("Voting sheet (continued)")
            y = _header(p, body, n)
        p.w.fill(palette.CARD_COLOURS[kind][1])
        p.w.string(body.x, y - 12, KIND_PLURALS[kind], 10, True, "voting sheet")
        y -= ROW_H
        for card in rows:
            if y - ROW_H < body.y:
                body = p.new("Voting sheet (continued)")
                y = _header(p, body, n)
            _row(p, body, y, card, stages.get(card.stage_id, ""), counts[card.id], n)
            y -= ROW_H
    _matrix(p)


def _header(p: Pages, body: Box, n: int) -> float:
    p.w.fill(palette.MUTED)
    text = f"Tick one box per dot ({p.j.workshop.dots} dots each). “Recorded” shows the votes in the map."
    p.w.string(body.x, body.top - 10, text, 8.5, False, "voting sheet")
    return body.top - 18


def _row(p: Pages, body: Box, y: float, card: Card, stage: str, recorded: int, n: int) -> None:
    w, c = p.w, p.c
    boxes_w = n * (BOX + 1.5 * mm)
    title_w = body.w - boxes_w - 70 * mm
    where = f"voting row “{card.title[:40]}”"
    w.line_of_text(
        card.title, Box(body.x, y - ROW_H + 2, title_w, ROW_H - 4), 9.5, False, palette.TEXT, where
    )
    w.line_of_text(
        stage,
        Box(body.x + title_w + 3 * mm, y - ROW_H + 2, 35 * mm, ROW_H - 4),
        8,
        False,
        palette.MUTED,
        where,
    )
    x = body.x + title_w + 40 * mm
    w.stroke(palette.TEXT, 0.8)
    for _ in range(n):
        c.rect(x, y - ROW_H + (ROW_H - BOX) / 2, BOX, BOX, stroke=1, fill=0)
        x += BOX + 1.5 * mm
    w.fill(palette.MUTED)
    w.string(body.right, y - ROW_H / 2 - 3, f"recorded {recorded}", 8, False, where, "right")
    w.stroke(palette.CELL_BORDER, 0.4)
    c.line(body.x, y - ROW_H, body.right, y - ROW_H)


def _matrix(p: Pages) -> None:
    """Impact up, effort across; the opportunities numbered beside it to write into the quadrants."""
    body = p.new("Impact / effort", bookmark="Impact / effort", level=1)
    w, c = p.w, p.c
    side = min(body.h - 20, body.w * 0.6)
    x0, y0 = body.x + 24, body.y + 16
    half = side / 2
    for title, hint, col, row in QUADRANTS:
        qx, qy = x0 + col * half, y0 + row * half
        w.fill(palette.CANVAS_BG if (col + row) % 2 else palette.CELL_BG)
        w.stroke(palette.CELL_BORDER, 1)
        c.rect(qx, qy, half, half, stroke=1, fill=1)
        w.fill(palette.TEXT)
        w.string(qx + 8, qy + half - 18, title, 13, True, "impact/effort")
        w.fill(palette.MUTED)
        w.string(qx + 8, qy + half - 30, hint, 8.5, False, "impact/effort")
    w.fill(palette.TEXT)
    w.string(x0 + half, y0 - 12, "Effort →", 10, True, "impact/effort", "center")
    c.saveState()
    c.translate(x0 - 8, y0 + half)
    c.rotate(90)
    w.string(0, 0, "Impact →", 10, True, "impact/effort", "center")
    c.restoreState()
    ideas = [c_ for c_ in p.j.cards if c_.kind == "opportunity"]
    lx = x0 + side + 24
    box = Box(lx, body.y, body.right - lx, body.h)
    y = box.top - 12
    w.fill(palette.TEXT)
    w.string(lx, y, "Opportunities", 10, True, "impact/effort")
    for i, idea in enumerate(ideas, start=1):
        y -= 14
        if y < box.y:
            break
        w.line_of_text(
            f"{i}. {isolated(idea.title)}",
            Box(lx, y - 3, box.w, 12),
            8.5,
            False,
            palette.TEXT,
            "impact/effort",
        )
