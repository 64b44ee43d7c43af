"""The poster: the map at a readable size tiled over sheets, with cut marks, sheet labels, a 1 cm
calibration square on each sheet, and an assembly map. Print at 100% (the PDF asks viewers not to
scale it)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import cm, mm

from cjm_editor.export.draw_map import Placement, draw_map
from cjm_editor.export.legend import map_legend
from cjm_editor.export.pages import Pages
from cjm_editor.export.tiling import OVERLAP, SHEET_MARGIN, Tile, plan
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import MapGeometry, palette
from cjm_editor.model.journey import Journey
from cjm_editor.model.vocabulary import counted

POSTER_SCALE = 8 / 7.5  # map units to points: the smallest card text (7.5 units) prints at 8 pt
PAD = 6.0  # around the map's content
LEGEND_H = 60.0  # room under the map for its legend, in points at scale 1
BESIDE_MIN = 120.0  # the narrowest room beside the map the legend goes in, in points


def tiles_for(
    g: MapGeometry, page: tuple[float, float], scale: float = POSTER_SCALE, legend_h: float = 0.0
) -> list[Tile]:
    return plan(g.width * scale + 2 * PAD, g.height * scale + 2 * PAD + legend_h, *page)


def legend_height(w: Writer, j: Journey, g: MapGeometry, scale: float) -> float:
    """The room the legend takes under the map on the poster, in points."""
    inner = Box(0, 0, g.width, 400)
    return map_legend(w, j, inner, dry=True, g=g) * scale + 8 * scale


@dataclass(frozen=True)
class PosterLayout:
    """The sheets, the size of the drawing they show (map and legend, in points) and where in it the
    legend lies (from its bottom left corner; None: no legend)."""

    tiles: list[Tile]
    width: float
    height: float
    legend: Box | None


def plan_poster(
    w: Writer, j: Journey, g: MapGeometry, page: tuple[float, float], scale: float, blank: bool = False
) -> PosterLayout:
    """The legend goes under the map, or beside it where the last column of sheets has room for it
    and under the map it would take a row of sheets of its own."""
    map_w, map_h = g.width * scale + 2 * PAD, g.height * scale + 2 * PAD
    bare = plan(map_w, map_h, *page)
    if blank:
        return PosterLayout(bare, map_w, map_h, None)
    below_h = legend_height(w, j, g, scale)
    below = plan(map_w, map_h + below_h, *page)
    if below[-1].row > bare[-1].row:
        spare = bare[-1].x + bare[-1].w - map_w - 1  # up to the last column's right edge
        if spare >= BESIDE_MIN:
            room = spare - PAD - 4 * scale
            side_h = map_legend(w, j, Box(0, 0, room / scale, g.height), dry=True, g=g) * scale
            tiles = plan(map_w + spare, map_h, *page)
            if side_h <= map_h - 2 * PAD and len(tiles) == len(bare):
                legend = Box(map_w + 4 * scale, map_h - PAD - side_h, room, side_h)
                return PosterLayout(tiles, map_w + spare, map_h, legend)
    return PosterLayout(below, map_w, map_h + below_h, Box(PAD, PAD, g.width * scale, below_h - 4 * scale))


def sheet_placement(tile: Tile, page_height: float, scale: float = POSTER_SCALE) -> Placement:
    """Where the map lies on the sheet of a tile."""
    return Placement(scale, SHEET_MARGIN - tile.x + PAD, page_height - SHEET_MARGIN + tile.y - PAD)


def draw(
    p: Pages, g: MapGeometry, personas: set[str] | None, blank: bool = False, scale: float = POSTER_SCALE
) -> None:
    """The map is drawn once, as a PDF form with its legend under it (or beside it), and every sheet
    shows its window onto it."""
    scale *= p.options.poster_scale
    if p.options.poster_sheets:
        scale = _scale_for_sheets(p, g, scale, p.options.poster_sheets, blank)
    laid = plan_poster(p.w, p.j, g, p.size, scale, blank)
    tiles = laid.tiles
    title = "Blank wall canvas" if blank else "Poster"
    _assembly(p, g, tiles, title, scale)
    width, height = p.size
    form_w, form_h = laid.width, laid.height
    smallest = 7.5 * scale
    if smallest < 6:
        p.w.report.shrunk.append(
            f"poster text at {smallest:.1f} pt (poster scale {p.options.poster_scale:g})"
        )
    form = "blank-grid" if blank else "poster-map"
    for i, tile in enumerate(tiles, 1):
        p.new("", bookmark=tile.label, level=1, decorate=False)  # "Sheet B3"
        c = p.c
        if i == 1 and not p.dry:
            c.beginForm(form, 0, 0, form_w, form_h)
            p.w.forget()
            draw_map(p.w, p.j, g, Placement(scale, PAD, form_h - PAD), blank=blank, personas=personas)
            if laid.legend is not None:
                _legend(p, g, laid.legend, scale)
            c.endForm()
            p.w.forget()
        p.w.save()
        clip = c.beginPath()
        clip.rect(SHEET_MARGIN, SHEET_MARGIN, tile.w, tile.h)
        c.clipPath(clip, stroke=0, fill=0)
        c.translate(SHEET_MARGIN - tile.x, height - SHEET_MARGIN + tile.y - form_h)  # = sheet_placement
        if not p.dry:
            c.doForm(form)
        p.w.restore()
        _cut_marks(p, tile)
        _overlap_guides(p, tile, len(tiles))
        _sheet_label(
            p,
            tile,
            f"{title} · {tile.label} (row {tile.row + 1}, column {tile.col + 1}) · "
            f"{i} of {len(tiles)} · print at 100%",
        )


def _scale_for_sheets(p: Pages, g: MapGeometry, scale: float, sheets: int, blank: bool) -> float:
    """The largest scale, up to `scale`, at which the poster takes at most `sheets` sheets (never
    below a quarter of the standard size; the report says when text gets smaller than 6 pt)."""

    def count(s: float) -> int:
        return len(plan_poster(p.w, p.j, g, p.size, s, blank).tiles)

    if count(scale) <= sheets:
        return scale
    low, high = POSTER_SCALE / 4, scale
    for _ in range(24):
        mid = (low + high) / 2
        low, high = (mid, high) if count(mid) <= sheets else (low, mid)
    return low


def _legend(p: Pages, g: MapGeometry, box: Box, scale: float) -> float:
    """The map's legend at the poster's scale (drawn in unscaled points, then scaled)."""
    c = p.c
    inner = Box(0, 0, box.w / scale, box.h / scale)
    p.w.save()
    c.translate(box.x, box.y)
    c.scale(scale, scale)
    used = map_legend(p.w, p.j, inner, g=g)
    p.w.restore()
    return used * scale


def _sheet_label(p: Pages, tile: Tile, text: str) -> None:
    """The sheet's name inside the trim line (top left, in the strip the sheet above will cover)."""
    size = 7.0
    w = p.w
    width = w.width(text, size) + 6
    x, top = SHEET_MARGIN + 2, SHEET_MARGIN + tile.h - 2
    w.fill("#ffffff", 0.9)
    p.c.rect(x, top - size - 4, min(width, tile.w - 4), size + 4, stroke=0, fill=1)
    w.line_of_text(
        text, Box(x + 3, top - size - 3.5, tile.w - 10, size + 2), size, False, palette.MUTED, "sheet label"
    )


