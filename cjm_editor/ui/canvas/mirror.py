"""MirrorScene: items that mirror a JourneyDocument through the layout geometry.

Items are created, updated and destroyed only here, after document events. A change to a few cards
relays out only their cells (layout.incremental); anything else, or a lane that grows, lays out the
whole map. Entities are replaced (never mutated) on change, so `item.card is not card` finds what
to repaint. View state that is not in the document (hidden curves, the active persona) lives here too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from cjm_editor.layout import MapGeometry, Rect, compute
from cjm_editor.layout.geometry import place_curves
from cjm_editor.layout.incremental import relayout_cells
from cjm_editor.layout.labels import label_text, place_labels
from cjm_editor.layout.routes import reroute
from cjm_editor.model import Card, JourneyDocument
from cjm_editor.model.registry import CARDS, COLLECTIONS, CONNECTIONS, EMOTIONS
from cjm_editor.model.workshop import tally
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.items.bands import RatingBandsItem
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionCurveItem, EmotionPointItem
from cjm_editor.ui.canvas.items.grid import GridItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.rich import escape

_INCREMENTAL = {CARDS.name, CONNECTIONS.name, EMOTIONS.name, "votes", "ratings", "participants"}
"""Collections whose changes the mirror follows cell by cell; any other change lays the map out anew."""


class MirrorScene(QGraphicsScene):
    """Keeps one item per element in step with the document. `item_for(id)` finds it."""

    synced = Signal()  # after the items match the document again

    def __init__(self, doc: JourneyDocument) -> None:
        super().__init__()
        self.doc = doc
        self.geometry = MapGeometry()
        self.hidden_personas: set[str] = set()
        self._items: dict[str, QGraphicsItem] = {}
        self._curves: dict[str, EmotionCurveItem] = {}
        self._bands: dict[str, RatingBandsItem] = {}
        self._dirty_cells: set[tuple[str, str]] = set()
        self._gone_cards: list[str] = []
        self._dirty_connections: set[str] = set()
        self._dirty_cards: set[str] = set()
        self._tally: Counter[str] = Counter()
        self._full = False
        self._emotions_dirty = False
        self.setBackgroundBrush(style.CANVAS_BG)
        self._grid = GridItem()
        self.addItem(self._grid)
        self._subscriptions: list[tuple[Any, Callable[..., object]]] = []
        self._subscribe()  # the subclass runs the first sync() once it is fully built

    # ------------------------------------------------------------------ events
    def _subscribe(self) -> None:
        ev = self.doc.events
        cards, conns = ev.cards, ev.connections
        pairs: list[tuple[Any, Callable[..., object]]] = [
            (cards.inserted, self._card_placed),
            (cards.removed, self._card_removed),
            (cards.moved, self._card_moved),
            (cards.changed, self._card_changed),
            (conns.inserted, lambda c: self._dirty_connections.add(c.id)),
            (conns.removed, lambda c: self._dirty_connections.add(c.id)),
            (conns.changed, lambda _o, c: self._dirty_connections.add(c.id)),
            (conns.moved, lambda *_: None),
            (ev.emotions.inserted, self._emotions_changed),
            (ev.emotions.removed, self._emotion_removed),
            (ev.emotions.changed, self._emotions_changed),
            (ev.emotions.moved, self._emotions_changed),
            (ev.ratings.inserted, self._emotions_changed),
            (ev.ratings.removed, self._emotions_changed),
            (ev.ratings.changed, self._emotions_changed),
            (ev.ratings.moved, self._emotions_changed),
            (ev.votes.inserted, lambda v: self._vote_counted(v.card_id, 1)),
            (ev.votes.removed, lambda v: self._vote_counted(v.card_id, -1)),
            (ev.votes.changed, self._vote_changed),
            (ev.votes.moved, lambda *_: None),
            (ev.participants.inserted, lambda *_: None),
            (ev.participants.removed, lambda *_: None),
            (ev.participants.changed, lambda *_: None),
            (ev.participants.moved, lambda *_: None),
            (ev.journey_changed, self._need_full),
            (ev.changed, self._changed),
        ]
        for name in (c.name for c in COLLECTIONS if c.name not in _INCREMENTAL):
            of = ev.of(name)
            pairs += [(of.inserted, self._need_full), (of.removed, self._need_full)]
            pairs += [(of.changed, self._need_full), (of.moved, self._need_full)]
        for event, handler in pairs:
            event.connect(handler)
        self._subscriptions = pairs

    def detach(self) -> None:
        """Stop mirroring the document and stop signalling (before the scene is thrown away)."""
        self.blockSignals(True)
        for event, handler in self._subscriptions:
            event.disconnect(handler)
        self._subscriptions = []

    def _need_full(self, *_: object) -> None:
        self._full = True

    def _emotions_changed(self, *_: object) -> None:
        self._emotions_dirty = True

    def _emotion_removed(self, point: Any) -> None:
        self._emotions_dirty = True
        item = self._items.pop(point.id, None)
        if item is not None:
            self.removeItem(item)

    def _card_placed(self, card: Card) -> None:
        self._dirty_cells.add((card.stage_id, card.lane_id))
        self._dirty_cards.add(card.id)

    def _vote_counted(self, card_id: str, change: int) -> None:
        """Keep the vote badges' tally in step, one vote at a time (a full sync counts afresh)."""
        self._tally[card_id] += change
        self._dirty_cards.add(card_id)

    def _vote_changed(self, old: Any, new: Any) -> None:
        self._vote_counted(old.card_id, -1)
        self._vote_counted(new.card_id, 1)

    def _card_moved(self, old: Card, new: Card) -> None:
        self._dirty_cells |= {(old.stage_id, old.lane_id), (new.stage_id, new.lane_id)}
        self._dirty_cards.add(new.id)

    def _card_removed(self, card: Card) -> None:
        self._dirty_cells.add((card.stage_id, card.lane_id))
        self._gone_cards.append(card.id)

    def _card_changed(self, old: Card, new: Card) -> None:
        self._dirty_cards.add(new.id)

    def _changed(self) -> None:
        full = self._full or not self._sync_incremental()
        if full:
            self.sync()
        self._dirty_cells.clear()
        self._gone_cards.clear()
        self._dirty_connections.clear()
        self._dirty_cards.clear()
        self._full = self._emotions_dirty = False
        if not full:
            self.synced.emit()

    @property
    def grid(self) -> GridItem:
        return self._grid

    def item_for(self, element_id: str) -> QGraphicsItem | None:
        return self._items.get(element_id) or self._curves.get(element_id)

    # ------------------------------------------------------------------ incremental
    def _sync_incremental(self) -> bool:
        """Mirror a change to a few cards and connections; False when the whole map must be laid out."""
        g, j = self.geometry, self.doc.journey
        result = relayout_cells(g, j, self._dirty_cells, self._gone_cards, self.doc.cell_cards)
        if result is None:
            return False
        for card_id in self._gone_cards:
            item = self._items.pop(card_id, None)
            if item is not None:
                self.removeItem(item)
        for card_id in {*result.cards, *self._dirty_cards} - set(self._gone_cards):
            if self.doc.has("cards", card_id):
                self._sync_card(self.doc.card(card_id), g.cards.get(card_id))
        items = self._items
        for card_id, dy in result.shifted_cards.items():  # moved with their lane: nothing else changed
            items[card_id].moveBy(0, dy)
        if result.lanes:
            self._grid.sync(g, j.scale)
            for lane_id in result.lanes:
                header = self._items[lane_id]
                assert isinstance(header, HeaderItem)
                r = g.lanes[lane_id]
                header.place(r.x, r.y, r.w, r.h)
            self.setSceneRect(-40, -40, g.width + 80, g.height + 80)
        for conn_id, dy in result.shifted.items():
            item = self._items.get(conn_id)
            if isinstance(item, ConnectionItem):
                item.shift(dy, g.connections[conn_id], g.labels.get(conn_id))
        if self._dirty_connections:
            live = [c for c in self._dirty_connections if self.doc.has("connections", c)]
            gone = [c for c in self._dirty_connections if not self.doc.has("connections", c)]
            # arrows sharing a channel with these may move to another track
            self._dirty_connections |= reroute(j, g, [self.doc.connection(c) for c in sorted(live)], gone)
            old_labels, old_marks = g.labels, g.marks
            place_labels(j, g, [])  # no card moved: only labels near these arrows can move
            moved = {c for c in g.labels.keys() | old_labels.keys() if g.labels.get(c) != old_labels.get(c)}
            moved |= {c for c in g.marks.keys() | old_marks.keys() if g.marks.get(c) != old_marks.get(c)}
            self._dirty_connections |= moved
        for conn_id in {*result.connections, *self._dirty_connections}:
            if self.doc.has("connections", conn_id):
                self._sync_connection(self.doc.connection(conn_id))
            else:
                g.connections.pop(conn_id, None)
                item = self._items.pop(conn_id, None)
                if item is not None:
                    self.removeItem(item)
        if self._emotions_dirty and not result.curves:
            g.emotion_points.clear()
            g.curves.clear()
            g.bands.clear()
            place_curves(j, g)
        if result.curves or self._emotions_dirty:
            self._sync_emotions(set())
        return True

    # ------------------------------------------------------------------ full
    def sync(self) -> None:
        """Make every item match the document and a fresh layout of the whole map."""
        j = self.doc.journey
        g = self.geometry = compute(j)
        self._grid.sync(g, j.scale)
        live: set[str] = set()
        headers: list[tuple[list[Any], dict[str, Rect], Callable[..., HeaderItem]]] = [
            (j.stages, g.stages, self._new_stage),
            (j.lanes, g.lanes, self._new_lane),
        ]
        for entities, rects, make in headers:
            for entity in entities:
                r = rects[entity.id]
                item = self._ensure(entity.id, partial(make, entity, r.w, r.h))
                assert isinstance(item, HeaderItem)
                if item.entity is not entity:
                    item.sync(entity)
                item.place(r.x, r.y, r.w, r.h)
                live.add(entity.id)
        cards = g.cards
        self._tally = tally(j)
        for card in j.cards:
            self._sync_card(card, cards.get(card.id))
            live.add(card.id)
        self._sync_emotions(live)
        for conn in j.connections:
            self._sync_connection(conn)
            live.add(conn.id)
        for element_id in set(self._items) - live:
            self.removeItem(self._items.pop(element_id))
        self.setSceneRect(-40, -40, g.width + 80, g.height + 80)
        self.synced.emit()

    def _sync_card(self, card: Card, rect: Rect | None) -> None:
        item = self._items.get(card.id)
        if item is None:
            item = self._items[card.id] = self._new_card(card, rect)
            self.addItem(item)
        assert isinstance(item, CardItem)
        if item.card is not card:
            item.sync(card)
        item.set_votes(self._tally[card.id])
        if rect is None:
            item.setVisible(False)
        else:
            item.set_size(rect.w, rect.h)
            item.setPos(rect.x, rect.y)
            item.setVisible(True)

    def _sync_connection(self, conn: Any) -> None:
        points = self.geometry.connections.get(conn.id)
        item = self._ensure(conn.id, partial(ConnectionItem, conn))
        assert isinstance(item, ConnectionItem)
        g = self.geometry
        item.sync(conn, points or [], g.labels.get(conn.id), label_text(g, conn.id, conn.label))
        item.setVisible(points is not None)

    def _sync_emotions(self, live: set[str]) -> None:
        """Points and curves. `live` collects the point ids (a full sync drops the other items)."""
        j, g = self.doc.journey, self.geometry
        colours = {p.id: p.colour for p in j.personas}
        names = {p.id: p.name for p in j.personas}
        labels = j.scale.labels
        for point in j.emotions:
            pos = g.emotion_points.get(point.id)
            item = self._ensure(point.id, partial(self._new_point, point.id, colours[point.persona_id]))
            assert isinstance(item, EmotionPointItem)
            item.setVisible(pos is not None and point.persona_id not in self.hidden_personas)
            if pos is not None:
                label = labels.get(point.score, "")
                tip = f"<b>{escape(names[point.persona_id])}</b>: {point.score:+d} {escape(label)}"
                if point.note:
                    tip += f"<br>{escape(point.note)}"
                item.place(pos, colours[point.persona_id], tip + "<br><i>Drag up or down to change</i>")
            live.add(point.id)
        for persona in j.personas:
            curve = self._curves.get(persona.id)
            if curve is None:
                curve = self._curves[persona.id] = EmotionCurveItem(persona.id, persona.colour)
                self.addItem(curve)
            curve.set_colour(persona.colour)
            curve.sync([pos for _, pos in g.curves.get(persona.id, [])])
            curve.setVisible(persona.id not in self.hidden_personas)
            bands = self._bands.get(persona.id)
            if bands is None:
                bands = self._bands[persona.id] = RatingBandsItem(persona.id, persona.colour)
                self.addItem(bands)
            bands.sync(g.bands.get(persona.id, []), persona.colour)
            bands.setVisible(persona.id not in self.hidden_personas)
        for gone in set(self._curves) - {p.id for p in j.personas}:
            self.removeItem(self._curves.pop(gone))
        for gone in set(self._bands) - {p.id for p in j.personas}:
            self.removeItem(self._bands.pop(gone))

    def set_persona_visible(self, persona_id: str, visible: bool) -> None:
        """Show or hide one persona's curve and points (a view setting, not part of the map)."""
        if visible:
            self.hidden_personas.discard(persona_id)
        else:
            self.hidden_personas.add(persona_id)
        self._sync_emotions(set())

    def _ensure(self, element_id: str, make: Callable[[], QGraphicsItem]) -> QGraphicsItem:
        item = self._items.get(element_id)
        if item is None:
            item = self._items[element_id] = make()
            self.addItem(item)
        return item

    # ------------------------------------------------------------------ item factories
    def _new_card(self, card: Card, rect: Rect | None) -> CardItem:
        return CardItem(card, rect.w if rect else 10, rect.h if rect else 10)

    def _new_stage(self, stage: Any, w: float, h: float) -> HeaderItem:
        raise NotImplementedError

    def _new_lane(self, lane: Any, w: float, h: float) -> HeaderItem:
        raise NotImplementedError

    def _new_point(self, point_id: str, colour: str) -> EmotionPointItem:
        return EmotionPointItem(point_id, colour)
