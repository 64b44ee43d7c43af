"""Cards as CSV, one row per card, for spreadsheets: import (new map or into one) and export.

Columns: stage, lane, kind, title, body, channel, owner, personas, emotion, votes, tags, source, scale,
lane kind, id, value, target, unit, link, connects to. `personas` and `tags` hold several values separated by
";". `emotion` holds each persona's score at the card, `Maya: -2; Robert: 1` (a persona by its
name, or a unique start of it as `--persona` takes one); a bare number is given to each persona named
in `personas`, or to every persona when none is. `scale` is the scale of the scores (`1..5`), so a new
map gets it and a map with another scale gets the scores rescaled. `lane kind` is the kind of the
card's lane (`emotions`, ...). `id` is the element's id: a new map keeps it (so `cjm diff` matches
the round trip), an id the map already has makes a fresh one. `value`, `target` and `unit` are a
metric's; `link` is the micro map of a card or (on a stage row) of a stage. `connects to` lists the
ids of the cards the card's connections lead to ("t-plans; t-checkout").

Before the cards, an export writes one row per persona (kind `persona`: its name as the title, its
description as the body), per stage (kind `stage`: its description as the body, the personas' scores
at the stage itself in `emotion`) and per lane (kind `lane`, with its `lane kind`), in the map's order,
so the order, the empty stages and lanes and the stage-level scores come back. What the format cannot
hold (connection labels, persona details, notes, workshop data ...) is listed by `csv_losses.losses`.

Import reads UTF-8 with or without a BOM, commas or semicolons, and quoted multi-line cells; it
checks every row and reports `FILE: row N, column: problem` for each bad one.

Export neutralises spreadsheet formulas as OWASP advises: a cell starting with `=`, `+`, `-`, `@`, a
tab or a carriage return (or with `'`, so the rule can be undone) gets a `'` in front; whole numbers
are left as they are. Import takes that `'` away again.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from cjm_editor.formats import strict_json
from cjm_editor.formats.csv_cells import (
    named_scores,
    neutralise,
    number_cell,
    number_text,
    restore,
    score_cell,
    scores_cell,
    split_cell,
)
from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.model import limits
from cjm_editor.model.journey import (
    CARD_KIND_FOR_LANE,
    CARD_KINDS,
    LANE_KINDS,
    SCALE_PRESETS,
    AnchorKind,
    Card,
    Connection,
    EmotionPoint,
    EmotionScale,
    Journey,
    Lane,
    Persona,
    Stage,
    Vote,
    persona_colour,
    snapshot,
)
from cjm_editor.model.naming import ambiguity, match_persona
from cjm_editor.model.vocabulary import KIND_LABELS
from cjm_editor.model.workshop import tally

COLUMNS = (
    "stage",
    "lane",
    "kind",
    "title",
    "body",
    "channel",
    "owner",
    "personas",
    "emotion",
    "votes",
    "tags",
    "source",
    "scale",
    "lane kind",
    "id",
    "value",
    "target",
    "unit",
    "link",
    "connects to",
)
STRUCTURE = ("persona", "stage", "lane")
"""Kinds of the rows that declare a persona, a stage or a lane rather than a card."""
REQUIRED = ("stage", "title")
_SCALE = re.compile(r"\s*(-?[0-9]{1,6})\s*\.\.\s*(-?[0-9]{1,6})\s*")
LANE_FOR_KIND = {card: lane for lane, card in CARD_KIND_FOR_LANE.items() if lane != "emotions"}
KIND_NAMES = {**{k: k for k in CARD_KINDS}, **{v.lower(): k for k, v in KIND_LABELS.items()}}
KIND_NAMES.update(
    {"pain point": "pain-point", "painpoint": "pain-point", "pain": "pain-point", "idea": "opportunity"}
)


# ---------------------------------------------------------------------------------------- export
def to_text(j: Journey) -> str:
    """CSV text (comma-separated, CRLF line ends): the personas, stages and lanes in order, then
    every card."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    stages = {s.id: s.name for s in j.stages}
    lanes = {lane.id: lane for lane in j.lanes}
    names = {p.id: p.name for p in j.personas}
    rank = {p.id: i for i, p in enumerate(j.personas)}
    points: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for e in sorted(j.emotions, key=lambda e: rank.get(e.persona_id, len(rank))):
        points.setdefault((e.anchor_kind, e.anchor_id), []).append((e.persona_id, e.score))
    scale = f"{j.scale.min}..{j.scale.max}"
    counts = tally(j)
    leads: dict[str, list[str]] = {}
    for conn in j.connections:
        if ";" not in conn.target_id and conn.target_id.strip() == conn.target_id:
            leads.setdefault(conn.source_id, []).append(conn.target_id)

    def row(
        stage: str = "", lane: str = "", kind: str = "", title: str = "", body: str = "", **more: str
    ) -> None:
        cells = dict.fromkeys(COLUMNS, "") | {"stage": stage, "lane": lane, "kind": kind, "title": title}
        cells |= {"body": body, "scale": scale} | {k.replace("_", " "): v for k, v in more.items()}
        writer.writerow([neutralise(cells[c]) for c in COLUMNS])

    for p in j.personas:
        row(kind="persona", title=p.name, body=p.description, id=p.id)
    for st in j.stages:
        row(
            st.name,
            kind="stage",
            body=st.description,
            emotion=scores_cell(points.get(("stage", st.id), []), names),
            id=st.id,
            link=st.link or "",
        )
    for lane in j.lanes:
        row(lane=lane.name, kind="lane", lane_kind=lane.kind if lane.kind in LANE_KINDS else "", id=lane.id)
    for c in j.cards:
        lane_of = lanes.get(c.lane_id)
        row(
            stages.get(c.stage_id, ""),
            lane_of.name if lane_of else "",
            c.kind,
            c.title,
            c.body,
            channel=c.channel,
            owner=c.owner,
            personas="; ".join(names[p] for p in c.personas if p in names),
            emotion=scores_cell(points.get(("card", c.id), []), names),
            votes=str(counts[c.id]) if counts[c.id] else "",
            tags="; ".join(c.tags),
            source=c.source,
            lane_kind=lane_of.kind if lane_of and lane_of.kind in LANE_KINDS else "",
            id=c.id,
            value=number_text(c.value),
            target=number_text(c.target),
            unit=c.unit,
            link=c.link or "",
            connects_to="; ".join(leads.get(c.id, [])),
        )
    return out.getvalue()


