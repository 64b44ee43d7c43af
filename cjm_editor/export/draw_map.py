"""The map drawn as vectors from layout geometry, looking like the canvas (overview, poster, blank)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import MapGeometry, Point, Rect, palette
from cjm_editor.layout.content import CARD_RADIUS, CELL_RADIUS, card_footer, scale_ticks
from cjm_editor.layout.curves import bezier_segments
from cjm_editor.model.journey import Card, Journey
from cjm_editor.model.workshop import tally


@dataclass(frozen=True, slots=True)
class Placement:
    """Map units to PDF points: X = x0 + x * s, Y = y0 - y * s (layout y grows down, PDF y up)."""

    s: float
    x0: float
    y0: float

    def box(self, r: Rect) -> Box:
        return Box(self.x0 + r.x * self.s, self.y0 - (r.y + r.h) * self.s, r.w * self.s, r.h * self.s)

    def point(self, p: Point) -> tuple[float, float]:
        return self.x0 + p.x * self.s, self.y0 - p.y * self.s


def draw_map(
    w: Writer,
    j: Journey,
    g: MapGeometry,
    at: Placement,
    blank: bool = False,
    personas: set[str] | None = None,
) -> None:
    """Cells, headers, cards, connections and emotion curves. `blank`: the grid only.
    `personas`: which personas' curves to draw (None: all)."""
    c, s = w.c, at.s
    w.fill(palette.CELL_BG)
    w.stroke(palette.CELL_BORDER, 0.8 * s)
    for r in g.cells.values():
        b = at.box(r)
        c.roundRect(b.x, b.y, b.w, b.h, CELL_RADIUS * s, stroke=1, fill=1)
    for stage in j.stages:
        b = at.box(g.stages[stage.id])
        b = Box(b.x, b.y + 4 * s, b.w, b.h - 10 * s)
        w.fill(palette.HEADER_BG)
        c.roundRect(b.x, b.y, b.w, b.h, 6 * s, stroke=0, fill=1)
        w.paragraph(
            stage.name,
            b.inset(10 * s, 6 * s),
            11 * s,
            True,
            palette.HEADER_TEXT,
            f"stage “{stage.name}”",
            7 * s,
        )
    for lane in j.lanes:
        b = at.box(g.lanes[lane.id])
        w.fill(palette.LANE_BG)
        c.roundRect(b.x + 4 * s, b.y, b.w - 4 * s, b.h, 6 * s, stroke=0, fill=1)
        inner = Box(b.x + 12 * s, b.top - 34 * s, b.w - 18 * s, 28 * s)
        w.paragraph(lane.name, inner, 9.5 * s, True, palette.LANE_TEXT, f"lane “{lane.name}”", 7 * s)
        kind = palette.LANE_KIND_LABELS.get(lane.kind, lane.kind)
        if b.h > 46 * s:
            w.line_of_text(
                kind,
                Box(b.x + 12 * s, b.top - 48 * s, b.w - 18 * s, 12 * s),
                7.5 * s,
                False,
                palette.LANE_KIND_TEXT,
            )
    if g.emotion_lane and g.emotion_lane in g.rows:
        _scale(w, j, g, at)
    if blank:
        return
    for conn in j.connections:
        points = g.connections.get(conn.id)
        if points:
            _arrow(w, [at.point(p) for p in points], s)
            label = g.labels.get(conn.id)
            if conn.label and label is not None:
                b = at.box(label)
                w.fill(palette.CANVAS_BG)
                c.roundRect(b.x, b.y, b.w, b.h, 2 * s, stroke=0, fill=1)
                w.fill(palette.CONNECTION)
                w.string(
                    b.x + b.w / 2, b.y + 3.2 * s, conn.label, 7.5 * s, False, "a connection label", "center"
                )
    counts = tally(j)
    for card in j.cards:
        rect = g.cards.get(card.id)
        if rect is not None:
            draw_card(w, card, at.box(rect), s, counts[card.id])
    _curves(w, j, g, at, personas)


