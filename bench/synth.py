"""Synthetic maps of any size, shaped like real ones (8 stages, 8 lanes, every card kind)."""

from __future__ import annotations

import random

from cjm_editor.model import Card, Connection, EmotionPoint, Journey, Lane, Persona, Stage
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, LANE_KINDS, Vote

WORDS = ["checkout", "delivery", "support", "email", "onboarding", "renewal", "referral", "app", "review"]
WORDS += ["price", "chat", "box", "menu"]


def synthetic_map(cards: int, stages: int = 8, connections: int | None = None, seed: int = 1) -> Journey:
    """A map with `cards` cards spread over a stage x lane grid, two personas, and a flow."""
    rng = random.Random(seed)
    j = Journey(id=f"synthetic-{cards}", title=f"Synthetic map, {cards} cards")
    j.personas = [
        Persona(id="p1", name="Maya", colour="#d1495b"),
        Persona(id="p2", name="Robert", colour="#2e86ab"),
    ]
    j.stages = [Stage(id=f"s{i}", name=f"Stage {i + 1}") for i in range(stages)]
    kinds = [k for k in LANE_KINDS if k != "emotions"][:7]
    j.lanes = [Lane(id=f"l{i}", name=k.title(), kind=k) for i, k in enumerate(kinds)]
    for i in range(cards):
        lane = j.lanes[i % len(j.lanes)]
        kind = CARD_KIND_FOR_LANE[lane.kind]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).capitalize()
        card = Card(id=f"c{i}", stage_id=f"s{(i * stages) // cards}", lane_id=lane.id, kind=kind, title=title)
        if kind == "touchpoint":
            card.channel, card.owner = (
                rng.choice(["web", "email", "phone"]),
                rng.choice(["Marketing", "Product"]),
            )
        elif kind == "metric":
            card.value, card.target, card.unit = rng.randint(1, 90), 80, "%"
        elif kind == "quote":
            card.source = f"Interview #{rng.randint(1, 40)}"
        j.votes += [Vote(card.id, id=f"v{i}-{k}") for k in range(rng.choice([0, 0, 0, 1, 2, 5]))]
        j.cards.append(card)
    for p in j.personas:
        for s in j.stages:
            j.emotions.append(EmotionPoint(p.id, "stage", s.id, rng.randint(-2, 2), id=f"e-{p.id}-{s.id}"))
    touch = [c.id for c in j.cards if c.kind == "touchpoint"]
    wanted = len(touch) if connections is None else connections
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < min(wanted, len(touch) * (len(touch) - 1)) and len(touch) > 1:
        a, b = rng.sample(range(len(touch)), 2)
        pairs.add((touch[min(a, b)], touch[max(a, b)]) if rng.random() < 0.9 else (touch[a], touch[b]))
    j.connections = [Connection(a, b, id=f"k{i}") for i, (a, b) in enumerate(sorted(pairs))]
    return j
