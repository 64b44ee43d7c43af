"""The whole map, drawn as vectors from the layout geometry, with a legend. Card text never prints
below MIN_TEXT: a map too big for one page at that size is split over as few pages as it needs,
between stages and between lanes (export/split.py), each part blown up to fill its page, after a
thumbnail page showing where each part sits."""

from __future__ import annotations

import dataclasses

from cjm_editor.export import split
from cjm_editor.export.draw_map import SMALLEST, ArrowIndex, Placement, arrow_index, draw_map
from cjm_editor.export.flow import Flow, draw_pages
from cjm_editor.export.legend import label_key, map_legend, report_key
from cjm_editor.export.pages import Pages
from cjm_editor.export.parts import thumbnail
from cjm_editor.export.writer import Box
from cjm_editor.layout import MapGeometry, Rect
from cjm_editor.model.journey import Journey

MIN_TEXT = 6.0  # points
READABLE = MIN_TEXT / SMALLEST  # the smallest scale at which every text is at least MIN_TEXT
LARGEST = 1.4  # the largest scale a part is blown up to fill its page: card titles at 12 pt


def fit(g: MapGeometry, width: float, height: float, x: float, top: float) -> Placement:
    """Scale and place the map to fill a box (up to LARGEST), centred across."""
    s = min(width / max(g.width, 1), height / max(g.height, 1), LARGEST)
    return Placement(s, x + (width - g.width * s) / 2, top)


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
    windows = split.plan(g, area.w / READABLE, area.h / READABLE)
    thumbnail.draw(p, g, area, windows, legend_h)
    arrows = arrow_index(g) if not p.dry else {}
    for k, window in enumerate(windows, 1):
        page = p.new(f"The whole map, part {k} of {len(windows)}")
        area = Box(page.x, page.y + legend_h + 6, page.w, page.h - legend_h - 6)
        if not p.dry:
            _legend(p, Box(page.x, page.y, page.w, legend_h))
            _draw_part(p, g, window, area, personas, f"the whole map, part {k}", arrows)
    _key(p, g)


def _draw_part(
    p: Pages,
    g: MapGeometry,
    window: Rect,
    area: Box,
    personas: set[str] | None,
    where: str,
    arrows: ArrowIndex,
) -> None:
    """One part as large as fills the area (up to LARGEST): the stage headers of its columns on
    top, the lane headers of its rows on the left, its window of the map below and right of them."""
    pw, ph = split.HEAD_W + window.w, split.HEAD_H + window.h
    s = min(area.w / pw, area.h / ph, LARGEST)
    if s < READABLE - 1e-6:  # a stage wider than the page at MIN_TEXT
        p.w.report.shrunk.append(f"{where} (a stage wider than a page at {MIN_TEXT:g} pt)")
    x = area.x + (area.w - pw * s) / 2
    left, below = x + split.HEAD_W * s, area.top - split.HEAD_H * s
    bare = dataclasses.replace(p.j, cards=[], connections=[])
    _clipped(p, g, bare, Rect(window.x, 0, window.w, split.HEAD_H), left, area.top, s, set())
    lanes = {lid: r for lid, r in g.lanes.items() if r.y < window.bottom and r.bottom > window.y}
    cont = {lid for lid, r in lanes.items() if r.y < window.y}  # lanes cut between cards, continued
    heads = dataclasses.replace(
        bare,
        lanes=[
            dataclasses.replace(lane, name=f"{lane.name} (continued)") if lane.id in cont else lane
            for lane in p.j.lanes
            if lane.id in lanes
        ],
    )
    shown = {  # each lane header as far as it lies in the window, with its name at the top
        lid: Rect(r.x, max(r.y, window.y + 4), r.w, min(r.bottom, window.bottom - 4) - max(r.y, window.y + 4))
        for lid, r in lanes.items()
    }
    at_left = dataclasses.replace(g, lanes=shown)
    _clipped(p, at_left, heads, Rect(0, window.y, split.HEAD_W, window.h), x, below, s, set())
    _clipped(p, g, p.j, window, left, below, s, personas, arrows)


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


def _clipped(
    p: Pages,
    g: MapGeometry,
    j: Journey,
    window: Rect,
    x: float,
    top: float,
    s: float,
    personas: set[str] | None,
    arrows: ArrowIndex | None = None,
) -> None:
    """A window of the map at scale s with its top left corner at (x, top), clipped to it: no curve,
    arrow or cell runs past its frame."""
    p.w.save()
    clip = p.c.beginPath()
    clip.rect(x, top - window.h * s, window.w * s, window.h * s)
    p.c.clipPath(clip, stroke=0, fill=0)
    at = Placement(s, x - window.x * s, top + window.y * s)
    draw_map(p.w, j, g, at, personas=personas, window=window, arrows=arrows)
    p.w.restore()
