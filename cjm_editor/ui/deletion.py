"""Deleting what is selected: the History step is named after what goes ("Delete stage Sign up:
5 cards, 1 connection, 3 emotion points"), and the user is asked first when more than a few
elements go along with what they selected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cjm_editor.commands.removal import RemoveElements
from cjm_editor.model import JourneyDocument, Removal
from cjm_editor.model.journey import snapshot
from cjm_editor.model.registry import COLLECTIONS, collection
from cjm_editor.model.vocabulary import counted

ASK_ABOVE = 3
"""Ask before deleting when more than this many elements go along with the selected ones."""
MARKS = frozenset(("votes", "ratings"))
"""What the workshop put on a card or stage: named in the step, not counted for asking (undo brings
them back with the card)."""


def _plural(singular: str, count: int) -> str:
    return counted(count, singular)


def _name(doc: JourneyDocument, name: str, element_id: str) -> str:
    entity = doc.get(name, element_id)
    text = getattr(entity, "name", None) or getattr(entity, "title", None) or ""
    return text if len(text) <= 28 else text[:27] + "…"


@dataclass(frozen=True)
class DeletePlan:
    """What deleting `ids` takes: `text` names the step, `extra` counts what goes along with them."""

    ids: list[str]
    text: str
    extra: int


def plan_delete(doc: JourneyDocument, ids: list[str]) -> DeletePlan:
    """Work out, on a copy of the map, everything deleting `ids` would remove."""
    trial = JourneyDocument(snapshot(doc.journey))
    removals: list[Removal] = []
    for element_id in ids:
        name = trial.collection_of(element_id)
        if name is not None:
            removals.append(trial.remove(name, element_id))
    chosen: dict[str, int] = {}
    for element_id in ids:
        name = doc.collection_of(element_id)
        if name is not None:
            chosen[name] = chosen.get(name, 0) + 1
    if len(ids) == 1 and chosen:
        (name,) = chosen
        label = _name(doc, name, ids[0])
        head = f"Delete {collection(name).singular}" + (f" {label}" if label else "")
    elif len(chosen) == 1:
        (name,) = chosen
        head = f"Delete {_plural(collection(name).singular, len(ids))}"
    else:
        head = f"Delete {_plural('item', len(ids))}"
    gone = {c.name: sum(r.count(c.name) for r in removals) - chosen.get(c.name, 0) for c in COLLECTIONS}
    parts = [_plural(c.singular, gone[c.name]) for c in COLLECTIONS if gone[c.name] > 0]
    text = head + (": " + ", ".join(parts) if parts else "")
    return DeletePlan(list(ids), text, sum(n for name, n in gone.items() if name not in MARKS))


def delete(
    doc: JourneyDocument,
    ids: list[str],
    push: Callable[[RemoveElements], None],
    confirm: Callable[[str], bool],
) -> bool:
    """Delete `ids` as one undo step named after what goes; `confirm(text)` is asked first when more than
    a few other elements go with them. False when nothing was deleted."""
    if not ids:
        return False
    plan = plan_delete(doc, ids)
    if plan.extra > ASK_ABOVE and not confirm(plan.text):
        return False
    push(RemoveElements(doc, plan.ids, plan.text))
    return True
