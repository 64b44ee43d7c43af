"""Where the overview cuts a map too big for one page: whole stages across and whole lanes down, as
few parts as fit at a given scale and as even as possible. A lane taller than a page is cut between
its rows of cards; so are lanes that would each leave a page a third empty when that saves pages
(maps with tall lanes); a stage wider than a page is a part alone. Every part is printed with the lane
headers on its left and the stage headers on top (HEAD_W, HEAD_H). Map units; nothing is drawn."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from cjm_editor.layout import MapGeometry, Rect
from cjm_editor.layout.geometry import CARD_GAP, CARD_H, LANE_GAP, LANE_HEADER_W, STAGE_GAP, STAGE_HEADER_H

HEAD_W = LANE_HEADER_W + STAGE_GAP / 2  # the lane headers' column on the left of every part
HEAD_H = STAGE_HEADER_H + LANE_GAP / 2  # the stage headers' strip on top of every part

Span = tuple[float, float]


def plan(g: MapGeometry, room_w: float, room_h: float) -> list[Rect]:
    """The windows (map units, without the headers) of the parts, row by row, for pages of
    room_w x room_h map units."""
    xs = _join(_columns(g), room_w - HEAD_W)
    lanes = _lanes(g)
    ys = _join(_rows(lanes, room_h - HEAD_H), room_h - HEAD_H)
    packed = _packed(lanes, room_h - HEAD_H)
    if len(packed) < len(ys):  # whole lanes would leave pages a third empty: fewer pages instead
        ys = packed
    return [Rect(x0, y0, x1 - x0, y1 - y0) for y0, y1 in ys for x0, x1 in xs]


def _columns(g: MapGeometry) -> list[Span]:
    """Each stage's column with half the gutter on each side (where arrows enter and leave)."""
    cols = sorted(g.columns.values(), key=lambda r: r.x)
    return [(r.x - STAGE_GAP / 2, r.right + STAGE_GAP / 2) for r in cols]


Lane = tuple[float, float, list[float]]  # a lane's row (with half the gaps) and its cuts between cards


def _lanes(g: MapGeometry) -> list[Lane]:
    """Each lane's row with half the gap above and below, and where it can be cut between two rows
    of cards."""
    rows = sorted(g.rows.values(), key=lambda r: r.y)
    tops = [r.y for r in rows]
    cuts: list[set[float]] = [set() for _ in rows]
    for card in g.cards.values():
        i = bisect.bisect_right(tops, card.y) - 1
        if i >= 0 and card.y > rows[i].y + CARD_H:
            cuts[i].add(card.y - CARD_GAP / 2)
    return [(r.y - LANE_GAP / 2, r.bottom + LANE_GAP / 2, sorted(c)) for r, c in zip(rows, cuts, strict=True)]


def _rows(lanes: Sequence[Lane], room: float) -> list[Span]:
    """Whole lanes; a lane taller than `room` in even pieces."""
    return [span for a, b, cuts in lanes for span in _pieces(a, b, cuts, room)]


def _packed(lanes: Sequence[Lane], room: float) -> list[Span]:
    """Rows filling each page: cut at the last lane boundary that fills at least two thirds of it,
    else at the last boundary between rows of cards."""
    if not lanes:
        return []
    ends = [b for _, b, _ in lanes]
    cards = sorted({*ends, *(c for _, _, cuts in lanes for c in cuts)})
    start, end = lanes[0][0], lanes[-1][1]
    out: list[Span] = []
    while end - start > room + 0.01:
        lane = [y for y in ends if start + room * 2 / 3 <= y <= start + room + 0.01]
        card = [y for y in cards if start < y <= start + room + 0.01]
        cut = lane[-1] if lane else card[-1] if card else start + room
        out.append((start, cut))
        start = cut
    return [*out, (start, end)]


def _pieces(a: float, b: float, cuts: list[float], room: float) -> list[Span]:
    """a..b in as few pieces of at most `room` as fit, as even as the cuts allow."""
    room = max(room, CARD_H + CARD_GAP)
    n = math.ceil((b - a) / room - 1e-9)
    out: list[Span] = []
    for i in range(1, n):
        target = a + (b - a) * i / n
        start = out[-1][1] if out else a
        fits = [c for c in cuts if start < c <= start + room]
        end = min(fits, key=lambda c: abs(c - target)) if fits else start + room
        out.append((start, end))
    start = out[-1][1] if out else a
    while b - start > room + 0.01:  # the even cuts left too much for the last piece
        fits = [c for c in cuts if start < c <= start + room]
        end = fits[-1] if fits else start + room
        out.append((start, end))
        start = end
    return [*out, (start, b)]


def _join(spans: Sequence[Span], room: float) -> list[Span]:
    """Consecutive spans joined into as few groups of at most `room` as fit (a span bigger than the
    room alone), the largest group as small as possible."""
    if not spans:
        return []
    sizes = [b - a for a, b in spans]
    fewest = len(_greedy(sizes, room))
    lo, hi = max((x for x in sizes if x <= room), default=0.0), room  # an item bigger is alone anyway
    for _ in range(40):  # the smallest cap that still needs no more groups than the fewest
        mid = (lo + hi) / 2
        if len(_greedy(sizes, mid)) <= fewest:
            hi = mid
        else:
            lo = mid
    out, start = [], 0
    for count in _greedy(sizes, hi):
        out.append((spans[start][0], spans[start + count - 1][1]))
        start += count
    return out


def _greedy(sizes: Sequence[float], cap: float) -> list[int]:
    """How many sizes go in each group, filling each group up to `cap` in turn."""
    counts: list[int] = []
    used = 0.0
    for size in sizes:
        if counts and used + size <= cap + 1e-6:
            counts[-1] += 1
            used += size
        else:
            counts.append(1)
            used = size
    return counts
