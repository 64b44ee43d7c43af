"""Cut-out cards: the map's cards at sticky-note size (76 x 76 mm), six to a portrait A4 or Letter
sheet, with dashed cut lines and the kind's colour band, then one blank card per kind of the map's
lanes for what the room adds."""

from __future__ import annotations

from reportlab.lib.units import mm

from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import Box
from cjm_editor.layout import palette
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, Card

SIDE = 76 * mm
COLUMNS, ROWS = 2, 3
PER_SHEET = COLUMNS * ROWS
BAND = 9 * mm
TITLE_SIZE = 15.0


def portrait(size: tuple[float, float]) -> tuple[float, float]:
    w, h = size
    return (min(w, h), max(w, h))


def blank_kinds(p: Pages) -> list[str]:
    """One blank card per kind of the map's lanes, in lane order (no emotion lane)."""
    kinds = [CARD_KIND_FOR_LANE[lane.kind] for lane in p.j.lanes if lane.kind != "emotions"]
    return list(dict.fromkeys(kinds))


def draw(p: Pages) -> None:
    stages = {s.id: s.name for s in p.j.stages}
    cards: list[Card | str] = [*p.j.cards, *blank_kinds(p)]
    size = portrait(p.size)
    grid_w, grid_h = COLUMNS * SIDE, ROWS * SIDE
    for sheet, start in enumerate(range(0, len(cards), PER_SHEET)):
        p.new("Cut-out cards", bookmark="Cut-out cards" if sheet == 0 else "", decorate=False, size=size)
        x0, y0 = (size[0] - grid_w) / 2, (size[1] - grid_h) / 2
        p.w.fill(palette.MUTED)
        p.w.string(
            x0, y0 + grid_h + 10, f"Cut-out cards · {p.j.title} · sheet {sheet + 1}", 8, False, "cut-outs"
        )
        for i, card in enumerate(cards[start : start + PER_SHEET]):
            col, row = i % COLUMNS, i // COLUMNS
            box = Box(x0 + col * SIDE, y0 + grid_h - (row + 1) * SIDE, SIDE, SIDE)
            if isinstance(card, Card):
                _card(p, box, card.kind, card.title, stages.get(card.stage_id, ""), card)
            else:
                _card(p, box, card, "", "", None)
        _cut_lines(p, x0, y0, grid_w, grid_h, size)


def _card(p: Pages, box: Box, kind: str, title: str, stage: str, card: Card | None) -> None:
    w, c = p.w, p.c
    fill, accent = palette.CARD_COLOURS.get(kind, palette.CARD_COLOURS["note"])
    inner = box.inset(3 * mm)
    w.fill(fill)
    c.rect(inner.x, inner.y, inner.w, inner.h, stroke=0, fill=1)
    w.fill(accent)
    c.rect(inner.x, inner.top - BAND, inner.w, BAND, stroke=0, fill=1)
    label = palette.KIND_LABELS.get(kind, kind)
    w.fill("#ffffff")
    w.string(inner.x + 3 * mm, inner.top - BAND + 3 * mm, label.upper(), 9, True, "cut-out kind")
    if stage:
        w.string(inner.right - 3 * mm, inner.top - BAND + 3 * mm, stage, 8, False, "cut-out stage", "right")
    text = Box(inner.x + 4 * mm, inner.y + 12 * mm, inner.w - 8 * mm, inner.h - BAND - 16 * mm)
    if card is None:  # a blank card: lines to write on
        w.stroke(palette.CELL_BORDER, 0.6)
        for k in range(1, 6):
            y = inner.top - BAND - k * 10 * mm
            c.line(inner.x + 4 * mm, y, inner.right - 4 * mm, y)
        return
    where = f"cut-out card “{title[:40]}”"
    w.paragraph(title, text, TITLE_SIZE, True, palette.TEXT, where, 9)
    extra = card.source or " · ".join(x for x in (card.channel, card.owner) if x)
    if extra:
        w.line_of_text(
            extra,
            Box(inner.x + 4 * mm, inner.y + 4 * mm, inner.w - 8 * mm, 6 * mm),
            8,
            False,
            palette.MUTED,
            where,
        )


def _cut_lines(p: Pages, x0: float, y0: float, gw: float, gh: float, size: tuple[float, float]) -> None:
    """Dashed lines along every card edge, running out to the sheet's edges so they survive trimming."""
    c = p.c
    p.w.stroke(palette.MUTED, 0.5)
    c.setDash([3, 3])
    for k in range(COLUMNS + 1):
        x = x0 + k * SIDE
        c.line(x, 0, x, size[1])
    for k in range(ROWS + 1):
        y = y0 + k * SIDE
        c.line(0, y, size[0], y)
    c.setDash([])
