"""Cards taken out of one map to be put into another (copy, cut, paste, duplicate).

A snippet is a small Journey: the copied cards in map order, the connections between them, and the
stages, lanes and personas they name, so a paste into another map can find matching places.
"""

from __future__ import annotations

import dataclasses

from cjm_editor.model.ids import new_id
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, Card, Connection, Journey


def take(journey: Journey, card_ids: set[str]) -> Journey:
    """The snippet of `card_ids` from `journey`."""
    cards = [c for c in journey.cards if c.id in card_ids]
    stage_ids = {c.stage_id for c in cards}
    lane_ids = {c.lane_id for c in cards}
    persona_ids = {p for c in cards for p in c.personas}
    return Journey(
        title=journey.title,
        scale=journey.scale,
        personas=[p for p in journey.personas if p.id in persona_ids],
        stages=[s for s in journey.stages if s.id in stage_ids],
        lanes=[lane for lane in journey.lanes if lane.id in lane_ids],
        cards=cards,
        connections=[c for c in journey.connections if c.source_id in card_ids and c.target_id in card_ids],
    )


def _place(snippet: Journey, target: Journey, card: Card) -> tuple[str, str] | None:
    """Same stage and lane by id, else by name, else the first stage and a lane of the card's kind."""
    if not target.stages or not target.lanes:
        return None
    stage_name = next((s.name for s in snippet.stages if s.id == card.stage_id), "")
    lane_name = next((lane.name for lane in snippet.lanes if lane.id == card.lane_id), "")
    stage = next((s for s in target.stages if s.id == card.stage_id), None) or next(
        (s for s in target.stages if s.name == stage_name), target.stages[0]
    )
    lane = (
        next((lane for lane in target.lanes if lane.id == card.lane_id), None)
        or next((lane for lane in target.lanes if lane.name == lane_name), None)
        or next((lane for lane in target.lanes if CARD_KIND_FOR_LANE[lane.kind] == card.kind), None)
        or target.lanes[0]
    )
    return stage.id, lane.id


def paste(
    snippet: Journey, target: Journey, cell: tuple[str, str] | None = None
) -> tuple[list[Card], list[Connection]]:
    """New cards (fresh ids) and connections for putting the snippet into `target`: all into `cell`
    when given, else each where it came from (see `_place`). Personas the target lacks are dropped
    from the cards. Cards with nowhere to go (a map without stages or lanes) are left out."""
    personas = {p.id for p in target.personas}
    new_ids: dict[str, str] = {}
    cards: list[Card] = []
    for card in snippet.cards:
        place = cell or _place(snippet, target, card)
        if place is None:
            continue
        new_ids[card.id] = new_id()
        cards.append(
            dataclasses.replace(
                card,
                id=new_ids[card.id],
                stage_id=place[0],
                lane_id=place[1],
                personas=tuple(p for p in card.personas if p in personas),
                extra=dict(card.extra),
            )
        )
    connections = [
        Connection(new_ids[c.source_id], new_ids[c.target_id], label=c.label)
        for c in snippet.connections
        if c.source_id in new_ids and c.target_id in new_ids
    ]
    return cards, connections


def cards_from_text(text: str, stage_id: str, lane_id: str, kind: str) -> list[Card]:
    """Plain text pasted from elsewhere: one card per non-empty line."""
    return [Card(stage_id, lane_id, kind, line.strip()) for line in text.splitlines() if line.strip()]


def matching_cards(journey: Journey, text: str) -> list[str]:
    """Ids of the cards whose title, details, tags, channel, owner or source contain `text`
    (ignoring case), in stage order then cell order: the order Find steps through them."""
    needle = text.casefold().strip()
    if not needle:
        return []
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    hits = []
    for index, c in enumerate(journey.cards):
        haystack = " ".join((c.title, c.body, c.channel, c.owner, c.source, *c.tags)).casefold()
        if needle in haystack:
            hits.append((stage_rank.get(c.stage_id, -1), lane_rank.get(c.lane_id, -1), index, c.id))
    return [hit[3] for hit in sorted(hits)]