def to_bytes(j: Journey, bom: bool = False) -> bytes:
    """UTF-8 bytes; with `bom`, a byte order mark so that Excel reads the text as UTF-8."""
    return ("\ufeff" if bom else "").encode() + to_text(j).encode("utf-8")


# ---------------------------------------------------------------------------------------- import
@dataclass
class CsvImport:
    journey: Journey
    report: LoadReport  # rows skipped (with --skip-bad) and other notes
    bad_rows: list[str] = field(default_factory=list)  # FILE: row N, column: problem


@dataclass
class _Row:
    number: int
    stage: str
    lane: str
    kind: str  # a card kind, or one of STRUCTURE
    card: Card
    personas: tuple[str, ...]
    emotion: int | None  # a bare number: for the personas named, or every persona
    votes: int = 0  # anonymous votes
    scores: tuple[tuple[str, int], ...] = ()  # (persona name, score) from `Name: score; ...`
    lane_kind: str = ""
    id: str = ""
    targets: tuple[str, ...] = ()  # ids of the cards its connections lead to


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise LoadError(name, f"row {row}", "the file is not UTF-8 text (save it as CSV UTF-8)") from None


def read_rows(text: str, name: str) -> list[list[str]]:
    """The rows of CSV text. A cell may be as long as the file: the text limit is checked per cell
    where the rows are read (csv's own field limit of 128 K would refuse a card a map may hold)."""
    if csv.field_size_limit() < limits.MAX_FILE_BYTES:
        csv.field_size_limit(limits.MAX_FILE_BYTES)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text), strict=True))
    except csv.Error as exc:
        raise LoadError(name, "$", f"not valid CSV: {exc}") from None


