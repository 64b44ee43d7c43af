"""Stage columns, lane rows, cells, card rects, emotion curves and connection routes, in pixels.

Everything here is derived from the Journey and never stored. Units are scene pixels; the PDF
export converts to points in one place. Cells grow to fit their cards: a lane row is as tall as
its fullest cell. Collapsed lanes shrink to their header and hide their cards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from cjm_editor.model.journey import EmotionPoint, Journey, Lane, Stage
from cjm_editor.model.workshop import spreads

LANE_HEADER_W = 170.0
STAGE_HEADER_H = 56.0
STAGE_W = 230.0
MIN_STAGE_W = 150.0
MAX_STAGE_W = 900.0
STAGE_GAP = 18.0  # gutter between stage columns; connections run here
LANE_GAP = 14.0  # gap between lane rows; connections run here
CELL_PAD = 10.0
CARD_H = 70.0
CARD_GAP = 8.0
EMPTY_CELL_H = CARD_H + 2 * CELL_PAD
COLLAPSED_H = 30.0
EMOTION_H = 190.0
EMOTION_PAD = 22.0


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return Point(self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True, slots=True)
class Band:
    """Where several scores at one anchor spread: x, the Y of the lowest and highest score, and n."""

    x: float
    low: float
    high: float
    n: int


LabelMemo = tuple[str, list[Point], "Rect | None", "int | None", int, "Rect"]


@dataclass(slots=True)
class MapGeometry:
    """Where everything of one map is drawn. Keys are element ids."""

    width: float = 0.0
    height: float = 0.0
    stages: dict[str, Rect] = field(default_factory=dict)  # header rect of each stage
    columns: dict[str, Rect] = field(default_factory=dict)  # the full column under a header
    lanes: dict[str, Rect] = field(default_factory=dict)  # header rect of each lane
    rows: dict[str, Rect] = field(default_factory=dict)  # the full row right of a header
    cells: dict[tuple[str, str], Rect] = field(default_factory=dict)  # (stage id, lane id)
    cards: dict[str, Rect] = field(default_factory=dict)  # cards of collapsed lanes are absent
    emotion_lane: str | None = None
    emotion_points: dict[str, Point] = field(default_factory=dict)
    curves: dict[str, list[tuple[str, Point]]] = field(default_factory=dict)  # persona -> (point id, pos)
    bands: dict[str, list[Band]] = field(default_factory=dict)  # persona -> rating spreads with n > 1
    connections: dict[str, list[Point]] = field(default_factory=dict)  # orthogonal polyline
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # cards per cell
    labels: dict[str, Rect] = field(default_factory=dict)  # connection id -> where its label goes
    marks: dict[str, int] = field(default_factory=dict)  # connection id -> its number in the key (0: none)
    # the arrows' tracks (layout/routes.py): channel -> {(connection, end): span}, connection -> {end:
    # offset}, connection -> its channels
    channels: dict[tuple[str, int], dict[tuple[str, str], tuple[float, float]]] = field(default_factory=dict)
    offsets: dict[str, dict[str, float]] = field(default_factory=dict)
    # what placed each label (layout/labels.py), so that a small edit places again only the labels
    # it can touch: connection id -> (label, route, box, mark, number tried, the region searched)
    label_memo: dict[str, LabelMemo] = field(default_factory=dict)
    label_extent: tuple[float, float, int] = (0.0, 0.0, 0)  # map size and tries per label when placed
    routed: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def _band(self) -> tuple[float, float]:
        """Top and bottom Y of the emotion band's usable height."""
        band = self.rows[self.emotion_lane] if self.emotion_lane else Rect(0, 0, 0, EMOTION_H)
        return band.y + EMOTION_PAD, band.bottom - EMOTION_PAD

    def score_y(self, score: float, lo: int, hi: int) -> float:
        """Y of a score in the emotion band (higher scores are drawn higher)."""
        top, bottom = self._band()
        return bottom - (score - lo) / (hi - lo) * (bottom - top)

    def y_score(self, y: float, lo: int, hi: int) -> int:
        """The nearest scale step to a Y in the emotion band, clamped to the scale."""
        top, bottom = self._band()
        value = lo + (bottom - y) / (bottom - top) * (hi - lo)
        return max(lo, min(hi, round(value)))

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The (stage id, lane id) of the cell under a point, or None."""
        stage = next((sid for sid, r in self.columns.items() if r.x <= x <= r.right), None)
        lane = next((lid for lid, r in self.rows.items() if r.y <= y <= r.bottom), None)
        return (stage, lane) if stage and lane else None


def card_rect(cell: Rect, position: int) -> Rect:
    """The rect of the card at `position` in a cell."""
    return Rect(
        cell.x + CELL_PAD, cell.y + CELL_PAD + position * (CARD_H + CARD_GAP), cell.w - 2 * CELL_PAD, CARD_H
    )


def insert_position(cell: Rect, centre_y: float, count: int) -> int:
    """Where a card whose centre is at `centre_y` lands among `count` cards of a cell: after every
    card whose centre is above it (0..count)."""
    above = math.floor((centre_y - cell.y - CELL_PAD - CARD_H / 2) / (CARD_H + CARD_GAP)) + 1
    return max(0, min(count, above))


def stage_width(stage: Stage) -> float:
    """The column width of a stage: the user's choice within sensible bounds, else the standard."""
    if stage.width is None:
        return STAGE_W
    return max(MIN_STAGE_W, min(MAX_STAGE_W, stage.width))


