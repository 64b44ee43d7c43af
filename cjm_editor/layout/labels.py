"""Where connection labels go: beside their own arrow, never over a card, a header or another label.

Each label tries spots along every segment of its arrow: above, below or on a horizontal run, left,
right or on a vertical one, from the middle of the segment outwards, the closest to the arrow
first. The first spot that covers no card, header or label placed before wins. A label with no free
spot becomes a numbered mark on its arrow (`MapGeometry.marks`) and its text goes in the map's key;
a mark with no free spot either is left off the map (its number is 0) and the key names the
arrow's two cards.

Cards are found by arithmetic on the cell grid (cards stack at fixed steps in their cell), placed
labels in grid buckets, so each test costs the same however large the map. After an edit only the
labels it can touch are placed again (`place_labels` with `dirty`), with the same result as placing
them all: each label remembers its text, its arrow, its place and the region its search covered.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from cjm_editor.layout.geometry import (
    CARD_GAP,
    CARD_H,
    CELL_PAD,
    LANE_HEADER_W,
    STAGE_GAP,
    STAGE_HEADER_H,
    LabelMemo,
    MapGeometry,
    Point,
    Rect,
)
from cjm_editor.model.journey import Journey

LABEL_EM = 10.0  # the label font's size in layout units (7.5 pt on a 96 dpi canvas)
LABEL_H = 13.0
LABEL_PAD = 4.0  # room each side of the text
CLEAR = 3.0  # space kept between a label and a card: its border and selection ring
HANDLE = 7.0  # and on a card's right, its connection handle (the canvas draws it HANDLE wide)
BUCKET = 64.0
GUTTER_ROOM = STAGE_GAP + 2 * CELL_PAD - 2 * CLEAR - HANDLE  # the widest label a gutter holds
_ASCII = (  # advances of DejaVu Sans for " " to "~", in hundredths of an em, rounded up
    "32 41 46 84 64 96 78 28 39 39 50 84 32 37 32 34 64 64 64 64 64 64 64 64 64 64 34 34 84 84 84 54 "
    "100 69 69 70 77 64 58 78 76 30 30 66 56 87 75 79 61 79 70 64 62 74 69 99 69 62 69 39 34 39 84 50 "
    "50 62 64 55 64 62 36 64 64 28 28 58 28 98 64 62 64 64 42 53 40 64 60 82 60 60 53 64 34 64 84"
)
ADVANCE = [int(a) / 100 for a in _ASCII.split()]


def text_width(text: str, em: float = LABEL_EM) -> float:
    """How wide a label's text is at most, in layout units (generous outside ASCII)."""
    total = 0.0
    for ch in text:
        code = ord(ch)
        if 32 <= code < 127:
            total += ADVANCE[code - 32]
        else:
            total += 0.8 if code < 0x250 else 1.1
    return total * em


