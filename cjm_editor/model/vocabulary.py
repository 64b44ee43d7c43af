"""The words the editor uses for kinds and fields, shared by the canvas, the inspector, the PDF
export and the importers, so every part of the product calls a thing by the same name."""

from __future__ import annotations

KIND_LABELS: dict[str, str] = {
    "action": "Action",
    "touchpoint": "Touchpoint",
    "quote": "Quote",
    "pain-point": "Pain point",
    "opportunity": "Opportunity",
    "metric": "Metric",
    "backstage": "Backstage",
    "note": "Note",
}
"""Card kind -> its name."""

IRREGULAR_PLURALS: dict[str, str] = {"person": "people", "analysis": "analyses"}
"""Words whose plural no spelling rule gives."""


def plural(word: str) -> str:
    """The plural of an English noun or noun phrase (its last word changes): "opportunity" ->
    "opportunities", "pain point" -> "pain points", "box" -> "boxes". Every plural the product prints
    comes from here, never from adding an "s"."""
    head, _, last = word.rpartition(" ")
    lower = last.lower()
    if lower in IRREGULAR_PLURALS:
        many = IRREGULAR_PLURALS[lower]
        many = many.capitalize() if last[:1].isupper() else many
    elif len(last) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        many = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        many = last + "es"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def counted(n: int, word: str) -> str:
    """ "1 card", "3 cards", "0 opportunities": a number with its noun in the right form."""
    return f"{n} {word if n == 1 else plural(word)}"


KIND_PLURALS: dict[str, str] = {kind: plural(label) for kind, label in KIND_LABELS.items()}
"""Card kind -> the name of several ("Opportunities", "Pain points")."""

LANE_KIND_LABELS: dict[str, str] = {
    "actions": "customer actions",
    "touchpoints": "touchpoints",
    "thoughts": "thoughts & quotes",
    "emotions": "emotion curve",
    "pain-points": "pain points",
    "opportunities": "opportunities",
    "metrics": "metrics / KPIs",
    "backstage": "backstage",
    "notes": "notes",
}
"""Lane kind -> what the lane holds."""

FIELD_LABELS: dict[str, dict[str, str]] = {
    "cards": {
        "title": "Title",
        "kind": "Kind",
        "body": "Details",
        "channel": "Channel",
        "owner": "Owner",
        "source": "Source",
        "value": "Value",
        "target": "Target",
        "unit": "Unit",
        "votes": "Votes",
        "tags": "Tags",
        "personas": "Personas",
        "link": "Micro map",
    },
    "stages": {"name": "Name", "description": "Description", "link": "Micro map", "width": "Width"},
    "lanes": {"name": "Name", "kind": "Kind", "collapsed": "Collapsed"},
    "personas": {
        "name": "Name",
        "description": "Description",
        "goals": "Goals",
        "needs": "Needs",
        "pain_points": "Pain points",
        "channels": "Channels",
        "colour": "Colour",
    },
    "connections": {"label": "Label"},
    "emotions": {"score": "Score", "note": "Note"},
    "links": {"path": "Path", "label": "Label"},
    "map": {"title": "Title", "description": "Description", "scale": "Emotion scale"},
}
"""Collection -> field -> its label (the inspector's rows, the History's step names)."""


def field_label(collection: str, name: str) -> str:
    """The label of a field (its name when none is set)."""
    return FIELD_LABELS.get(collection, {}).get(name, name.replace("_", " ").capitalize())
