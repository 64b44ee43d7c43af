"""Repairs for the workshop's collections (format 4), reported like the rest of repair.py: a vote or
rating whose participant is missing gets a visible placeholder participant; a rating's missing persona
a placeholder persona; a vote whose card, or a rating whose stage or card, is gone is removed and
listed; a rating outside the scale is clamped; a participant's second rating of the same persona at
the same place is removed."""

from __future__ import annotations

import dataclasses

from cjm_editor.formats.errors import LoadReport
from cjm_editor.model.journey import Journey, Participant, Persona


def repair_workshop(j: Journey, report: LoadReport) -> None:
    people = {p.id for p in j.participants}
    personas = {p.id for p in j.personas}

    def person(pid: str | None, where: str) -> None:
        if pid is not None and pid not in people:
            j.participants.append(Participant(id=pid, name=f"Missing participant ({pid})"))
            people.add(pid)
            report.add(where, f"participant {pid!r} does not exist; added a placeholder participant")

    cards = {c.id for c in j.cards}
    kept_votes = []
    for i, v in enumerate(j.votes):
        if v.card_id not in cards:
            report.add(f"votes[{i}].card", f"card {v.card_id!r} does not exist; removed this vote")
            continue
        if v.participant_id is not None and v.participant_id not in people:
            person(v.participant_id, f"votes[{i}].participant")
        kept_votes.append(v)
    j.votes[:] = kept_votes
    anchors = {"stage": {s.id for s in j.stages}, "card": cards}
    seen: set[tuple[str | None, str, str, str]] = set()
    kept = []
    scale = j.scale
    for i, r in enumerate(j.ratings):
        if r.anchor_id not in anchors[r.anchor_kind]:
            report.add(
                f"ratings[{i}].{r.anchor_kind}",
                f"{r.anchor_kind} {r.anchor_id!r} does not exist; removed this rating ({r.score:g})",
            )
            continue
        key = (r.participant_id, r.persona_id, r.anchor_kind, r.anchor_id)
        if r.participant_id is not None and key in seen:
            report.add(f"ratings[{i}]", "a second rating by the same participant there; removed it")
            continue
        if r.persona_id not in personas:
            j.personas.append(
                Persona(id=r.persona_id, name=f"Missing persona ({r.persona_id})", colour="#888888")
            )
            personas.add(r.persona_id)
            report.add(
                f"ratings[{i}].persona", f"persona {r.persona_id!r} does not exist; added a placeholder"
            )
        person(r.participant_id, f"ratings[{i}].participant")
        if not scale.min <= r.score <= scale.max:
            clamped = max(scale.min, min(scale.max, r.score))
            report.add(
                f"ratings[{i}].score",
                f"score {r.score:g} is outside {scale.min}..{scale.max}; set to {clamped:g}",
            )
            r = dataclasses.replace(r, score=clamped)
        seen.add(key)
        kept.append(r)
    j.ratings[:] = kept
