"""Pain points and the opportunities of their stage, most voted first (by the votes recorded in the
map, with who voted); the header repeats on every page."""

from __future__ import annotations

from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import LEADING, Box, wrap
from cjm_editor.layout import palette
from cjm_editor.model.workshop import tally, voters, who_voted

COLUMNS = (
    ("Pain point", 0.27),
    ("Votes", 0.06),
    ("Voted by", 0.15),
    ("Stage", 0.12),
    ("Owner", 0.1),
    ("Opportunities", 0.3),
)
SIZE = 8.5
PAD = 4.0


def rows(p: Pages) -> list[tuple[str, str, str, str, str, str]]:
    j = p.j
    order = {s.id: i for i, s in enumerate(j.stages)}
    names = {s.id: s.name for s in j.stages}
    ideas: dict[str, list[str]] = {}
    for c in j.cards:
        if c.kind == "opportunity":
            ideas.setdefault(c.stage_id, []).append(c.title)
    counts, who = tally(j), voters(j)
    pains = sorted(
        (c for c in j.cards if c.kind == "pain-point"),
        key=lambda c: (-counts[c.id], order.get(c.stage_id, 0)),
    )
    return [
        (
            c.title,
            str(counts[c.id]),
            who_voted(who.get(c.id, [])) or "–",
            names.get(c.stage_id, ""),
            c.owner or "–",
            "; ".join(ideas.get(c.stage_id, [])) or "–",
        )
        for c in pains
    ]


def draw(p: Pages) -> None:
    table = rows(p)
    body = p.new("Pain points and opportunities", bookmark="Pain points and opportunities")
    widths = [body.w * share for _, share in COLUMNS]
    y = _header(p, body, widths)
    if not table:
        p.w.fill(palette.MUTED)
        p.w.string(body.x, y - 14, "The map has no pain points yet.", 9.5, False, "pains")
        return
    for i, row in enumerate(table):
        cells = [wrap(text, wd - 2 * PAD, SIZE) for text, wd in zip(row, widths, strict=True)]
        height = max(len(lines) for lines in cells) * SIZE * LEADING + 2 * PAD
        if y - height < body.y:
            body = p.new("Pain points and opportunities (continued)")
            y = _header(p, body, widths)
        if i % 2:
            p.w.fill(palette.CANVAS_BG)
            p.c.rect(body.x, y - height, body.w, height, stroke=0, fill=1)
        x = body.x
        for lines, wd in zip(cells, widths, strict=True):
            ty = y - PAD - SIZE
            for line in lines:
                p.w.fill(palette.TEXT)
                p.w.string(x + PAD, ty, line, SIZE, False, f"pain point “{row[0][:40]}”")
                ty -= SIZE * LEADING
            x += wd
        y -= height


def _header(p: Pages, body: Box, widths: list[float]) -> float:
    h = 20.0
    p.w.fill(palette.HEADER_BG)
    p.c.rect(body.x, body.top - h, body.w, h, stroke=0, fill=1)
    x = body.x
    for (title, _), wd in zip(COLUMNS, widths, strict=True):
        p.w.fill(palette.HEADER_TEXT)
        p.w.string(x + PAD, body.top - 14, title, 9, True, "table header")
        x += wd
    return body.top - h
