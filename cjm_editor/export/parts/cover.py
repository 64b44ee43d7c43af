"""The cover: title, description, date, personas, stages, and an index of the kit with links. An
index too long for the cover goes on over further pages (`index_pages` says how many, so that the
page numbers can allow for them)."""

from __future__ import annotations

from cjm_editor.export.options import MARGIN
from cjm_editor.export.pages import Pages
from cjm_editor.export.textline import LRM, isolated
from cjm_editor.export.tiling import SHEET
from cjm_editor.export.writer import LEADING, Box, wrap
from cjm_editor.layout import palette

Entry = tuple[str, int, int]  # title, level, page
RUN = 12  # more poster sheets than this are listed as one line


def _folded(index: list[Entry]) -> list[tuple[int, Entry]]:
    """The entries to list, with their numbers in `index` (the bookmark keys): a long run of poster
    sheets becomes one line, "Sheet A1 – Sheet P5 (80)", at its first page (each stays a bookmark)."""
    out: list[tuple[int, Entry]] = []
    i = 0
    while i < len(index):
        end = i
        while _sheet(index[i]) and end + 1 < len(index) and _sheet(index[end + 1]):
            end += 1
        if end - i + 1 > RUN:
            first, last = index[i][0], index[end][0]
            out.append((i, (f"{first} – {last} ({end - i + 1})", 1, index[i][2])))
        else:
            out.extend((k, index[k]) for k in range(i, end + 1))
        i = end + 1
    return out


def _sheet(entry: Entry) -> bool:
    return entry[1] == 1 and entry[0].startswith(SHEET)


def draw(p: Pages, date_text: str, index: list[tuple[str, int, int]]) -> None:
    body = p.new("", bookmark="Cover", decorate=False)
    w, j = p.w, p.j
    width, height = p.size
    top = height - MARGIN - 20
    w.fill(palette.HEADER_BG)
    p.c.rect(0, height - 12, width, 12, stroke=0, fill=1)
    index_box = _index_box(p)
    used = w.paragraph(
        j.title,
        Box(MARGIN, top - 70, index_box.x - 10 - 16 - MARGIN, 70),  # clear of the index panel
        26,
        True,
        palette.TEXT,
        "the map title",
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
        [f"{LRM}{i}. {isolated(s.name)}" for i, s in enumerate(j.stages, 1)],
        Box(MARGIN, body.y, col_w, y - body.y),
    )
    _index(p, index)


def _index_box(p: Pages, first: bool = True) -> Box:
    """The index panel: on the right of the cover; the whole body of a continuation page."""
    width, height = p.size
    body = p.body()
    if not first:
        return Box(body.x + 10, body.y, body.w - 10, body.h)
    top = height - MARGIN - 60
    return Box(width * 0.64, body.y, width * 0.36 - MARGIN, top - body.y)


def _layout(p: Pages, index: list[Entry]) -> list[list[tuple[int, Entry, list[str], float]]]:
    """The index entries placed page by page: (entry number, entry, lines, y of the first line)."""
    pages: list[list[tuple[int, Entry, list[str], float]]] = [[]]
    box = _index_box(p)
    y = box.top - 38
    for i, entry in _folded(index):
        title, level, _ = entry
        if title == "Cover":
            continue
        size = 9.5 if level == 0 else 8.5
        lines = wrap(title, box.w - 40 - 12 * level, size, level == 0)[:2]
        need = max(len(lines) * size * LEADING, 12) + 2
        if y - need < box.y + 6:
            pages.append([])
            box = _index_box(p, first=False)
            y = box.top - 38
        pages[-1].append((i, entry, lines, y))
        y -= need
    return pages


def index_pages(p: Pages, index: list[Entry]) -> int:
    """How many pages the cover needs for this index (1 when it fits on the cover)."""
    return len(_layout(p, index))


def _list(p: Pages, title: str, items: list[str], box: Box, swatches: list[str] | None = None) -> float:
    w = p.w
    y = box.top - 14
    w.fill(palette.TEXT)
    w.string(box.x, y, title, 12, True, title)
    y -= 6
    for i, item in enumerate(items):
        rest = len(items) - i
        if (rest > 1 and y - 26 < box.y) or y - 12 < box.y:  # say what is left, on the page too
            p.w.report.omitted.append(f"{title.lower()} on the cover: {rest} not listed (see the index)")
            w.fill(palette.MUTED)
            w.string(box.x, y - 10, f"+ {rest} more {title.lower()} (see the index)", 9, False, title)
            break
        x = box.x
        if swatches:
            w.fill(swatches[i])
            p.c.circle(x + 4, y - 8, 3.5, stroke=0, fill=1)
            x += 12
        y -= (
            w.paragraph(
                item,
                Box(x, y - 40, box.right - x, 40),
                9.5,
                False,
                palette.TEXT,
                f"{title} on the cover",
                align="left",  # a list reads down its left edge, whatever each item's script
            )
            + 3
        )
    return y - 12


def _index(p: Pages, index: list[Entry]) -> None:
    w = p.w
    for n, placed in enumerate(_layout(p, index)):
        if n:
            p.new("In this kit (continued)")
        box = _index_box(p, first=n == 0)
        w.fill(palette.LANE_BG)
        p.c.roundRect(box.x - 10, box.y, box.w + 10, box.h, 8, stroke=0, fill=1)
        w.fill(palette.TEXT)
        w.string(
            box.x, box.top - 20, "In this kit" if n == 0 else "In this kit (continued)", 12, True, "the index"
        )
        for i, (title, level, page), lines, y in placed:
            x = box.x + 12 * level
            size = 9.5 if level == 0 else 8.5
            colour = palette.TEXT if level == 0 else palette.MUTED
            w.fill(colour)
            for k, line in enumerate(lines):
                w.string(x, y - size - k * size * LEADING, line, size, level == 0, "the index")
            w.fill(palette.MUTED)
            w.string(box.right - 10, y - size, str(page), size, False, "the index", "right")
            p.c.linkAbsolute(title, f"p{page}-{i}", (box.x, y - 14, box.right, y))  # the bookmark's key
