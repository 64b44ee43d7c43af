"""The whole map, drawn as vectors from the layout geometry, with a legend. Card text never prints
below MIN_TEXT: a map too big for one page at that size is split over as many pages as it needs,
cut between stages and between cards, after a thumbnail page showing where each part sits."""

from __future__ import annotations

import dataclasses

from cjm_editor.export.draw_map import Placement, draw_map
from cjm_editor.export.flow import Flow, draw_pages
from cjm_editor.export.legend import label_key, map_legend, report_key
from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import Box
from cjm_editor.layout import MapGeometry, Rect, palette

MIN_TEXT = 6.0  # points
SMALLEST = 7.0  # the smallest text of a map drawing, in map units (draw_map's minimum sizes)
READABLE = MIN_TEXT / SMALLEST  # the smallest scale at which every text is at least MIN_TEXT


def fit(g: MapGeometry, width: float, height: float, x: float, top: float) -> Placement:
    """Scale and place the map to fill a box, centred across."""
    s = min(width / max(g.width, 1), height / max(g.height, 1))
    return Placement(s, x + (width - g.width * s) / 2, top)


def _cuts(
    starts: list[float], end: float, room: float, later: float | None = None
) -> list[tuple[float, float]]:
    """Spans [a, b) covering 0..end, the first at most `room` long and the others at most `later`,
    cut only at `starts` where possible."""
    points = sorted({p for p in starts if 0 < p < end})
    spans, a = [], 0.0
    while a < end - 0.01:
        fits = [p for p in points if a < p <= a + room]
        b = end if end <= a + room else (fits[-1] if fits else a + room)
        spans.append((a, b))
        a = b
        room = room if later is None else later
    return spans


def header_width(g: MapGeometry) -> float:
    """The width of the lane headers' column, repeated on the left of every part."""
    return min((r.x for r in g.columns.values()), default=0.0)


def parts(g: MapGeometry, area: Box, s: float) -> list[Rect]:
    """The windows (in map units) of the pages the map is split over, row by row; a window right of
    the first leaves room for the lane headers."""
    room_w, room_h = area.w / s, area.h / s
    starts = [r.x for r in g.columns.values()] or [r.x for r in g.stages.values()]
    xs = _cuts(starts, g.width, room_w, max(room_w - header_width(g), room_w / 2))
    ys = [r.y for r in g.cards.values()] + [r.y for r in g.rows.values()] + [r.y for r in g.lanes.values()]
    ys_spans = _cuts(ys, g.height, room_h)
    return [Rect(x0, y0, x1 - x0, y1 - y0) for y0, y1 in ys_spans for x0, x1 in xs]


def draw(p: Pages, g: MapGeometry, personas: set[str] | None) -> None:
    body = p.new("The whole map", bookmark="The whole map")
    w = p.w
    legend_h = map_legend(w, p.j, Box(body.x, body.y, body.w, 200), dry=True)
    area = Box(body.x, body.y + legend_h + 6, body.w, body.h - legend_h - 6)
    fit_s = min(area.w / max(g.width, 1), area.h / max(g.height, 1))
    if fit_s >= READABLE:
        if not p.dry:
            draw_map(w, p.j, g, fit(g, area.w, area.h, area.x, area.top), personas=personas)
        map_legend(w, p.j, Box(body.x, body.y, body.w, legend_h))
        _key(p, g)
        return
    windows = parts(g, area, READABLE)
    _thumbnail(p, g, area, windows, legend_h)
    for k, window in enumerate(windows, 1):
        page = p.new(f"The whole map, part {k} of {len(windows)}")
        area = Box(page.x, page.y + legend_h + 6, page.w, page.h - legend_h - 6)
        if not p.dry:
            _legend(p, Box(page.x, page.y, page.w, legend_h))
            left = 0.0
            if window.x > 0:  # the lane headers again, so each part can be read on its own
                left = header_width(g)
                headers = Rect(0, window.y, left, window.h)
                _part(p, g, headers, area.x, area.top, set(), lanes_only=True)
            _part(p, g, window, area.x + left * READABLE, area.top, personas)
    _key(p, g)