def label_size(text: str) -> tuple[float, float]:
    """The width and height of a label box holding `text`."""
    return text_width(text) + 2 * LABEL_PAD, LABEL_H


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@dataclass(slots=True)
class Buckets:
    """Boxes filed by the BUCKET-sized squares they touch, to find the ones a box overlaps."""

    buckets: dict[tuple[int, int], list[Rect]] = field(default_factory=dict)

    @staticmethod
    def _cells(r: Rect) -> Iterator[tuple[int, int]]:
        for ix in range(int(r.x // BUCKET), int(r.right // BUCKET) + 1):
            for iy in range(int(r.y // BUCKET), int(r.bottom // BUCKET) + 1):
                yield ix, iy

    def hits(self, r: Rect) -> bool:
        buckets = self.buckets
        return any(_overlap(r, other) for cell in self._cells(r) for other in buckets.get(cell, ()))

    def add(self, r: Rect) -> None:
        for cell in self._cells(r):
            self.buckets.setdefault(cell, []).append(r)


@dataclass(slots=True)
class Obstacles:
    """What a label must not cover: cards (by the cell grid), the header band and column, the map's
    edges, and the labels placed so far (by bucket)."""

    g: MapGeometry
    collapsed: set[str]
    xs: list[float] = field(default_factory=list)
    columns: list[tuple[float, float, str]] = field(default_factory=list)  # cards' left, right, stage
    ys: list[float] = field(default_factory=list)
    rows: list[tuple[float, float, str]] = field(default_factory=list)  # row top, bottom, lane
    labels: Buckets = field(default_factory=Buckets)

    def __post_init__(self) -> None:
        cols = sorted(self.g.columns.items(), key=lambda kv: kv[1].x)
        self.columns = [(r.x + CELL_PAD - CLEAR, r.right - CELL_PAD + CLEAR + HANDLE, sid) for sid, r in cols]
        self.xs = [r.x for _, r in cols]
        rows = sorted(self.g.rows.items(), key=lambda kv: kv[1].y)
        self.rows = [(r.y, r.y + r.h, lid) for lid, r in rows if lid not in self.collapsed]
        self.ys = [top for top, _, _ in self.rows]

    def free(self, r: Rect) -> bool:
        g = self.g
        if r.x < LANE_HEADER_W or r.y < STAGE_HEADER_H or r.x + r.w > g.width or r.y + r.h > g.height:
            return False
        return not self._on_card(r.x, r.x + r.w, r.y, r.y + r.h) and not self.labels.hits(r)

    def _on_card(self, x0: float, x1: float, y0: float, y1: float) -> bool:
        """Whether the box x0..x1, y0..y1 comes within CLEAR of a card."""
        y0, y1 = y0 - CLEAR, y1 + CLEAR
        step = CARD_H + CARD_GAP
        counts = self.g.counts
        for ci in range(bisect.bisect_right(self.xs, x1) - 1, -1, -1):
            left, right, stage_id = self.columns[ci]
            if right <= x0:
                break
            if left >= x1:
                continue
            for ri in range(bisect.bisect_right(self.ys, y1) - 1, -1, -1):
                top, bottom, lane_id = self.rows[ri]
                if bottom <= y0:
                    break
                count = counts.get((stage_id, lane_id), 0)
                top += CELL_PAD
                i = max(0, math.floor((y0 - top - CARD_H) / step))
                while i < count:
                    card_top = top + i * step
                    if card_top >= y1:
                        break
                    if card_top + CARD_H > y0:
                        return True
                    i += 1
        return False

    def add(self, r: Rect) -> None:
        self.labels.add(r)


TRIES = 90  # spots tried per label (and as many per mark) before giving up: bounds the time
SPOT_BUDGET = 200_000
"""Spots tried for all of a map's labels and marks at most: on a map with more labelled arrows than
SPOT_BUDGET / (2 * TRIES) each label tries fewer spots (at least MIN_TRIES), so 10,000 labelled
arrows between two cells (every spot near them taken) are placed in seconds, not minutes; a label
without a spot becomes a numbered mark or goes in the key, as on any crowded map."""
MIN_TRIES = 2


def tries_for(labels: int) -> int:
    """Spots each label (and each mark) may try on a map with `labels` labelled arrows."""
    return max(MIN_TRIES, min(TRIES, SPOT_BUDGET // max(1, 2 * labels)))


def _along(a: float, b: float, step: float) -> list[float]:
    """Points from the middle of a..b outwards, `step` apart, both ends included."""
    mid, half = (a + b) / 2, abs(b - a) / 2
    out = [mid]
    k = 1
    while k * step < half and len(out) < 24:
        out += [mid - k * step, mid + k * step]
        k += 1
    if half > 0:
        out += [min(a, b), max(a, b)]
    return out


def spots(points: list[Point], w: float, h: float) -> Iterator[Rect]:
    """Label rects beside the arrow `points`, the closest first: beside horizontal runs (longest
    run first), then on them, then beside and on vertical runs; along each run from its middle
    outwards."""
    segments = [(a, b) for a, b in zip(points, points[1:], strict=False) if a != b]
    if w > GUTTER_ROOM and len(segments) > 2:  # the first and last runs only cross a gutter
        segments = segments[1:-1]
    flat = sorted((s for s in segments if s[0].y == s[1].y), key=lambda s: -abs(s[1].x - s[0].x))
    tall = sorted((s for s in segments if s[0].y != s[1].y), key=lambda s: -abs(s[1].y - s[0].y))
    for dys in ((-h - 1, 1), (-h / 2,)):
        for a, b in flat:
            for x in _along(a.x, b.x, max(4.0, min(w / 2, abs(b.x - a.x) / 8))):
                for dy in dys:
                    yield Rect(x - w / 2, a.y + dy, w, h)
    if w > GUTTER_ROOM:  # vertical runs lie in gutters: nothing this wide fits beside them
        return
    for dxs in ((2, -w - 2), (-w / 2,)):
        for a, b in tall:
            for y in _along(a.y, b.y, h):
                for dx in dxs:
                    yield Rect(a.x + dx, y - h / 2, w, h)


def _first_free(
    points: list[Point], w: float, obstacles: Obstacles, tries: int = TRIES
) -> tuple[Rect | None, Rect]:
    """The first free spot, and the region every spot tried covers (widened by how far a card can
    reach into a spot): nothing outside it can change the answer."""
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    found = None
    for _, rect in zip(range(tries), spots(points, w, LABEL_H), strict=False):
        x0, y0 = min(x0, rect.x), min(y0, rect.y)
        x1, y1 = max(x1, rect.x + rect.w), max(y1, rect.y + rect.h)
        if obstacles.free(rect):
            found = rect
            break
    reach = CLEAR + HANDLE
    region = (
        Rect(x0 - reach, y0 - reach, x1 - x0 + 2 * reach, y1 - y0 + 2 * reach)
        if x1 > x0
        else Rect(0, 0, 0, 0)
    )
    return found, region


def _place(points: list[Point], label: str, number: int, obstacles: Obstacles, tries: int) -> LabelMemo:
    rect, region = _first_free(points, label_size(label)[0], obstacles, tries)
    mark = None
    if rect is None:
        rect, more = _first_free(points, label_size(str(number))[0], obstacles, tries)
        region = _union(region, more)
        mark = 0 if rect is None else number  # 0: in the key only, not on the map
    return (label, points, rect, mark, number, region)


def _union(a: Rect, b: Rect) -> Rect:
    if a.w <= 0:
        return b
    if b.w <= 0:
        return a
    x0, y0 = min(a.x, b.x), min(a.y, b.y)
    return Rect(x0, y0, max(a.right, b.right) - x0, max(a.bottom, b.bottom) - y0)


def place_labels(journey: Journey, g: MapGeometry, dirty: list[Rect] | None = None) -> None:
    """Place every connection label (in the map's order of connections), or its numbered mark.
    `dirty`: where cards changed since the last placement (None: place every label afresh); a label
    whose arrow, text and searched region are untouched by the changes keeps its place. Either way
    the result is the same as placing every label afresh."""
    labelled = [c for c in journey.connections if c.label and len(g.connections.get(c.id, ())) > 1]
    tries = tries_for(len(labelled))
    extent = (g.width, g.height, tries)  # a memo holds for the same map size and the same search
    memo = g.label_memo if dirty is not None and g.label_extent == extent else {}
    g.labels, g.marks, g.label_memo, g.label_extent = {}, {}, {}, extent
    if not labelled:
        return
    obstacles = Obstacles(g, {lane.id for lane in journey.lanes if lane.collapsed})
    # label boxes placed earlier in this pass that were not there before, and boxes now gone: a box
    # that came can only take the spot a label had chosen; a box that went can free a spot it tried
    came, went = Buckets(), Buckets()
    live = {c.id for c in labelled}
    for conn_id, gone in memo.items():
        if conn_id not in live and gone[2] is not None:
            went.add(gone[2])
    regions = dirty or []
    marked = 0
    for conn in labelled:
        points = g.connections[conn.id]
        old = memo.get(conn.id)
        if old is not None and (
            old[0] == conn.label
            and (old[3] is None or old[4] == marked + 1)
            and old[1] == points
            and not any(_overlap(old[5], r) for r in regions)
            and not went.hits(old[5])
            and (old[2] is None or not came.hits(old[2]))
        ):
            placed = old
        else:
            placed = _place(points, conn.label, marked + 1, obstacles, tries)
            if old is None or old[2] != placed[2]:
                if old is not None and old[2] is not None:
                    went.add(old[2])
                if placed[2] is not None:
                    came.add(placed[2])
        g.label_memo[conn.id] = placed
        _, _, rect, mark, _, _ = placed
        if mark is not None:
            g.marks[conn.id] = mark
            marked += mark > 0
        if rect is not None:
            obstacles.add(rect)
            g.labels[conn.id] = rect


def label_text(g: MapGeometry, conn_id: str, label: str) -> str:
    """What is written in a connection's label box: the label, or its number in the key."""
    number = g.marks.get(conn_id)
    return str(number) if number else label
