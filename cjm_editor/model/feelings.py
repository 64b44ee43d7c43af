"""How a persona feels in a stage when the map has several emotion points there: the one rule that
the print (faces, persona sheets, curves chart) and the insights (moments of truth, persona
differences) both follow.

The rule, printed on the sheets that use it: a stage shows the persona's LOWEST point in it, the
stage's own point or a point at one of the stage's cards (named when it is a card's; the stage's own
point wins a tie, then the first card point). Every point's note is kept, so nothing said about the
stage is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjm_editor.model.journey import Journey

RULE = "Several points in one stage: the lowest is shown, with the card it belongs to."


@dataclass(frozen=True, slots=True)
class StageFeeling:
    score: int
    card: str | None  # the title of the card whose point is the lowest; None: the stage's own point
    points: int  # how many points the persona has in the stage
    notes: tuple[str, ...]
    card_id: str | None = None  # the id of that card


def stage_feelings(j: Journey) -> dict[tuple[str, str], StageFeeling]:
    """(persona id, stage id) -> how the persona feels there."""
    stage_of = {c.id: c.stage_id for c in j.cards}
    titles = {c.id: c.title for c in j.cards}
    found: dict[tuple[str, str], list[tuple[int, bool, str | None, str]]] = {}
    for e in j.emotions:
        if e.anchor_kind == "stage":
            stage, card = e.anchor_id, None
        elif e.anchor_id in stage_of:
            stage, card = stage_of[e.anchor_id], e.anchor_id
        else:
            continue
        found.setdefault((e.persona_id, stage), []).append((e.score, card is not None, card, e.note))
    out = {}
    for key, points in found.items():
        score, _, card, _ = min(points, key=lambda p: (p[0], p[1]))  # min is stable: the first card
        notes = tuple(note for *_, note in points if note)
        out[key] = StageFeeling(score, titles[card] if card else None, len(points), notes, card)
    return out


def persona_feelings(j: Journey) -> dict[str, dict[str, StageFeeling]]:
    """Per persona id (every persona of the map), its feeling per stage id (stages without a point
    are absent)."""
    out: dict[str, dict[str, StageFeeling]] = {p.id: {} for p in j.personas}
    for (pid, sid), feeling in stage_feelings(j).items():
        if pid in out:
            out[pid][sid] = feeling
    return out
