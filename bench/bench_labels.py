"""Arrows and their labels on the largest maps: routing with tracks and placing 2,000 labels, against
the same layout with no label; a drop within a cell, where only the labels it touches move."""

from __future__ import annotations

import dataclasses
import random

from bench.harness import Result, best_of
from bench.synth import synthetic_map

WORDS = ["yes", "no", "after 2 days", "if paid", "retry", "escalate to support"]
NOTE = (
    "every connection runs between touchpoints, so all 20,000 arrows share the gaps of one lane and "
    "most labels find no room (they become numbers, or go to the key only); a worst case, not a "
    "typical map"
)


def labelled_map(cards: int, connections: int, every: int, seed: int = 3):  # noqa: ANN201
    """A synthetic map with a label on every `every`-th connection."""
    j = synthetic_map(cards, connections=connections)
    rng = random.Random(seed)
    j.connections = [
        dataclasses.replace(c, label=rng.choice(WORDS)) if i % every == 0 else c
        for i, c in enumerate(j.connections)
    ]
    return j


def run() -> list[Result]:
    from cjm_editor.layout import compute
    from cjm_editor.layout.incremental import relayout_cells
    from cjm_editor.model import JourneyDocument

    size = "10,000 cards, 20,000 connections, 2,000 labels"
    labelled = labelled_map(10_000, 20_000, 10)
    bare = dataclasses.replace(
        labelled, connections=[dataclasses.replace(c, label="") for c in labelled.connections]
    )
    floor = best_of(lambda: compute(bare), repeat=3)
    ours = best_of(lambda: compute(labelled), repeat=3)
    results = [
        Result(
            "lay out the map, labels placed",
            size,
            ours,
            floor,
            None,
            "the same map without labels",
            note=NOTE,
        )
    ]
    doc = JourneyDocument(labelled)
    g = compute(doc.journey)
    card = [c for c in doc.journey.cards if c.kind == "touchpoint"][700]
    cell = (card.stage_id, card.lane_id)
    moves = iter(range(1000))

    def drop() -> None:
        doc.move_card_to(card.id, *cell, 1 + 5 * (next(moves) % 2))
        relayout_cells(g, doc.journey, {cell}, (), doc.cell_cards)

    drop()
    results.append(Result("relayout after a drop within a cell", size, best_of(drop, repeat=5), None, None))
    return results
