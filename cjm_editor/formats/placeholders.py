"""The ids repairs give placeholders, shared by repair.py and repair_workshop.py: a placeholder takes
the missing id unless an element of any kind has it (ids are unique across kinds), else a fresh one,
so the next open finds nothing to repair."""

from __future__ import annotations

from cjm_editor.model.ids import new_id
from cjm_editor.model.journey import Journey, Persona
from cjm_editor.model.registry import COLLECTIONS


class PlaceholderIds:
    """Every id of a map, and the ids handed to placeholders since."""

    def __init__(self, j: Journey) -> None:
        self.taken = {j.id}
        for spec in COLLECTIONS:
            self.taken.update(e.id for e in getattr(j, spec.name))

    def claim(self, missing: str) -> str:
        """The id for a placeholder of the element `missing` names."""
        fresh = missing if missing not in self.taken else new_id()
        self.taken.add(fresh)
        return fresh


def add_persona(j: Journey, missing: str, persona_id: str) -> str:
    """A visible placeholder persona for the missing id; returns its id."""
    j.personas.append(Persona(id=persona_id, name=f"Missing persona ({missing[:60]})", colour="#888888"))
    return persona_id