def _dialect(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def from_bytes(
    data: bytes, name: str = "<csv>", into: Journey | None = None, skip_bad: bool = False
) -> CsvImport:
    """Cards from CSV: a new map, or added to `into` (a copy; the original is not changed).
    Raises LoadError for a file that is not CSV at all, or for bad rows unless `skip_bad`."""
    if len(data) > strict_json.MAX_BYTES:
        raise LoadError(name, "$", f"the file is larger than {strict_json.MAX_BYTES // 2**20} MB")
    rows = [[restore(cell) for cell in row] for row in read_rows(_decode(data, name), name)]
    header, report = read_header(rows, name, REQUIRED, COLUMNS)
    j = snapshot(into) if into is not None else Journey(title=os.path.basename(name).rsplit(".", 1)[0])
    source = _file_scale(header, rows, name)
    if source is not None and into is None:
        j.scale = _scale_for(*source)
    if source is not None and source != (j.scale.min, j.scale.max):
        report.add(
            "$",
            f"scores were rescaled from {source[0]}..{source[1]} to the map's {j.scale.min}..{j.scale.max}",
        )
    bad: list[str] = []
    parsed: list[_Row] = []
    for number, cells in enumerate(rows[1:], start=2):  # row numbers as a spreadsheet shows them
        if not any(c.strip() for c in cells):
            continue
        problems: list[tuple[str, str]] = []
        row = _row(dict(zip(header, cells, strict=False)), number, j, problems, source)
        if row is None:
            bad += [f"{name}: row {number}, {column}: {why}" for column, why in problems]
        else:
            parsed.append(row)
    if bad and not skip_bad:
        raise CsvRowsError(name, bad)
    for message in bad:
        where, why = message[len(name) + 2 :].split(": ", 1)
        report.add(where, f"skipped: {why}")
    total = sum(r.votes for r in parsed)
    if limits.votes(total) is not None:  # each becomes a vote object (format 4)
        raise LoadError(name, "$", f"{total:,} votes in all; at most {limits.MAX_VOTES:,} can be imported")
    _apply(j, parsed, report)
    return CsvImport(j, report, bad)


class CsvRowsError(LoadError):
    """Bad rows, none imported; `rows` lists each as `FILE: row N, column: problem`."""

    def __init__(self, file: str, rows: list[str]) -> None:
        first = rows[0][len(file) + 2 :]
        where, why = first.split(": ", 1)
        more = f" (and {len(rows) - 1} more problems)" if len(rows) > 1 else ""
        super().__init__(file, where, f"{why}{more}; nothing was imported")
        self.rows = rows


def _file_scale(header: list[str], rows: list[list[str]], name: str) -> tuple[int, int] | None:
    """The scale the file's scores are on: the first `scale` cell (all must agree), or None."""
    if "scale" not in header:
        return None
    column = header.index("scale")
    found: tuple[int, int] | None = None
    for number, cells in enumerate(rows[1:], start=2):
        cell = cells[column].strip() if column < len(cells) else ""
        if not cell:
            continue
        m = _SCALE.fullmatch(cell)
        if m is None:
            raise LoadError(name, f"row {number}, scale", f"{cell[:20]!r} is not a scale like 1..5")
        scale = int(m.group(1)), int(m.group(2))
        hit = limits.scale(*scale)
        if scale[1] <= scale[0] or hit is not None:
            why = str(hit) if hit is not None else "the first score must be below the second"
            raise LoadError(name, f"row {number}, scale", why)
        if found is not None and scale != found:
            raise LoadError(
                name, f"row {number}, scale", f"{cell} differs from the scale above ({found[0]}..{found[1]})"
            )
        found = scale
    return found


def _scale_for(lo: int, hi: int) -> EmotionScale:
    preset = next((p for p in SCALE_PRESETS.values() if (p.min, p.max) == (lo, hi)), None)
    return dataclasses.replace(preset, labels=dict(preset.labels)) if preset else EmotionScale(lo, hi)


def _row(
    row: dict[str, str],
    number: int,
    j: Journey,
    problems: list[tuple[str, str]],
    source: tuple[int, int] | None = None,
) -> _Row | None:
    def get(key: str) -> str:
        return row.get(key, "").strip()

    stage, title = get("stage"), get("title")  # either may be empty: an unnamed stage, an untitled card
    for key, value in row.items():
        hit = limits.text_length(value)
        if hit is not None:
            problems.append((key, str(hit)))
            return None
    kind_text = get("kind").lower()
    kind = kind_text if kind_text in STRUCTURE else KIND_NAMES.get(kind_text) if kind_text else None
    if kind_text and kind is None:
        problems.append(("kind", f"{get('kind')!r} is not a card kind ({', '.join(CARD_KINDS)})"))
    lane = get("lane")
    lane_kind = get("lane kind").lower()
    if lane_kind and lane_kind not in LANE_KINDS:
        problems.append(("lane kind", f"{get('lane kind')!r} is not a lane kind ({', '.join(LANE_KINDS)})"))
    if not kind:
        kind = next((CARD_KIND_FOR_LANE[lane_.kind] for lane_ in j.lanes if lane_.name == lane), "note")
    votes = 0
    if get("votes"):
        try:
            if limits.digits(get("votes")) is not None:
                raise ValueError
            votes = int(get("votes"))
            if votes < 0:
                raise ValueError
        except ValueError:
            problems.append(("votes", f"{get('votes')[:40]!r} is not a whole number of votes"))
        else:
            hit = limits.votes(votes)
            if hit is not None:
                problems.append(("votes", str(hit)))
    emotion = None
    scores: list[tuple[str, int]] = []
    cell = get("emotion")
    if cell and (":" in cell or kind in STRUCTURE):
        scores = named_scores(cell, j, problems, source)
    elif cell:
        emotion = score_cell(cell, j, problems, source)
    if kind == "lane" and cell:
        problems.append(("emotion", "a lane row holds no scores"))
    named = [("personas", n) for n in split_cell(row.get("personas", ""))] + [
        ("emotion", n) for n, _ in scores
    ]
    for column, name in named if kind != "persona" else []:
        found = match_persona(j.personas, name)
        if found.ambiguous:
            problems.append((column, ambiguity(name, found)))
    numbers: dict[str, float | None] = {}
    for key in ("value", "target"):
        numbers[key] = number_cell(get(key), key, problems)
    if problems:
        return None
    card = Card(
        "",
        "",
        kind,
        title,
        body=row.get("body", "").strip(),
        channel=get("channel"),
        owner=get("owner"),
        source=get("source"),
        value=numbers["value"],
        target=numbers["target"],
        unit=get("unit"),
        link=get("link") or None,
        tags=split_cell(row.get("tags", "")),
    )
    personas = split_cell(row.get("personas", ""))
    if kind in STRUCTURE:
        lane = lane if kind == "lane" else ""
        return _Row(number, stage, lane, kind, card, personas, None, 0, tuple(scores), lane_kind, get("id"))
    targets = split_cell(row.get("connects to", ""))
    return _Row(
        number,
        stage,
        lane,
        kind,
        card,
        personas,
        emotion,
        votes,
        tuple(scores),
        lane_kind,
        get("id"),
        targets,
    )


def _lane_name(kind: str) -> str:
    return {
        "pain-point": "Pain points",
        "opportunity": "Opportunities",
        "touchpoint": "Touchpoints",
        "action": "Customer actions",
        "quote": "Thoughts & quotes",
        "metric": "Metrics",
        "backstage": "Backstage",
        "note": "Notes",
    }[kind]


def _apply(j: Journey, rows: list[_Row], report: LoadReport) -> None:
    stages = {s.name: s for s in j.stages}
    lanes = {lane.name: lane for lane in j.lanes}
    declared = {p.name: p for p in j.personas}
    have = {(e.persona_id, e.anchor_kind, e.anchor_id) for e in j.emotions}
    by_id: dict[str, Persona | Stage | Lane] = {p.id: p for p in j.personas}
    by_id |= {st.id: st for st in j.stages} | {lane.id: lane for lane in j.lanes}
    taken = set(by_id) | {c.id for c in j.cards}
    from_file: dict[str, str] = {}  # a card's id in the file -> its id in the map

    def new_id(wanted: str) -> str | None:
        """The file's id when no element has it yet (None: make a fresh one)."""
        if not wanted or wanted in taken:
            return None
        taken.add(wanted)
        return wanted

    def persona(name: str, declare: str | None = None, description: str = "") -> Persona:
        """A persona row names a persona by its id or exactly; a cell may give a unique start. What
        the map has already is left as it is; a new persona takes the row's description."""
        known = by_id.get(declare or "")
        found = known if isinstance(known, Persona) else None
        if found is None:
            found = declared.get(name) if declare is not None else match_persona(j.personas, name).persona
        if found is None:
            found = Persona(name=name, description=description, colour=persona_colour(len(j.personas)))
            found.id = new_id(declare or "") or found.id
            declared[name] = found
            j.personas.append(found)
        return found

    def stage(name: str, wanted: str = "", description: str = "", link: str | None = None) -> Stage:
        known = by_id.get(wanted)
        if isinstance(known, Stage):
            return known
        if name not in stages:
            stages[name] = Stage(name=name, description=description, link=link)
            stages[name].id = new_id(wanted) or stages[name].id
            j.stages.append(stages[name])
        return stages[name]

    def lane(name: str, kind: str, lane_kind: str, wanted: str = "") -> Lane:
        known = by_id.get(wanted)
        if isinstance(known, Lane):
            return known
        if name not in lanes:
            lanes[name] = Lane(name=name, kind=lane_kind or LANE_FOR_KIND.get(kind, "notes"))
            lanes[name].id = new_id(wanted) or lanes[name].id
            j.lanes.append(lanes[name])
        return lanes[name]

    def points(r: _Row, anchor_kind: AnchorKind, anchor_id: str) -> None:
        for name, score in r.scores:
            who = persona(name)
            if (who.id, anchor_kind, anchor_id) in have:
                report.add(f"row {r.number}, emotion", f"kept the map's own score of {who.name} here")
                continue
            have.add((who.id, anchor_kind, anchor_id))
            j.emotions.append(EmotionPoint(who.id, anchor_kind, anchor_id, score))

    unnamed_lane = False
    for r in rows:
        if r.kind == "persona":
            persona(r.card.title, r.id, r.card.body)
            continue
        if r.kind == "stage":
            st = stage(r.stage, r.id, r.card.body, r.card.link)
            points(r, "stage", st.id)
            continue
        if r.kind == "lane":
            lane(r.lane, "", r.lane_kind, r.id)
            unnamed_lane = unnamed_lane or not r.lane
            continue
        card = r.card
        card.id = new_id(r.id) or card.id
        if r.id:
            from_file.setdefault(r.id, card.id)
        # No lane named: the lane of the card's kind, unless the file declares a lane without a name
        # (an export of a map with one), which is then the card's lane.
        lane_name = r.lane if r.lane or unnamed_lane else _lane_name(r.kind)
        card.stage_id, card.lane_id = stage(r.stage).id, lane(lane_name, r.kind, r.lane_kind).id
        card.personas = tuple(dict.fromkeys(persona(n).id for n in r.personas))
        j.cards.append(card)
        j.votes += [Vote(card.id) for _ in range(r.votes)]
        points(r, "card", card.id)
        if r.emotion is not None:
            who = [persona(n) for n in r.personas] or list(j.personas)
            if not who:
                everyone = Persona(name="Everyone", colour="#5c4d7d")
                declared[everyone.name] = everyone
                j.personas.append(everyone)
                who = [everyone]
            j.emotions += [EmotionPoint(p.id, "card", card.id, r.emotion) for p in who]
    _connect(j, [r for r in rows if r.targets and r.kind not in STRUCTURE], from_file, report)


def _connect(j: Journey, rows: list[_Row], from_file: dict[str, str], report: LoadReport) -> None:
    """The connections of `connects to`: a target is a card of the file by its id there, or a card
    the map already has; one the map cannot find is left out and reported."""
    cards = {c.id for c in j.cards}
    joined = {(c.source_id, c.target_id) for c in j.connections}
    for r in rows:
        for target in r.targets:
            to = from_file.get(target, target if target in cards else "")
            where = f"row {r.number}, connects to"
            if not to or to == r.card.id:
                why = "a card cannot connect to itself" if to else f"no card has the id {target[:40]!r}"
                report.add(where, f"{why}; that connection was left out")
            elif (r.card.id, to) not in joined:
                joined.add((r.card.id, to))
                j.connections.append(Connection(r.card.id, to))


def load(path: str | os.PathLike[str], into: Journey | None = None, skip_bad: bool = False) -> CsvImport:
    name = os.fspath(path)
    return from_bytes(strict_json.read_capped(name, name), name, into, skip_bad)


def read_header(
    rows: list[list[str]],
    name: str,
    required: Sequence[str],
    known: Collection[str],
    either: Sequence[tuple[str, str]] = (),
) -> tuple[list[str], LoadReport]:
    """The header row, lower-cased, and a report naming the columns it ignores. LoadError when it is
    missing or lacks a required column (`either`: pairs of which one must be there)."""
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise LoadError(name, "row 1", "the header row is missing")
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [c for c in required if c not in header]
    missing += [f"{a} (or {b})" for a, b in either if a not in header and b not in header]
    if missing:
        raise LoadError(
            name, "row 1", f"the header needs the column(s) {', '.join(missing)}; it has {', '.join(header)}"
        )
    report = LoadReport(name)
    unknown = [c for c in header if c and c not in known]
    if unknown:
        report.add("row 1", f"ignored unknown column(s): {', '.join(unknown)}")
    return header, report
