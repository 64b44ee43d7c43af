"""How a persona is named from outside the map (a command-line option, a survey's persona or segment
column): one rule, so `cjm export pdf --persona` and `cjm import ratings` find the same persona.

Its whole name as written, its id, or its whole name in any case, in that order; else a unique start
of a name, so "maya" finds "Maya, busy professional". A start several names share is ambiguous; a
name nothing matches is new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjm_editor.model.journey import Persona


@dataclass(frozen=True, slots=True)
class PersonaMatch:
    persona: Persona | None  # the one persona meant; None: no persona or several
    candidates: tuple[Persona, ...] = ()  # when ambiguous: every persona whose name starts so

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def match_persona(personas: Sequence[Persona], wanted: str) -> PersonaMatch:
    """The persona `wanted` names by the rule above."""
    key = wanted.strip().casefold()
    # Most exact first: "ANN" is the persona named "ANN" even where "Ann" comes first, and a name
    # is the persona of that name even where another persona's id is spelt so (a CSV cell holds names).
    for exact in (
        [p for p in personas if p.name.strip() == wanted.strip()],
        [p for p in personas if p.id == wanted],
        [p for p in personas if p.name.strip().casefold() == key],
    ):
        if exact:
            return PersonaMatch(exact[0])
    starts = [p for p in personas if p.name.strip().casefold().startswith(key)]
    if len(starts) == 1:
        return PersonaMatch(starts[0])
    return PersonaMatch(None, tuple(starts))


def ambiguity(wanted: str, match: PersonaMatch) -> str:
    """The message for an ambiguous name."""
    names = ", ".join(p.name for p in match.candidates)
    return f"{wanted!r} could be any of: {names}; give more of the name"
