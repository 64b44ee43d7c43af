"""The cover: title, description, date, personas, stages, and an index of the kit with links."""

from __future__ import annotations

from cjm_editor.export.options import MARGIN
from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import Box
from cjm_editor.layout import palette


def draw(p: Pages, date_text: str, index: list[tuple[str, int, int]]) -> None:
    body = p.new("", bookmark="Cover", decorate=False)
    w, j = p.w, p.j
    width, height = p.size
    top = height - MARGIN - 20
    w.fill(palette.HEADER_BG)
    p.c.rect(0, height - 12, width, 12, stroke=0, fill=1)
    used = w.paragraph(
        j.title, Box(MARGIN, top - 70, width * 0.62, 70), 26, True, palette.TEXT, "the map title"
    )
    y = top - used - 10
    w.fill(palette.MUTED)
    w.string(MARGIN, y, f"Customer journey map · {date_text}", 10, False, "the date")
    y -= 16
    if j.description:
        y -= (
            w.paragraph(
                j.description,
                Box(MARGIN, y - 96, width * 0.55, 96),
                10.5,
                False,
                palette.TEXT,
                "the map description",
            )
            + 10
        )
    col_w = width * 0.55
    y = _list(
        p,
        "Personas",
        [f"{q.name}" + (f" — {q.description}" if q.description else "") for q in j.personas],
        Box(MARGIN, body.y, col_w, y - body.y),
        swatches=[q.colour for q in j.personas],
    )
    _list(
        p,
        "Stages",
        [f"{i}. {s.name}" for i, s in enumerate(j.stages, 1)],
        Box(MARGIN, body.y, col_w, y - body.y),
    )
    _index(p, index, Box(width * 0.64, body.y, width * 0.36 - MARGIN, top - 40 - body.y))


def _list(p: Pages, title: str, items: list[str], box: Box, swatches: list[str] | None = None) -> float:
    w = p.w
    y = box.top - 14
    w.fill(palette.TEXT)
    w.string(box.x, y, title, 12, True, title)
    y -= 6
    for i, item in enumerate(items):
        if y - 12 < box.y:
            p.w.report.omitted.append(f"{title.lower()} on the cover: {len(items) - i} not listed")
            break
        x = box.x
        if swatches:
            w.fill(swatches[i])
            p.c.circle(x + 4, y - 8, 3.5, stroke=0, fill=1)
            x += 12
        y -= (
            w.paragraph(
                item, Box(x, y - 40, box.right - x, 40), 9.5, False, palette.TEXT, f"{title} on the cover"
            )
            + 3
        )
    return y - 12


def _index(p: Pages, index: list[tuple[str, int, int]], box: Box) -> None:
    w = p.w
    w.fill(palette.LANE_BG)
    p.c.roundRect(box.x - 10, box.y, box.w + 10, box.h, 8, stroke=0, fill=1)
    y = box.top - 20
    w.fill(palette.TEXT)
    w.string(box.x, y, "In this kit", 12, True, "the index")
    y -= 18
    for i, (title, level, page) in enumerate(index):
        if title == "Cover":
            continue
        if y < box.y + 10:
            p.w.report.omitted.append("index entries that did not fit on the cover")
            break
        x = box.x + 12 * level
        size = 9.5 if level == 0 else 8.5
        w.fill(palette.TEXT if level == 0 else palette.MUTED)
        shown = w.paragraph(
            title,
            Box(x, y - 24, box.w - 40 - 12 * level, 24),  # a long part name takes two lines
            size,
            level == 0,
            palette.TEXT if level == 0 else palette.MUTED,
            "the index",
            size,
        )
        w.fill(palette.MUTED)
        w.string(box.right - 10, y - size, str(page), size, False, "the index", "right")
        p.c.linkAbsolute(title, f"p{page}-{i}", (box.x, y - 14, box.right, y))  # the bookmark's key
        y -= max(shown, 12) + 2
