"""The map drawn as vectors from layout geometry, looking like the canvas (overview, poster, blank)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from cjm_editor.export.legend import marker, persona_style
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import MapGeometry, Point, Rect, palette
from cjm_editor.layout.content import CARD_RADIUS, CELL_RADIUS, card_footer, scale_ticks
from cjm_editor.layout.curves import bezier_segments
from cjm_editor.layout.labels import LABEL_PAD, label_text
from cjm_editor.model import limits
from cjm_editor.model.journey import Card, Journey
from cjm_editor.model.workshop import tally

SMALLEST = 7.5  # the smallest text of a map drawing, in map units: no text is shrunk below it


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
    text: bool = True,
    window: Rect | None = None,
    arrows: ArrowIndex | None = None,
) -> None:
    """Cells, headers, cards, connections and emotion curves. `blank`: the grid only.
        `personas`: which personas' curves to draw (None: all). `text`: False draws shapes only (for a
        thumbnail too small to read). `window`: only what lies in this part of the map (in map units) is
        drawn, and text only where it lies wholly inside, so no character falls off a page (`arrows`: the
    map's arrow_index, when many windows of one map are drawn). Arrows run
        on the tracks layout gave them; labels sit where layout put them (layout/labels.py), clear of
        cards, or are a number whose text is in the key (legend.label_key)."""
    c, s = w.c, at.s

    wx0, wy0 = (window.x, window.y) if window else (0.0, 0.0)
    wx1, wy1 = (window.right, window.bottom) if window else (0.0, 0.0)

    def touches(r: Rect) -> bool:
        return window is None or (r.x < wx1 and r.x + r.w > wx0 and r.y < wy1 and r.y + r.h > wy0)

    def inside(r: Rect) -> bool:
        return window is None or (
            r.x >= window.x - 0.5
            and r.right <= window.right + 0.5
            and r.y >= window.y - 0.5
            and r.bottom <= window.bottom + 0.5
        )

    w.fill(palette.CELL_BG)
    w.stroke(palette.CELL_BORDER, 0.8 * s)
    cells = list(g.cells.values())
    if window is not None:
        cells = [r for r in cells if r.x < wx1 and r.x + r.w > wx0 and r.y < wy1 and r.y + r.h > wy0]
    for r in cells:
        b = at.box(r)
        c.roundRect(b.x, b.y, b.w, b.h, CELL_RADIUS * s, stroke=1, fill=1)
    for stage in j.stages:
        if not touches(g.stages[stage.id]):
            continue
        b = at.box(g.stages[stage.id])
        b = Box(b.x, b.y + 4 * s, b.w, b.h - 10 * s)
        w.fill(palette.HEADER_BG)
        c.roundRect(b.x, b.y, b.w, b.h, 6 * s, stroke=0, fill=1)
        if not text or not inside(g.stages[stage.id]):
            continue
        w.paragraph(
            stage.name,
            b.inset(10 * s, 6 * s),
            11 * s,
            True,
            palette.HEADER_TEXT,
            f"stage “{stage.name}”",
            SMALLEST * s,
        )
    for lane in j.lanes:
        r = g.lanes[lane.id]
        if not touches(r):
            continue
        b = at.box(r)
        w.fill(palette.LANE_BG)
        c.roundRect(b.x + 4 * s, b.y, b.w - 4 * s, b.h, 6 * s, stroke=0, fill=1)
        if not text or not inside(Rect(r.x, r.y, r.w, min(r.h, 50))):
            continue
        inner = Box(b.x + 12 * s, b.top - 34 * s, b.w - 18 * s, 28 * s)
        w.paragraph(lane.name, inner, 9.5 * s, True, palette.LANE_TEXT, f"lane “{lane.name}”", SMALLEST * s)
        kind = palette.LANE_KIND_LABELS.get(lane.kind, lane.kind)
        if b.h > 46 * s:
            w.line_of_text(
                kind,
                Box(b.x + 12 * s, b.top - 48 * s, b.w - 18 * s, 12 * s),
                7.5 * s,
                False,
                palette.LANE_KIND_TEXT,
            )
    if g.emotion_lane and g.emotion_lane in g.rows and text and touches(g.rows[g.emotion_lane]):
        _scale(w, j, g, at, window)
    if blank:
        return
    if window is None:
        drawn = [conn for conn in j.connections if g.connections.get(conn.id)]
    elif not j.connections:  # the header parts of a split map
        drawn = []
    else:
        near = _near(arrows if arrows is not None else arrow_index(g), window)
        drawn = [
            conn
            for conn in j.connections
            if conn.id in near and _crosses(g.connections[conn.id], wx0, wy0, wx1, wy1)
        ]
    if window is not None and len(drawn) > limits.MAX_EXPORT_ARROWS:
        w.report.omitted.append(
            f"{len(drawn) - limits.MAX_EXPORT_ARROWS:,} of the {len(drawn):,} arrows through a part of the "
            f"whole map (limit: arrows on a page, {limits.MAX_EXPORT_ARROWS:,})"
        )
        drawn = drawn[: limits.MAX_EXPORT_ARROWS]
    for conn in drawn:
        _arrow(w, [at.point(p) for p in g.connections[conn.id]], s)
    labelled = [(c, g.labels[c.id]) for c in drawn if c.label and c.id in g.labels] if text else []
    shown = [(conn, r) for conn, r in labelled if inside(r)]
    if window is not None:  # those across the part's edge, moved in where they fit
        taken = [r for _, r in shown]
        for conn, r in labelled:
            if inside(r) or not _holds_centre(window, r):
                continue
            moved = _into(r, window, g, taken)
            if moved is None:  # said, never dropped silently
                w.report.omitted.append(
                    f"the arrow label “{conn.label[:40]}”: no room for it in its part of the map"
                )
            else:
                shown.append((conn, moved))
                taken.append(moved)
    for conn, r in shown:  # over every arrow, so no other arrow crosses a label
        _label(w, at.box(r), label_text(g, conn.id, conn.label), conn.id in g.marks, s)
    if not text:  # a thumbnail: each card a plain box in its kind's colour
        for card in j.cards:
            rect = g.cards.get(card.id)
            if rect is not None:
                b = at.box(rect)
                w.fill(palette.CARD_COLOURS.get(card.kind, palette.CARD_COLOURS["note"])[1], 0.45)
                c.rect(b.x, b.y, b.w, b.h, stroke=0, fill=1)
    counts = tally(j)
    placed = [(card, g.cards.get(card.id)) for card in j.cards] if text else []
    draw_cards(
        w,
        [
            (card, at.box(rect), inside(rect), counts[card.id])
            for card, rect in placed
            if rect is not None
            and (
                window is None
                or (rect.x < wx1 and rect.x + rect.w > wx0 and rect.y < wy1 and rect.y + rect.h > wy0)
            )
        ],
        s,
    )
    _curves(w, j, g, at, personas, window, touches)


_BLOCK = 400.0  # map units a side of the squares the arrows are filed under
ArrowIndex = dict[tuple[int, int], set[str]]
"""Ids of the arrows with a segment in each _BLOCK square (and the squares around it)."""


def arrow_index(g: MapGeometry) -> ArrowIndex:
    """The arrows filed by where they run, so that each part of a map split over pages looks at
    the arrows near it, not at every arrow. Build it once for all the parts of one drawing."""
    index: ArrowIndex = {}
    for conn_id, points in g.connections.items():
        for a, b in zip(points, points[1:] or points, strict=False):
            for ix in range(int(min(a.x, b.x) // _BLOCK) - 1, int(max(a.x, b.x) // _BLOCK) + 2):
                for iy in range(int(min(a.y, b.y) // _BLOCK) - 1, int(max(a.y, b.y) // _BLOCK) + 2):
                    index.setdefault((ix, iy), set()).add(conn_id)
    return index


def _near(index: ArrowIndex, window: Rect) -> set[str]:
    near: set[str] = set()
    for ix in range(int(window.x // _BLOCK), int(window.right // _BLOCK) + 1):
        for iy in range(int(window.y // _BLOCK), int(window.bottom // _BLOCK) + 1):
            near |= index.get((ix, iy), set())
    return near


def _crosses(points: list[Point], x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether a segment of the arrow (with room for its head) comes into the window x0..x1, y0..y1:
    an arrow whose bounds span the map may still pass by most parts of it."""
    pad = 8.0
    if len(points) == 1:
        p = points[0]
        return x0 - pad < p.x < x1 + pad and y0 - pad < p.y < y1 + pad
    for a, b in zip(points, points[1:], strict=False):
        if (
            min(a.x, b.x) - pad < x1
            and max(a.x, b.x) + pad > x0
            and min(a.y, b.y) - pad < y1
            and max(a.y, b.y) + pad > y0
        ):
            return True
    return False


def _bounds(points: list[Point]) -> Rect:
    xs, ys = [p.x for p in points], [p.y for p in points]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def draw_cards(w: Writer, cards: list[tuple[Card, Box, bool, int]], s: float) -> None:
    """Cards (each with its box, whether its text is drawn and its votes), drawn part by part over
    all of them: boxes and stripes kind by kind, then titles, footers and vote badges. Cards never
    overlap and each card's parts go in the same order as before, so the page looks the same as
    drawn card by card, but the colours change a few times in all instead of six times a card."""
    c = w.c
    colours = [palette.CARD_COLOURS.get(card.kind, palette.CARD_COLOURS["note"]) for card, *_ in cards]
    by_kind = sorted(range(len(cards)), key=lambda i: colours[i])
    for i in by_kind:
        b = cards[i][1]
        fill, accent = colours[i]
        w.fill(fill)
        w.stroke(accent, 1.0 * s)
        w.round_rect(b.x, b.y, b.w, b.h, CARD_RADIUS * s, stroke=1, fill=1)
    for i in by_kind:
        b = cards[i][1]
        w.fill(colours[i][1])
        c.rect(b.x + 0.5 * s, b.y + 4 * s, 4 * s, b.h - 8 * s, stroke=0, fill=1)
    shown = [(card, b, votes, f"card “{card.title[:40]}”") for card, b, text, votes in cards if text]
    for card, b, votes, where in shown:
        badge = 22 * s if votes else 0
        title = Box(b.x + 10 * s, b.top - 40 * s, b.w - 18 * s - badge, 34 * s)
        w.paragraph(card.title, title, 8.5 * s, True, palette.TEXT, where, 7.5 * s)
    for card, b, _, where in shown:
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
    voted = [i for i in by_kind if cards[i][2] and cards[i][3]]
    for i in voted:
        b = cards[i][1]
        w.fill(colours[i][1])
        w.round_rect(b.right - 26 * s, b.top - 22 * s, 20 * s, 15 * s, 7 * s, stroke=0, fill=1)
    w.fill("#ffffff")
    for i in voted:
        card, b, _, votes = cards[i]
        bx, by = b.right - 26 * s, b.top - 22 * s
        w.string(bx + 10 * s, by + 4 * s, str(votes), 7.5 * s, True, f"card “{card.title[:40]}”", "center")


def _holds_centre(window: Rect, r: Rect) -> bool:
    """The part a label across parts' edges belongs to: the one that holds its centre."""
    cx, cy = r.x + r.w / 2, r.y + r.h / 2
    return window.x <= cx < window.right and window.y <= cy < window.bottom


def _into(r: Rect, window: Rect, g: MapGeometry, taken: list[Rect]) -> Rect | None:
    """A label across the edge of a part (in the gap between two lanes or stages, where the parts
    meet) moved wholly into the part that holds its centre, then along or across that edge by up
    to eight label widths or heights until it is clear of the cards and of the labels `taken`.
    None: no room."""
    if r.w > window.w or r.h > window.h:
        return None
    steps = (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8, -8)
    tries = [(k, 0) for k in steps] + [(0, k) for k in steps[1:]]
    tries += [(k, m) for m in steps[1:7] for k in steps[1:]]  # then off both ways, nearest first
    for dx, dy in ((k * (r.w + 2), m * (r.h + 2)) for k, m in tries):
        x = min(max(r.x + dx, window.x), window.right - r.w)
        y = min(max(r.y + dy, window.y), window.bottom - r.h)
        moved = Rect(x, y, r.w, r.h)
        if not any(_overlap(moved, o) for o in (*g.cards.values(), *taken)):
            return moved
    return None


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right - 0.01 and b.x < a.right - 0.01 and a.y < b.bottom - 0.01 and b.y < a.bottom - 0.01


def _label(w: Writer, b: Box, text: str, mark: bool, s: float) -> None:
    """A label on a white box (a mark: white on the arrows' colour), its text shrunk to fit the box."""
    w.fill(palette.CONNECTION if mark else palette.CANVAS_BG)
    w.c.roundRect(b.x, b.y, b.w, b.h, 2 * s, stroke=0, fill=1)
    size = 7.5 * s
    room = b.w - 2 * LABEL_PAD * s
    width = w.width(text, size, mark)
    if width > room:
        size *= room / width
    w.fill(palette.CANVAS_BG if mark else palette.CONNECTION)
    w.string(b.x + b.w / 2, b.y + (b.h - size * 0.7) / 2, text, size, mark, "a connection label", "center")


def _arrow(w: Writer, pts: list[tuple[float, float]], s: float) -> None:
    """The arrow over a white casing, so that where arrows cross, each line can be followed."""
    c = w.c
    path = c.beginPath()
    path.moveTo(*pts[0])
    for p in pts[1:]:
        path.lineTo(*p)
    w.stroke(palette.CELL_BG, 3.2 * s)
    c.drawPath(path, stroke=1, fill=0)
    w.stroke(palette.CONNECTION, 1.2 * s)
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


def _scale(w: Writer, j: Journey, g: MapGeometry, at: Placement, window: Rect | None) -> None:
    """The emotion scale's lines across the row and its labels at the left of the first column drawn,
    so that every part of a split map that shows the emotion lane shows its scale."""
    row = g.rows[g.emotion_lane or ""]
    s = at.s
    x = row.x
    if window is not None:  # the first column whose left edge is in the window
        x = min((r.x for r in g.columns.values() if r.x >= window.x - 0.5), default=row.x)
    for tick in scale_ticks(g, j.scale):
        y = at.y0 - tick.y * s
        w.stroke(palette.NEUTRAL_LINE, (1.2 if tick.neutral else 0.5) * s)
        w.c.setDash([] if tick.neutral else [1 * s, 2 * s])
        w.c.line(at.x0 + row.x * s, y, at.x0 + row.right * s, y)
        if window is not None and not (window.y <= tick.y - 10 and tick.y <= window.bottom):
            continue  # its label would not lie wholly in the window
        w.fill(palette.MUTED)
        w.string(at.x0 + (x + 4) * s, y + 2 * s, tick.label, 7.5 * s, False, "the emotion scale")
    w.c.setDash([])


def smooth(w: Writer, pts: list[tuple[float, float]]) -> None:
    """A smooth curve through the points that never overshoots them, like the canvas draws it."""
    c = w.c
    path = c.beginPath()
    path.moveTo(*pts[0])
    for c1, c2, end in bezier_segments(pts):
        path.curveTo(*c1, *c2, *end)
    c.drawPath(path, stroke=1, fill=0)


def _curves(
    w: Writer,
    j: Journey,
    g: MapGeometry,
    at: Placement,
    personas: set[str] | None,
    window: Rect | None,
    touches: Callable[[Rect], bool],
) -> None:
    s = at.s
    for index, persona in enumerate(j.personas):
        if personas is not None and persona.id not in personas:
            continue
        curve = [p for _, p in g.curves.get(persona.id, [])]
        if not curve or (window is not None and not touches(_bounds(curve))):
            continue
        pts = [at.point(p) for p in curve]
        dash, shape = persona_style(index, w.grayscale)  # grayscale: a dash and marker of its own
        w.stroke(persona.colour, 2.4 * s)
        w.c.setLineCap(1)
        w.c.setDash([d * s for d in dash])
        smooth(w, pts)
        w.c.setDash([])
        w.fill(persona.colour)
        w.stroke("#ffffff", 1.5 * s)
        for x, y in pts:
            if shape == "circle":
                w.c.circle(x, y, 5.5 * s, stroke=1, fill=1)
            else:
                marker(w, shape, x, y, 5.5 * s)
