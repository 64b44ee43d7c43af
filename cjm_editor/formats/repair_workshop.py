"""Repairs for the workshop's collections (format 4), reported like the rest of repair.py: a vote or
rating whose participant is missing gets a visible placeholder participant; a rating's missing persona
a placeholder persona; a vote whose card, or a rating whose stage or card, is gone is removed and
listed; a rating outside the scale is clamped; a participant's second rating of the same persona at
the same place is removed."""

from __future__ import annotations

import dataclasses

from cjm_editor.formats.errors import LoadReport
from cjm_editor.formats.placeholders import PlaceholderIds, add_persona
from cjm_editor.model.journey import Journey, Participant


def repair_workshop(j: Journey, report: LoadReport, personas: dict[str, str] | None = None) -> None:
    """`personas` maps a missing persona's id to its placeholder's (repair.py made it already). A
    placeholder takes the missing id unless an element of any kind has it (ids are unique across
    kinds): then it gets a fresh one and the votes and ratings follow, so the next open repairs nothing."""
    place = PlaceholderIds(j).claim
    people = {p.id: p.id for p in j.participants}
    persona_ids = {p.id: p.id for p in j.personas} | (personas or {})

    def person(pid: str | None, where: str) -> str | None:
        if pid is not None and pid not in people:
            people[pid] = place(pid)
            j.participants.append(Participant(id=people[pid], name=f"Missing participant ({pid[:60]})"))
            report.add(where, f"participant {pid!r} does not exist; added a placeholder participant")
        return None if pid is None else people[pid]

    cards = {c.id for c in j.cards}
    kept_votes = []
    for i, v in enumerate(j.votes):
        if v.card_id not in cards:
            report.add(f"votes[{i}].card", f"card {v.card_id!r} does not exist; removed this vote")
            continue
        who = person(v.participant_id, f"votes[{i}].participant")
        kept_votes.append(v if who == v.participant_id else dataclasses.replace(v, participant_id=who))
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
        who = people.get(r.participant_id, r.participant_id) if r.participant_id is not None else None
        key = (who, persona_ids.get(r.persona_id, r.persona_id), r.anchor_kind, r.anchor_id)
        if r.participant_id is not None and key in seen:
            report.add(f"ratings[{i}]", "a second rating by the same participant there; removed it")
            continue
        if r.persona_id not in persona_ids:
            persona_ids[r.persona_id] = add_persona(j, r.persona_id, place(r.persona_id))
            report.add(
                f"ratings[{i}].persona", f"persona {r.persona_id!r} does not exist; added a placeholder"
            )
        who = person(r.participant_id, f"ratings[{i}].participant")
        r = dataclasses.replace(r, persona_id=persona_ids[r.persona_id], participant_id=who)
        key = (who, r.persona_id, r.anchor_kind, r.anchor_id)
        if not scale.min <= r.score <= scale.max:  # a rating may be fractional: not scale.clamp's int
            clamped = max(scale.min, min(scale.max, r.score))
            report.add(
                f"ratings[{i}].score",
                f"score {r.score:g} is outside {scale.min}..{scale.max}; set to {clamped:g}",
            )
            r = dataclasses.replace(r, score=clamped)
        seen.add(key)
        kept.append(r)
    j.ratings[:] = kept