def _assembly(p: Pages, g: MapGeometry, tiles: list[Tile], title: str, scale: float) -> None:
    body = p.new(f"{title}: how to assemble", bookmark=title)
    w = p.w
    rows, cols = tiles[-1].row + 1, tiles[-1].col + 1
    text = (
        f"{counted(len(tiles), 'sheet')}, {counted(rows, 'row')} of {cols}. Print at 100% "
        "(no “fit to page”): the square below must measure 1 cm. Trim each sheet along its cut marks "
        "on the right and bottom "
        f"edges, lay it over its neighbour by {OVERLAP / mm:.0f} mm (up to the dashed line) and tape."
    )
    used = w.paragraph(
        text, Box(body.x, body.top - 40, body.w - 2 * cm, 40), 9.5, False, palette.TEXT, "assembly"
    )
    _calibration(p, body.right - 1 * cm, body.top - 1 * cm - 4)
    area = Box(body.x, body.y, body.w, body.h - used - 12)
    total_w = max(t.x + t.w for t in tiles)
    total_h = max(t.y + t.h for t in tiles)
    s = min(area.w / total_w, area.h / total_h)
    x0 = area.x + (area.w - total_w * s) / 2
    y0 = area.top
    if not p.dry:
        draw_map(w, p.j, g, Placement(s * scale, x0 + PAD * s, y0 - PAD * s), blank=True)
    w.stroke(palette.SELECTION, 1)
    for t in tiles:
        b = Box(x0 + t.x * s, y0 - (t.y + t.h) * s, t.w * s, t.h * s)
        w.c.setDash([3, 2])
        w.c.rect(b.x, b.y, b.w, b.h, stroke=1, fill=0)
        w.c.setDash([])
        w.fill(palette.SELECTION)
        size = max(6.0, min(16.0, b.w / 6))
        w.string(
            b.x + b.w / 2,
            b.y + b.h / 2 - size * 0.35,
            t.label.removeprefix("Sheet "),
            size,
            True,
            "assembly label",
            "center",
        )


def _cut_marks(p: Pages, t: Tile) -> None:
    c = p.c
    p.w.stroke("#000000", 0.4)
    x1, y1 = SHEET_MARGIN, SHEET_MARGIN
    x2, y2 = SHEET_MARGIN + t.w, SHEET_MARGIN + t.h
    gap, length = 1.5 * mm, 6 * mm
    for x, y in ((x1, y1), (x1, y2), (x2, y1), (x2, y2)):
        dx = -1 if x == x1 else 1
        dy = -1 if y == y1 else 1
        c.line(x + dx * gap, y, x + dx * (gap + length), y)
        c.line(x, y + dy * gap, x, y + dy * (gap + length))


def _overlap_guides(p: Pages, t: Tile, count: int) -> None:
    """A dashed line where the next sheet to the right or below will lie (the glue strip)."""
    c = p.c
    p.w.stroke(palette.MUTED, 0.4)
    c.setDash([2, 2])
    if t.col > 0:
        c.line(SHEET_MARGIN + OVERLAP, SHEET_MARGIN, SHEET_MARGIN + OVERLAP, SHEET_MARGIN + t.h)
    if t.row > 0:
        top = SHEET_MARGIN + t.h
        c.line(SHEET_MARGIN, top - OVERLAP, SHEET_MARGIN + t.w, top - OVERLAP)
    c.setDash([])


def _calibration(p: Pages, x: float, y: float) -> None:
    p.w.stroke("#000000", 0.5)
    p.c.rect(x, y, 1 * cm, 1 * cm, stroke=1, fill=0)
    p.w.fill("#000000")
    p.w.string(x - 2, y + 0.5 * cm - 2.5, "1 cm", 6.5, False, "calibration square", "right")
