"""Which opportunities address which pain points: the one rule the pains table of the handouts and
the insights both follow.

A connection on the map between a pain point and an opportunity (either direction) pairs them. A pain
point that no connection pairs is paired with the opportunities of its own stage that no connection
pairs with another pain point ("same stage"). An opportunity paired with no pain point addresses none.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjm_editor.model.journey import Card, Journey

RULE = (
    "An opportunity addresses a pain point when a connection on the map joins the two cards; "
    "a pain point without one is paired with the opportunities of its stage that are not connected "
    "to another pain point (marked “same stage”)."
)
CONNECTED, SAME_STAGE = "connected", "same stage"


@dataclass(frozen=True, slots=True)
class Pairing:
    """A pain point with the opportunities that address it, each with how it was paired."""

    pain: Card
    ideas: tuple[tuple[Card, str], ...]  # (opportunity, CONNECTED or SAME_STAGE), in reading order


def pairings(j: Journey) -> tuple[list[Pairing], list[Card]]:
    """Every pain point (in reading order) with its opportunities, and the opportunities that address
    no pain point (in reading order)."""
    by_id = {c.id: c for c in j.cards}
    linked: dict[str, list[str]] = {}
    connected_ideas: set[str] = set()
    for conn in j.connections:
        a, b = by_id.get(conn.source_id), by_id.get(conn.target_id)
        if a is None or b is None:
            continue
        for pain, idea in ((a, b), (b, a)):
            if pain.kind == "pain-point" and idea.kind == "opportunity":
                linked.setdefault(pain.id, [])
                if idea.id not in linked[pain.id]:
                    linked[pain.id].append(idea.id)
                connected_ideas.add(idea.id)
    rank = {c.id: i for i, c in enumerate(j.cards)}
    free_by_stage: dict[str, list[Card]] = {}
    for c in j.cards:
        if c.kind == "opportunity" and c.id not in connected_ideas:
            free_by_stage.setdefault(c.stage_id, []).append(c)
    out: list[Pairing] = []
    used: set[str] = set()
    for c in j.cards:
        if c.kind != "pain-point":
            continue
        if c.id in linked:
            ideas = tuple((by_id[i], CONNECTED) for i in sorted(linked[c.id], key=rank.__getitem__))
        else:
            ideas = tuple((i, SAME_STAGE) for i in free_by_stage.get(c.stage_id, []))
        used.update(i.id for i, _ in ideas)
        out.append(Pairing(c, ideas))
    unpaired = [c for c in j.cards if c.kind == "opportunity" and c.id not in used]
    return out, unpaired
