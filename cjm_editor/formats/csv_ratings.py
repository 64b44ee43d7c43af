"""Emotion ratings from a survey or feedback export (CSV) into a map.

Columns (header names, any order, case-insensitive): respondent, stage, card (optional), persona or
segment, score, comment (optional). Each respondent becomes a participant of the map (one with the same
name is reused), each row a rating of that persona at the stage (or at the card, named by its title or
id within the stage). Scores are rescaled linearly from the survey's own scale to the map's. A comment
becomes a quote card in the stage's thoughts lane with the survey and respondent as its source, so the
evidence stays next to the curve. A persona or segment is found as `cjm export pdf --persona` finds
one (model/naming.py: its whole name or a unique start of it, case-insensitive); a start several
personas share is a bad row, and a name no persona has becomes a new persona, listed in the report.
Every bad row is reported as `FILE: row N, column: problem`, as the card CSV import does; nothing is
imported unless all rows are good (or `skip_bad`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from cjm_editor.formats import strict_json
from cjm_editor.formats.csv_cards import CsvRowsError, _decode, read_header, read_rows
from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.model import limits
from cjm_editor.model import order as order_keys
from cjm_editor.model.journey import (
    AnchorKind,
    Card,
    Journey,
    Lane,
    Participant,
    Persona,
    Rating,
    persona_colour,
    snapshot,
)
from cjm_editor.model.naming import ambiguity, match_persona
from cjm_editor.model.workshop import rescale

REQUIRED = ("respondent", "stage", "score")
COLUMNS = ("respondent", "stage", "card", "persona", "segment", "score", "comment")


@dataclass
class RatingsImport:
    journey: Journey
    report: LoadReport
    bad_rows: list[str] = field(default_factory=list)
    ratings: int = 0
    quotes: int = 0
    respondents: int = 0
    new_personas: list[str] = field(default_factory=list)  # personas the survey named and the map lacked


def parse_scale(text: str) -> tuple[float, float]:
    """'1..5' -> (1, 5); ValueError for anything else."""
    lo, sep, hi = text.partition("..")
    if not sep:
        raise ValueError(f"{text!r} is not a scale like 1..5")
    low, high = float(lo), float(hi)
    if high <= low:
        raise ValueError(f"the scale {text!r} must rise from its minimum to its maximum")
    return low, high


def from_bytes(
    data: bytes,
    name: str,
    into: Journey,
    survey_scale: tuple[float, float] = (1, 5),
    skip_bad: bool = False,
) -> RatingsImport:
    """Ratings added to a copy of `into`. Raises LoadError for a file that is not CSV or lacks a
    column, CsvRowsError for bad rows unless `skip_bad`."""
    if len(data) > strict_json.MAX_BYTES:
        raise LoadError(name, "$", f"the file is larger than {strict_json.MAX_BYTES // 2**20} MB")
    rows = read_rows(_decode(data, name), name)
    header, report = read_header(rows, name, REQUIRED, COLUMNS, either=(("persona", "segment"),))
    j = snapshot(into)
    result = RatingsImport(j, report)
    _Importer(j, name, survey_scale, result).run(header, rows[1:])
    if result.bad_rows and not skip_bad:
        raise CsvRowsError(name, result.bad_rows)
    for message in result.bad_rows:
        where, why = message[len(name) + 2 :].split(": ", 1)
        report.add(where, f"skipped: {why}")
    return result


class _Importer:
    def __init__(self, j: Journey, name: str, scale: tuple[float, float], out: RatingsImport) -> None:
        self.j, self.name, self.scale, self.out = j, name, scale, out
        self.stages = {s.name.casefold(): s for s in j.stages} | {s.id.casefold(): s for s in j.stages}
        self.people = {p.name.casefold(): p for p in j.participants}
        self.rated: set[tuple[str | None, str, str, str]] = {
            (r.participant_id, r.persona_id, r.anchor_kind, r.anchor_id) for r in j.ratings
        }
        self.source = os.path.basename(name)

    def run(self, header: list[str], rows: list[list[str]]) -> None:
        for number, cells in enumerate(rows, start=2):
            if not any(c.strip() for c in cells):
                continue
            row = {k: v.strip() for k, v in zip(header, cells, strict=False)}
            problems = self._row(row, number)
            self.out.bad_rows += [f"{self.name}: row {number}, {col}: {why}" for col, why in problems]

    def _row(self, row: dict[str, str], number: int) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for column, value in row.items():  # a name or comment becomes map text: the save would refuse it
            hit = limits.text_length(value)
            if hit is not None:
                return [(column, str(hit))]
        who, stage_name = row.get("respondent", ""), row.get("stage", "")
        persona_name = row.get("persona") or row.get("segment") or ""
        if not who:
            problems.append(("respondent", "empty; every rating needs a respondent"))
        stage = self.stages.get(stage_name.casefold())
        if stage is None:
            problems.append(("stage", f"{stage_name!r} is not a stage of the map" if stage_name else "empty"))
        if not persona_name:
            problems.append(("persona", "empty; name the persona or segment the respondent belongs to"))
        else:
            found = match_persona(self.j.personas, persona_name)
            if found.ambiguous:
                problems.append(("persona", ambiguity(persona_name, found)))
        card = None
        card_name = row.get("card", "")
        if card_name and stage is not None:
            card = next(
                (
                    c
                    for c in self.j.cards
                    if c.stage_id == stage.id
                    and card_name.casefold() in (c.title.casefold(), c.id.casefold())
                ),
                None,
            )
            if card is None:
                problems.append(("card", f"no card {card_name!r} in the stage {stage.name!r}"))
        lo, hi = self.scale
        score = None
        try:
            score = float(row.get("score", "").replace(",", "."))
            if not lo <= score <= hi:
                problems.append(
                    ("score", f"{row['score'][:40]} is outside the survey's scale {lo:g}..{hi:g}")
                )
        except ValueError:
            problems.append(("score", f"{row.get('score', '')!r} is not a number"))
        if problems or stage is None or score is None:
            return problems
        persona = self._persona(persona_name, number)
        person = self._participant(who)
        anchor_kind: AnchorKind = "card" if card else "stage"
        anchor_id = card.id if card else stage.id
        key = (person.id, persona.id, anchor_kind, anchor_id)
        if key in self.rated:
            where = f"the card {card.title!r}" if card else f"the stage {stage.name!r}"
            return [("respondent", f"{who} already rated {persona.name} at {where}")]
        self.rated.add(key)
        mapped = rescale(score, lo, hi, self.j.scale.min, self.j.scale.max)
        comment = row.get("comment", "")
        self.j.ratings.append(Rating(persona.id, anchor_kind, anchor_id, mapped, person.id, note=comment))
        self.out.ratings += 1
        if comment:
            self._quote(stage.id, comment, who, persona)
        return []

    def _persona(self, name: str, number: int) -> Persona:
        persona = match_persona(self.j.personas, name).persona
        if persona is None:
            known = ", ".join(p.name for p in self.j.personas) or "none"
            persona = Persona(name=name, colour=persona_colour(len(self.j.personas)))
            persona.order = order_keys.between(
                max((p.order for p in self.j.personas), default="") or None, None
            )
            self.j.personas.append(persona)
            self.out.new_personas.append(name)
            self.out.report.add(
                f"row {number}, persona",
                f"new persona {name!r}: no persona of the map is named so (the map had: {known})",
            )
        return persona

    def _participant(self, name: str) -> Participant:
        person = self.people.get(name.casefold())
        if person is None:
            last = max((p.order for p in self.j.participants), default="") or None
            person = Participant(name=name, order=order_keys.between(last, None))
            self.j.participants.append(person)
            self.people[name.casefold()] = person
            self.out.respondents += 1
        return person

    def _quote(self, stage_id: str, comment: str, who: str, persona: Persona) -> None:
        lane = next((x for x in self.j.lanes if x.kind == "thoughts"), None)
        if lane is None:
            last = max((x.order for x in self.j.lanes), default="") or None
            lane = Lane(name="Thoughts", kind="thoughts", order=order_keys.between(last, None))
            self.j.lanes.append(lane)
        cell = [c.order for c in self.j.cards if c.stage_id == stage_id and c.lane_id == lane.id]
        self.j.cards.append(
            Card(
                stage_id,
                lane.id,
                "quote",
                comment,
                source=f"{self.source}, {who}",
                personas=(persona.id,),
                order=order_keys.between(max(cell, default="") or None, None),
            )
        )
        self.out.quotes += 1


def load(
    path: str | os.PathLike[str],
    into: Journey,
    survey_scale: tuple[float, float] = (1, 5),
    skip_bad: bool = False,
) -> RatingsImport:
    name = os.fspath(path)
    return from_bytes(strict_json.read_capped(name, name), name, into, survey_scale, skip_bad)
