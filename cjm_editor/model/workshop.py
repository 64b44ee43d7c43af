"""What a workshop's votes and ratings add up to: tallies, rankings and rating spreads.

Votes and ratings are data (`Journey.votes`, `Journey.ratings`); what is drawn or printed from them is
derived here, never stored. Everything that shows a card's votes (canvas badges, layout, insights,
CSV/Mermaid export, PDF) reads `tally(journey)`.

Ratings sit beside emotion points: an EmotionPoint is the designer's own score, a Rating one
participant's. At an anchor (a stage or a card) for a persona, the spread is the participants'
ratings only: their mean, min-max band and n. The curve goes through that mean where there are
ratings, and through the designer's point where there are none; the designer's point is drawn as its
own handle and never counted as a rating. A single rating is n = 1: the curve passes through it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cjm_editor.model.journey import Card, Journey

Anchor = tuple[str, str, str]
"""(persona id, anchor kind, anchor id)."""

ANONYMOUS = "Anonymous"


def tally(journey: Journey) -> Counter[str]:
    """Votes per card id (cards without votes are absent: a Counter gives 0)."""
    return Counter(v.card_id for v in journey.votes)


def voters(journey: Journey) -> dict[str, list[str]]:
    """Per card id, who voted, one name per dot in participant order (anonymous votes last)."""
    names = {p.id: p.name for p in journey.participants}
    rank = {p.id: i for i, p in enumerate(journey.participants)}
    out: dict[str, list[str]] = {}
    far = len(rank)
    for v in sorted(journey.votes, key=lambda v: rank.get(v.participant_id or "", far)):
        out.setdefault(v.card_id, []).append(names.get(v.participant_id or "", ANONYMOUS))
    return out


def who_voted(names: tuple[str, ...] | list[str]) -> str:
    """Voters as a person reads them: "Ana ×2, Ben" (in the order given)."""
    counts = Counter(names)
    return ", ".join(f"{n} ×{counts[n]}" if counts[n] > 1 else n for n in dict.fromkeys(names))


def vote_refusal(journey: Journey, card: Card, participant_id: str, participant_name: str) -> str | None:
    """Why this participant may not put a dot on this card now (None: they may): the card's kind
    does not take votes, or their N-th dot is placed."""
    workshop = journey.workshop
    if card.kind not in workshop.votable:
        return f"{card.kind} cards do not take votes in this workshop"
    if dots_left(journey, participant_id) == 0:
        return f"{participant_name} has used all {workshop.dots} dots"
    return None


def dots_used(journey: Journey, participant_id: str) -> int:
    return sum(1 for v in journey.votes if v.participant_id == participant_id)


def dots_left(journey: Journey, participant_id: str) -> int:
    return max(0, journey.workshop.dots - dots_used(journey, participant_id))


@dataclass(frozen=True, slots=True)
class Ranked:
    card: Card
    votes: int
    voters: tuple[str, ...]


def ranking(journey: Journey, kinds: tuple[str, ...] | None = None) -> dict[str, list[Ranked]]:
    """Cards ranked by votes, most first (ties in reading order), per card kind. `kinds` None: the
    workshop's votable kinds plus any kind that has votes."""
    counts, who = tally(journey), voters(journey)
    if kinds is None:
        voted = {c.kind for c in journey.cards if counts[c.id]}
        kinds = tuple(k for k in (*journey.workshop.votable, *sorted(voted)) if k)
        kinds = tuple(dict.fromkeys(kinds))
    out: dict[str, list[Ranked]] = {}
    for kind in kinds:
        cards = [c for c in journey.cards if c.kind == kind]
        ranked = sorted(enumerate(cards), key=lambda ic: (-counts[ic[1].id], ic[0]))
        out[kind] = [Ranked(c, counts[c.id], tuple(who.get(c.id, ()))) for _, c in ranked]
    return out


@dataclass(frozen=True, slots=True)
class Spread:
    """The scores at one anchor for one persona: their mean, lowest, highest and how many."""

    mean: float
    low: float
    high: float
    n: int


def spread_of(scores: list[float]) -> Spread:
    if not scores:
        raise ValueError("no scores")
    return Spread(sum(scores) / len(scores), min(scores), max(scores), len(scores))


def spreads(journey: Journey) -> dict[Anchor, Spread]:
    """Per rated (persona, anchor kind, anchor id): the spread of the participants' ratings there
    (the designer's emotion point is not a rating and is not counted)."""
    scores: dict[Anchor, list[float]] = {}
    for r in journey.ratings:
        scores.setdefault((r.persona_id, r.anchor_kind, r.anchor_id), []).append(float(r.score))
    return {anchor: spread_of(values) for anchor, values in scores.items()}


def rating_lines(
    journey: Journey, anchor_kind: str, anchor_id: str, persona_id: str | None = None
) -> list[str]:
    """The ratings at a stage or card as a person reads them, per persona with its spread first:
    "Maya: mean -0.67 (-2 to +1, n=3)", then "  -2 by Ana — note", then the map's own point there,
    which is not a rating: "  -2 on the map itself (not counted)"."""
    people = {p.id: p.name for p in journey.participants}
    own: dict[tuple[str, str, str], int] = {
        (e.persona_id, e.anchor_kind, e.anchor_id): e.score for e in journey.emotions
    }
    out: list[str] = []
    spread = spreads(journey)
    for persona in journey.personas:
        if persona_id is not None and persona.id != persona_id:
            continue
        here = [
            r
            for r in journey.ratings
            if (r.persona_id, r.anchor_kind, r.anchor_id) == (persona.id, anchor_kind, anchor_id)
        ]
        if not here:
            continue
        s = spread[(persona.id, anchor_kind, anchor_id)]
        out.append(f"{persona.name}: mean {s.mean:+.2f} ({s.low:+g} to {s.high:+g}, n={s.n})")
        for r in here:
            note = f" — {r.note}" if r.note else ""
            out.append(f"  {r.score:+g} by {people.get(r.participant_id or '', ANONYMOUS)}{note}")
        if (persona.id, anchor_kind, anchor_id) in own:
            out.append(f"  {own[(persona.id, anchor_kind, anchor_id)]:+g} on the map itself (not counted)")
    return out


def rescale(score: float, lo: float, hi: float, to_lo: float, to_hi: float) -> float:
    """A score on the scale lo..hi mapped linearly onto to_lo..to_hi (rounded to 2 decimals)."""
    if hi <= lo:
        raise ValueError("a scale's maximum must be above its minimum")
    return round(to_lo + (score - lo) * (to_hi - to_lo) / (hi - lo), 2)