def lane_height(lane: Lane, cards: int) -> float:
    """Height of a lane whose fullest cell holds `cards` cards."""
    if lane.collapsed:
        return COLLAPSED_H
    h = max(EMPTY_CELL_H, 2 * CELL_PAD + cards * CARD_H + max(0, cards - 1) * CARD_GAP)
    return max(h, EMOTION_H) if lane.kind == "emotions" else h


def place_cells(journey: Journey) -> MapGeometry:
    """Headers, rows, columns, cells and cards (layout/full.py adds curves, arrows and labels)."""
    g = MapGeometry()
    counts: dict[tuple[str, str], int] = {}
    order: dict[str, int] = {}
    for card in journey.cards:
        key = (card.stage_id, card.lane_id)
        order[card.id] = counts.get(key, 0)
        counts[key] = order[card.id] + 1
    per_lane: dict[str, int] = {}
    for (_, lane_id), n in counts.items():
        per_lane[lane_id] = max(per_lane.get(lane_id, 0), n)

    x = LANE_HEADER_W + STAGE_GAP
    content_top = STAGE_HEADER_H + LANE_GAP
    y = content_top
    g.counts = counts
    for lane in journey.lanes:
        h = lane_height(lane, per_lane.get(lane.id, 0))
        if lane.kind == "emotions" and not lane.collapsed and g.emotion_lane is None:
            g.emotion_lane = lane.id
        g.lanes[lane.id] = Rect(0, y, LANE_HEADER_W, h)
        y += h + LANE_GAP
    bottom = max(y - LANE_GAP, content_top)
    for stage in journey.stages:
        w = stage_width(stage)
        g.stages[stage.id] = Rect(x, 0, w, STAGE_HEADER_H)
        g.columns[stage.id] = Rect(x, content_top, w, bottom - content_top)
        x += w + STAGE_GAP
    right = max(x - STAGE_GAP, LANE_HEADER_W)
    for lane in journey.lanes:
        header = g.lanes[lane.id]
        g.rows[lane.id] = Rect(
            LANE_HEADER_W + STAGE_GAP, header.y, right - LANE_HEADER_W - STAGE_GAP, header.h
        )
        for stage in journey.stages:
            col = g.columns[stage.id]
            g.cells[(stage.id, lane.id)] = Rect(col.x, header.y, col.w, header.h)
    g.width, g.height = right + STAGE_GAP, bottom + LANE_GAP

    collapsed = {lane.id for lane in journey.lanes if lane.collapsed}
    for card in journey.cards:
        if card.lane_id in collapsed:
            continue
        cell = g.cells.get((card.stage_id, card.lane_id))
        if cell is not None:
            g.cards[card.id] = card_rect(cell, order[card.id])
    return g


def place_curves(journey: Journey, g: MapGeometry) -> None:
    """Place emotion points and curves: per persona and stage, spread the stage's anchors across its
    column. The curve passes through the mean of the participants' ratings at an anchor, or the
    designer's emotion point where nobody rated (model/workshop.py); an emotion point sits at its own
    score; several ratings at an anchor add a min-max band."""
    if g.emotion_lane is None or g.emotion_lane in {lane.id for lane in journey.lanes if lane.collapsed}:
        return
    stage_of_card = {c.id: c.stage_id for c in journey.cards}
    card_index = {c.id: i for i, c in enumerate(journey.cards)}
    lo, hi = journey.scale.min, journey.scale.max
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    spread = spreads(journey)
    point_at: dict[tuple[str, str, str], EmotionPoint] = {
        (p.persona_id, p.anchor_kind, p.anchor_id): p for p in journey.emotions
    }
    for persona in journey.personas:
        slots: dict[str, list[tuple[float, str, str]]] = {}
        for pid, kind, anchor in dict.fromkeys([*point_at, *spread]):
            if pid != persona.id:
                continue
            if kind == "stage":
                sid, key = anchor, 0.5
            else:
                sid = stage_of_card.get(anchor, "")
                key = card_index.get(anchor, 0) / max(1, len(journey.cards))
            if sid in g.columns:
                slots.setdefault(sid, []).append((key, kind, anchor))
        curve: list[tuple[str, Point]] = []
        bands: list[Band] = []
        for sid in sorted(slots, key=stage_rank.__getitem__):
            col = g.columns[sid]
            anchors = sorted(slots[sid])
            for i, (_, kind, anchor) in enumerate(anchors):
                x = col.x + col.w * (i + 1) / (len(anchors) + 1)
                s = spread.get((persona.id, kind, anchor))
                point = point_at.get((persona.id, kind, anchor))
                if point is not None:
                    g.emotion_points[point.id] = Point(x, g.score_y(point.score, lo, hi))
                through = s.mean if s is not None else point.score if point is not None else lo
                curve.append(
                    (point.id if point else f"{kind}:{anchor}", Point(x, g.score_y(through, lo, hi)))
                )
                if s is not None and s.n > 1:
                    bands.append(Band(x, g.score_y(s.low, lo, hi), g.score_y(s.high, lo, hi), s.n))
        g.curves[persona.id] = curve
        g.bands[persona.id] = bands