def _key(p: Pages, g: MapGeometry) -> None:
    """A page (or more) after the map listing the connection labels that had no room beside their
    arrows: the number each has on the map, then its text."""
    lines = label_key(p.j, g)
    if not lines:
        return
    body = p.new("Key to the arrow labels", bookmark="Key to the arrow labels")
    report_key(p.w, lines)
    flow = Flow(p.w, body, body, 9.5)
    flow.heading("Labels with no room beside their arrow: the number on the arrow, then the label")
    for line in lines:
        flow.item(line, "the key to the arrow labels")
    draw_pages(p, [flow], "Key to the arrow labels")


def _legend(p: Pages, box: Box) -> None:
    """The same legend on every part, drawn once as a PDF form."""
    c = p.c
    if "overview-legend" not in p.forms:
        c.beginForm("overview-legend", 0, 0, box.w, box.h)
        p.w.forget()
        map_legend(p.w, p.j, Box(0, 0, box.w, box.h))
        c.endForm()
        p.w.forget()
        p.forms.add("overview-legend")
    p.w.save()
    c.translate(box.x, box.y)
    c.doForm("overview-legend")
    p.w.restore()


def _part(
    p: Pages,
    g: MapGeometry,
    window: Rect,
    x: float,
    top: float,
    personas: set[str] | None,
    lanes_only: bool = False,
) -> None:
    """One window of the map with its top left corner at (x, top), clipped to it. `lanes_only`: the
    lane headers' column, where no card, arrow or curve lies."""
    s = READABLE
    p.w.save()
    clip = p.c.beginPath()
    clip.rect(x, top - window.h * s, window.w * s, window.h * s)
    p.c.clipPath(clip, stroke=0, fill=0)
    at = Placement(s, x - window.x * s, top + window.y * s)
    j = dataclasses.replace(p.j, cards=[], connections=[]) if lanes_only else p.j
    draw_map(p.w, j, g, at, personas=personas, window=window)
    p.w.restore()


def _thumbnail(p: Pages, g: MapGeometry, area: Box, windows: list[Rect], legend_h: float) -> None:
    """The map small (shapes only) with a numbered outline for each part and its page."""
    w = p.w
    w.fill(palette.MUTED)
    note = (
        f"The map is printed over the next {len(windows)} pages so that its text is at least "
        f"{MIN_TEXT:g} pt; each outline below shows the part on that page."
    )
    used = w.paragraph(note, Box(area.x, area.top - 24, area.w, 24), 9.5, False, palette.MUTED, "overview")
    room = Box(area.x, area.y, area.w, area.h - used - 8)
    at = fit(g, room.w, room.h, room.x, room.top)
    if not p.dry:
        draw_map(w, p.j, g, at, text=False)
    first = p.number + 1
    for k, r in enumerate(windows):
        b = at.box(r)
        w.stroke(palette.SELECTION, 1.2)
        p.c.setDash([4, 2])
        p.c.rect(b.x, b.y, b.w, b.h, stroke=1, fill=0)
        p.c.setDash([])
        w.fill("#ffffff", 0.85)
        label = f"part {k + 1} · p. {first + k}"
        size = max(MIN_TEXT, min(12.0, b.w / 8))
        width = w.width(label, size, True) + 6
        p.c.rect(b.x + b.w / 2 - width / 2, b.y + b.h / 2 - size * 0.6, width, size * 1.5, stroke=0, fill=1)
        w.fill(palette.SELECTION)
        w.string(b.x + b.w / 2, b.y + b.h / 2 - size * 0.2, label, size, True, "overview part", "center")
    if not p.dry:
        map_legend(w, p.j, Box(area.x, area.y - legend_h - 6, area.w, legend_h))
