"""What a map loses as CSV cards (formats/csv_cards.py), one line per kind of loss with its count, so
an export says what it left out, as the Mermaid export does. Empty: the CSV imports back as the map
(ids, order, personas, stages, lanes, cards and their scores)."""

from __future__ import annotations

from collections import Counter

from cjm_editor.formats.csv_cells import writable_name
from cjm_editor.model.journey import LANE_KINDS, SCALE_PRESETS, Journey, Workshop, persona_colour
from cjm_editor.model.vocabulary import counted


def losses(j: Journey) -> list[str]:
    """What the CSV cannot hold, e.g. "not in CSV: 11 connections between cards"."""
    out: list[str] = []

    def lost(n: int, word: str, what: str = "") -> None:
        if n:
            out.append(f"not in CSV: {counted(n, word)}{what}")

    if j.title or j.description:
        out.append("not in CSV: the map's title and description (an import takes the file's name)")
    odd = sum(1 for c in j.connections if ";" in c.target_id or c.target_id.strip() != c.target_id)
    lost(odd, "connection", " to a card whose id holds “;” or spaces around it")
    lost(sum(1 for c in j.connections if c.label), "connection label")
    lost(len(j.connections), "connection id", " (the connections come back as new ones)")
    lost(len(j.links), "link", " to related maps")
    details = [p for p in j.personas if p.goals or p.needs or p.pain_points or p.channels]
    if details:
        out.append(
            f"not in CSV: the goals, needs, pain points and channels of {counted(len(details), 'persona')}"
        )
    recoloured = [p for i, p in enumerate(j.personas) if p.colour.lower() != persona_colour(i).lower()]
    lost(len(recoloured), "persona colour", " (an import gives the standard colours)")
    unnamed = {p.id for p in j.personas if not writable_name(p.name)}
    lost(
        sum(1 for e in j.emotions if e.persona_id in unnamed),
        "emotion point",
        " of personas whose name is empty, has spaces around it or holds “;”",
    )
    lost(
        sum(1 for c in j.cards for pid in c.personas if pid in unnamed),
        "persona of a card",
        " whose name is empty, has spaces around it or holds “;”",
    )
    lost(sum(1 for e in j.emotions if e.note), "emotion note")
    lost(len(j.emotions), "emotion point id", " (the scores come back as new points)")
    lost(sum(1 for v in j.votes if v.participant_id), "voter's name", " (their votes come back anonymous)")
    lost(len(j.ratings), "rating", " from participants")
    lost(len(j.participants), "participant")
    if j.workshop != Workshop():
        out.append("not in CSV: the workshop's dots and votable kinds")
    lost(sum(1 for lane in j.lanes if lane.collapsed), "collapsed lane", " (they import open)")
    lost(
        sum(1 for lane in j.lanes if lane.kind not in LANE_KINDS), "lane kind", " this version does not know"
    )
    lost(sum(1 for s in j.stages if s.width is not None), "stage width")
    preset = next((p for p in SCALE_PRESETS.values() if (p.min, p.max) == (j.scale.min, j.scale.max)), None)
    if j.scale.labels and (preset is None or preset.labels != j.scale.labels):
        out.append("not in CSV: the emotion scale's own labels")
    split = [t for c in j.cards for t in c.tags if ";" in t] + [p.name for p in j.personas if ";" in p.name]
    lost(len(split), "name or tag", " holding “;” (it is read back as several)")
    named = [*(s.name for s in j.stages), *(lane.name for lane in j.lanes), *(p.name for p in j.personas)]
    lost(sum(1 for n in named if n != n.strip()), "name", " with spaces around it (read back without them)")
    for what, names in (
        ("stage", [s.name for s in j.stages]),
        ("lane", [lane.name for lane in j.lanes]),
        ("persona", [p.name for p in j.personas]),
    ):
        twice = sum(n - 1 for n in Counter(n.strip() for n in names).values() if n > 1)
        if twice:
            verb = "shares" if twice == 1 else "share"
            out.append(f"{counted(twice, what)} {verb} a name with another: an import merges them")
    extras = [j.extra, *(x.extra for x in j.personas), *(x.extra for x in j.stages)]
    extras += [*(x.extra for x in j.lanes), *(x.extra for x in j.cards), *(x.extra for x in j.emotions)]
    unknown = sum(1 for extra in extras if extra)
    lost(unknown, "element", " with fields this version does not know")
    return out