def draw_card(w: Writer, card: Card, b: Box, s: float, votes: int = 0) -> None:
    fill, accent = palette.CARD_COLOURS.get(card.kind, palette.CARD_COLOURS["note"])
    c = w.c
    w.fill(fill)
    w.stroke(accent, 1.0 * s)
    c.roundRect(b.x, b.y, b.w, b.h, CARD_RADIUS * s, stroke=1, fill=1)
    w.fill(accent)
    c.rect(b.x + 0.5 * s, b.y + 4 * s, 4 * s, b.h - 8 * s, stroke=0, fill=1)
    where = f"card “{card.title[:40]}”"
    badge = 22 * s if votes else 0
    title = Box(b.x + 10 * s, b.top - 40 * s, b.w - 18 * s - badge, 34 * s)
    w.paragraph(card.title, title, 8.5 * s, True, palette.TEXT, where, 7.5 * s)
    footer = card_footer(card)
    if footer:
        w.line_of_text(
            footer,
            Box(b.x + 10 * s, b.y + 5 * s, b.w - 18 * s, 12 * s),
            7.5 * s,
            False,
            palette.MUTED,
            where,
            7.5 * s,
        )
    if votes:
        w.fill(accent)
        bx, by = b.right - 26 * s, b.top - 22 * s
        c.roundRect(bx, by, 20 * s, 15 * s, 7 * s, stroke=0, fill=1)
        w.fill("#ffffff")
        w.string(bx + 10 * s, by + 4 * s, str(votes), 7.5 * s, True, where, "center")


def _arrow(w: Writer, pts: list[tuple[float, float]], s: float) -> None:
    c = w.c
    w.stroke(palette.CONNECTION, 1.2 * s)
    path = c.beginPath()
    path.moveTo(*pts[0])
    for p in pts[1:]:
        path.lineTo(*p)
    c.drawPath(path, stroke=1, fill=0)
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    size = 7 * s
    head = c.beginPath()
    head.moveTo(x2, y2)
    head.lineTo(x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45))
    head.lineTo(x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45))
    head.close()
    w.fill(palette.CONNECTION)
    c.drawPath(head, stroke=0, fill=1)


def _scale(w: Writer, j: Journey, g: MapGeometry, at: Placement) -> None:
    row = g.rows[g.emotion_lane or ""]
    s = at.s
    for tick in scale_ticks(g, j.scale):
        y = at.y0 - tick.y * s
        w.stroke(palette.NEUTRAL_LINE, (1.2 if tick.neutral else 0.5) * s)
        w.c.setDash([] if tick.neutral else [1 * s, 2 * s])
        w.c.line(at.x0 + row.x * s, y, at.x0 + row.right * s, y)
        w.fill(palette.MUTED)
        w.string(at.x0 + (row.x + 4) * s, y + 2 * s, tick.label, 7.5 * s, False, "the emotion scale")
    w.c.setDash([])


def smooth(w: Writer, pts: list[tuple[float, float]]) -> None:
    """A smooth curve through the points that never overshoots them, like the canvas draws it."""
    c = w.c
    path = c.beginPath()
    path.moveTo(*pts[0])
    for c1, c2, end in bezier_segments(pts):
        path.curveTo(*c1, *c2, *end)
    c.drawPath(path, stroke=1, fill=0)


def _curves(w: Writer, j: Journey, g: MapGeometry, at: Placement, personas: set[str] | None) -> None:
    s = at.s
    for persona in j.personas:
        if personas is not None and persona.id not in personas:
            continue
        pts = [at.point(p) for _, p in g.curves.get(persona.id, [])]
        if not pts:
            continue
        w.stroke(persona.colour, 2.4 * s)
        w.c.setLineCap(1)
        smooth(w, pts)
        w.fill(persona.colour)
        w.stroke("#ffffff", 1.5 * s)
        for x, y in pts:
            w.c.circle(x, y, 5.5 * s, stroke=1, fill=1)
