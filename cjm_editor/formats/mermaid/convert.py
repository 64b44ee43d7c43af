"""Mermaid journeys to maps and back.

Import: the title becomes the map title (else the front matter's, else the file name); accTitle and
accDescr go to the description and are kept in the map for a faithful export; sections become stages
(tasks before any section go to a first, unnamed stage; a repeated section name stays two stages);
tasks become touchpoint cards; actors become personas (merged, empty names dropped); a task's score
becomes an emotion point at its card for each actor, or for a default persona, on a 1..5 scale.

Export: stages become sections and touchpoints tasks; the personas' scores at a card (or at its
stage) give the task's score, rescaled to 1..5 and rounded, and its actors. Characters that would
break Mermaid are written as entity codes. What Mermaid cannot hold is listed as warnings.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from cjm_editor.formats import limits, strict_json
from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.formats.mermaid.parse import MermaidError, MermaidJourney, parse
from cjm_editor.model.journey import (
    Card,
    EmotionPoint,
    Journey,
    Lane,
    Persona,
    Stage,
    persona_colour,
    scale_preset,
)

EXTRA_KEY = "mermaid"  # journey.extra: accTitle and accDescr as Mermaid had them
SCORE_KEY = "mermaidScore"  # card.extra: a score Mermaid gave that the 1..5 scale cannot hold
DEFAULT_PERSONA = "Everyone"
DEFAULT_MARK = "mermaidDefault"  # persona.extra: stands for tasks without actors


@dataclass
class ImportResult:
    journey: Journey
    report: LoadReport


def _score(raw: float, text: str, where: str, report: LoadReport) -> int | None:
    """A score on the 1..5 scale, with a warning when Mermaid's score does not fit it."""
    if math.isnan(raw):
        report.add(where, f"score {text.strip()!r} is not a number; kept on the card, no emotion point")
        return None
    clamped = max(1, min(5, raw)) if math.isfinite(raw) else (5 if raw > 0 else 1)
    score = int(math.floor(clamped + 0.5))
    if score != raw:
        report.add(
            where, f"score {text.strip()} is outside 1..5 or not whole; drawn as {score}, kept on the card"
        )
    return score


def _check_lengths(d: MermaidJourney, name: str) -> None:
    """Every text a map takes from Mermaid is within limits.MAX_TEXT."""
    texts = [(0, d.title), (0, d.acc_title), (0, d.acc_descr), (0, d.front_matter_title)]
    texts += [(t.line, t.task) for t in d.tasks]
    texts += [(t.line, f"Mermaid score: {t.score_text}") for t in d.tasks]  # kept on the card
    texts += [(t.line, p) for t in d.tasks for p in t.people]
    texts += [(0, s) for s in d.sections]
    for line, text in texts:
        hit = limits.text_length(text)
        if hit is not None:
            raise LoadError(name, f"line {line}" if line else "$", str(hit))


def from_text(text: str, name: str = "<mermaid>", *, web_page: bool = False) -> ImportResult:
    """A map from Mermaid journey text. Raises LoadError naming the line of the fault."""
    try:
        d = parse(text, web_page=web_page)
    except MermaidError as exc:
        where = f"line {exc.line}" if exc.line else "$"
        raise LoadError(name, where, exc.message) from None
    except RecursionError:  # pragma: no cover (every known cause is bounded; a last guard)
        raise LoadError(name, "$", "the text nests too deeply to read (limit: nesting depth)") from None
    _check_lengths(d, name)
    report = LoadReport(name)
    j = Journey(title=d.title.strip() or d.front_matter_title.strip() or Path(name).stem.split(".")[0])
    j.scale = scale_preset("1..5")
    j.description = d.acc_descr or d.acc_title
    kept = {"accTitle": d.acc_title, "accDescr": d.acc_descr}
    if not d.title.strip():  # the title came from elsewhere: do not write it back as a title line
        kept["derivedTitle"] = j.title
    kept = {k: v for k, v in kept.items() if v}
    if kept:
        j.extra[EXTRA_KEY] = kept
    touch = Lane(name="Touchpoints", kind="touchpoints")
    j.lanes = [touch, Lane(name="Emotions", kind="emotions")]
    unnamed = [Stage(name="")] if any(t.section_index == 0 for t in d.tasks) else []
    sections = [Stage(name=name) for name in d.sections]
    j.stages = unnamed + sections
    people: dict[str, Persona] = {}
    for t in d.tasks:
        for name in t.people:
            if name and name not in people:
                people[name] = Persona(name=name, colour=persona_colour(len(people)))
    default: Persona | None = None
    for t in d.tasks:
        stage = sections[t.section_index - 1] if t.section_index else unnamed[0]
        where = f"line {t.line}"
        card = Card(stage.id, touch.id, "touchpoint", t.task.strip() or "(untitled task)")
        score = _score(t.score, t.score_text, where, report)
        if score is None or score != t.score:
            card.extra[SCORE_KEY] = t.score_text.strip()
            card.body = f"Mermaid score: {t.score_text.strip()}"
        actors = [people[p] for p in dict.fromkeys(t.people) if p]
        if actors:
            card.personas = tuple(p.id for p in actors)
        elif score is not None:
            if default is None:
                default = Persona(name=DEFAULT_PERSONA, colour="#5c4d7d", extra={DEFAULT_MARK: True})
            actors = [default]
        j.cards.append(card)
        if score is not None:
            j.emotions += [EmotionPoint(p.id, "card", card.id, score) for p in actors]
    j.personas = [*people.values(), *([default] if default else [])]
    return ImportResult(j, report)


def load(path: str | os.PathLike[str], *, web_page: bool = False) -> ImportResult:
    name = os.fspath(path)
    text = strict_json.decode_text(strict_json.read_capped(name, name), name)
    return from_text(text, name, web_page=web_page)
