"""Repair what a hand-edited or damaged file gets wrong about references, and report every change.

Nothing is dropped silently: duplicate ids are re-keyed; a reference to a missing stage, lane or
persona creates a visible placeholder with that id; what cannot be placed (an arrow or a score whose
card is gone) is removed and listed in the report.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter

from cjm_editor.formats.errors import LoadReport
from cjm_editor.formats.placeholders import PlaceholderIds, add_persona
from cjm_editor.formats.repair_workshop import repair_workshop
from cjm_editor.model.ids import new_id
from cjm_editor.model.journey import Journey, Lane, Stage
from cjm_editor.model.normalize import normalize
from cjm_editor.model.registry import COLLECTIONS


def repair(j: Journey, report: LoadReport) -> None:
    """Make `j` satisfy every invariant JourneyDocument relies on, recording each change in `report`."""
    _rekey_duplicates(j, report)
    read = {spec.name: len(getattr(j, spec.name)) for spec in COLLECTIONS}
    personas = _placeholders(j, report)
    _emotions(j, report)
    _connections(j, report)
    repair_workshop(j, report, personas)
    _order_keys(j, report, read)


def _order_keys(j: Journey, report: LoadReport, read: dict[str, int]) -> None:
    """Key what has no valid order key and sort every list; report the elements read from the file
    (placeholders added above come after them and take keys after their siblings silently)."""
    for name, index, old, in_place in normalize(j):
        if index < read[name]:
            found = f"the invalid key {old[:40]!r}" if old else "no order key"
            where = "that keeps its place in the file" if in_place else "after its siblings"
            report.add(f"{name}[{index}].order", f"{found}; gave it a key {where}")


def _rekey_duplicates(j: Journey, report: LoadReport) -> None:
    ids = [j.id]
    for spec in COLLECTIONS:
        ids += map(attrgetter("id"), getattr(j, spec.name))
    if len(set(ids)) == len(ids):
        return  # no id twice: nothing to re-key
    seen: set[str] = {j.id}
    for spec in COLLECTIONS:
        name = spec.name
        items = getattr(j, name)
        for i, e in enumerate(items):
            if e.id in seen:
                fresh = new_id()
                report.add(f"{name}[{i}].id", f"duplicate id {e.id!r}; this element now has the id {fresh!r}")
                items[i] = dataclasses.replace(e, id=fresh)
                seen.add(fresh)
            else:
                seen.add(e.id)


def _placeholders(j: Journey, report: LoadReport) -> dict[str, str]:
    """A placeholder takes the missing id, unless another kind of element already has that id: then
    it gets a fresh one and the references follow it, so the next open finds nothing to repair.
    Returns each persona id referred to -> the id of the persona it is now (for the ratings)."""
    place = PlaceholderIds(j).claim
    stages = {s.id: s.id for s in j.stages}
    lanes = {lane.id: lane.id for lane in j.lanes}
    personas = {p.id: p.id for p in j.personas}

    for i, c in enumerate(j.cards):
        stage_id, lane_id = c.stage_id, c.lane_id
        if stage_id not in stages:
            stages[stage_id] = place(stage_id)
            j.stages.append(Stage(id=stages[stage_id], name=f"Missing stage ({stage_id[:60]})"))
            report.add(f"cards[{i}].stage", f"stage {stage_id!r} does not exist; added a placeholder stage")
        if lane_id not in lanes:
            lanes[lane_id] = place(lane_id)
            j.lanes.append(Lane(id=lanes[lane_id], name=f"Missing lane ({lane_id[:60]})", kind="notes"))
            report.add(f"cards[{i}].lane", f"lane {lane_id!r} does not exist; added a placeholder lane")
        for pid in c.personas:
            if pid not in personas:
                personas[pid] = add_persona(j, pid, place(pid))
                report.add(
                    f"cards[{i}].personas", f"persona {pid!r} does not exist; added a placeholder persona"
                )
        new_personas = tuple(personas[p] for p in c.personas) if c.personas else c.personas
        if stages[stage_id] != stage_id or lanes[lane_id] != lane_id or new_personas != c.personas:
            j.cards[i] = dataclasses.replace(
                c, stage_id=stages[stage_id], lane_id=lanes[lane_id], personas=new_personas
            )
    for i, e in enumerate(j.emotions):
        if e.persona_id not in personas:
            personas[e.persona_id] = add_persona(j, e.persona_id, place(e.persona_id))
            report.add(
                f"emotions[{i}].persona", f"persona {e.persona_id!r} does not exist; added a placeholder"
            )
        anchor = stages.get(e.anchor_id, e.anchor_id) if e.anchor_kind == "stage" else e.anchor_id
        if (personas[e.persona_id], anchor) != (e.persona_id, e.anchor_id):
            j.emotions[i] = dataclasses.replace(e, persona_id=personas[e.persona_id], anchor_id=anchor)
    return personas


def _emotions(j: Journey, report: LoadReport) -> None:
    anchors = {"stage": {s.id for s in j.stages}, "card": {c.id for c in j.cards}}
    seen: set[tuple[str, str, str]] = set()
    kept = []
    scale = j.scale
    for i, e in enumerate(j.emotions):
        key = (e.persona_id, e.anchor_kind, e.anchor_id)
        if e.anchor_id not in anchors[e.anchor_kind]:
            report.add(
                f"emotions[{i}].{e.anchor_kind}",
                f"{e.anchor_kind} {e.anchor_id!r} does not exist; removed this score ({e.score})",
            )
            continue
        if key in seen:
            report.add(
                f"emotions[{i}]",
                f"a second score for the same persona and {e.anchor_kind}; removed it ({e.score})",
            )
            continue
        if not scale.contains(e.score):
            clamped = scale.clamp(e.score)
            report.add(
                f"emotions[{i}].score",
                f"score {e.score} is outside {scale.min}..{scale.max}; set to {clamped}",
            )
            e = dataclasses.replace(e, score=clamped)
        seen.add(key)
        kept.append(e)
    j.emotions[:] = kept


def _connections(j: Journey, report: LoadReport) -> None:
    cards = {c.id for c in j.cards}
    seen: set[tuple[str, str]] = set()
    kept = []
    for i, c in enumerate(j.connections):
        missing = [end for end in (c.source_id, c.target_id) if end not in cards]
        if missing:
            report.add(f"connections[{i}]", f"card {missing[0]!r} does not exist; removed this connection")
        elif c.source_id == c.target_id:
            report.add(f"connections[{i}]", "a card connected to itself; removed this connection")
        elif (c.source_id, c.target_id) in seen:
            report.add(f"connections[{i}]", "these cards were already connected; removed the copy")
        else:
            seen.add((c.source_id, c.target_id))
            kept.append(c)
    j.connections[:] = kept
