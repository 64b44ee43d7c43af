"""Cards as CSV, one row per card, for spreadsheets: import (new map or into one) and export.

Columns: stage, lane, kind, title, body, channel, owner, personas, emotion, votes, tags, source.
`personas` and `tags` hold several values separated by ";". `emotion` is the card's score on the
map's scale, given to each persona named (or to every persona when none is); `scale` is that scale
(`1..5`), so a new map gets it and a map with another scale gets the scores rescaled.
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
from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.model import limits
from cjm_editor.model.journey import (
    CARD_KIND_FOR_LANE,
    CARD_KINDS,
    SCALE_PRESETS,
    Card,
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
)
REQUIRED = ("stage", "title")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_WHOLE = re.compile(r"-?[0-9]+")
_SCALE = re.compile(r"\s*(-?[0-9]{1,6})\s*\.\.\s*(-?[0-9]{1,6})\s*")
LANE_FOR_KIND = {card: lane for lane, card in CARD_KIND_FOR_LANE.items() if lane != "emotions"}
KIND_NAMES = {**{k: k for k in CARD_KINDS}, **{v.lower(): k for k, v in KIND_LABELS.items()}}
KIND_NAMES.update(
    {"pain point": "pain-point", "painpoint": "pain-point", "pain": "pain-point", "idea": "opportunity"}
)


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    if cell.startswith((*FORMULA_START, "'")) and not _WHOLE.fullmatch(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise`: a `'` before a formula character or another `'` goes."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r'":
        return cell[1:]
    return cell


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


# ---------------------------------------------------------------------------------------- export
def to_text(j: Journey) -> str:
    """CSV text (comma-separated, CRLF line ends, every card)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    stages = {s.id: s.name for s in j.stages}
    lanes = {lane.id: lane.name for lane in j.lanes}
    names = {p.id: p.name for p in j.personas}
    scores: dict[str, list[int]] = {}
    for e in j.emotions:
        if e.anchor_kind == "card":
            scores.setdefault(e.anchor_id, []).append(e.score)
    scale = f"{j.scale.min}..{j.scale.max}"
    counts = tally(j)
    for c in j.cards:
        emotion = scores.get(c.id, [])
        row = [
            stages.get(c.stage_id, ""),
            lanes.get(c.lane_id, ""),
            c.kind,
            c.title,
            c.body,
            c.channel,
            c.owner,
            "; ".join(names[p] for p in c.personas if p in names),
            str(round(sum(emotion) / len(emotion))) if emotion else "",
            str(counts[c.id]) if counts[c.id] else "",
            "; ".join(c.tags),
            c.source,
            scale,
        ]
        writer.writerow([neutralise(cell) for cell in row])
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
    kind: str
    card: Card
    personas: tuple[str, ...]
    emotion: int | None
    votes: int = 0  # anonymous votes


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise LoadError(name, f"row {row}", "the file is not UTF-8 text (save it as CSV UTF-8)") from None


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
    text = _decode(data, name)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text), strict=True))
    except csv.Error as exc:
        raise LoadError(name, "$", f"not valid CSV: {exc}") from None
    rows = [[restore(cell) for cell in row] for row in rows]
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
    _apply(j, parsed)
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


def _rescaled(score: int, source: tuple[int, int] | None, j: Journey) -> int:
    if source is None or source == (j.scale.min, j.scale.max):
        return score
    lo, hi = source
    return j.scale.clamp(round(j.scale.min + (score - lo) * (j.scale.max - j.scale.min) / (hi - lo)))


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
    kind = KIND_NAMES.get(kind_text) if kind_text else None
    if kind_text and kind is None:
        problems.append(("kind", f"{get('kind')!r} is not a card kind ({', '.join(CARD_KINDS)})"))
    lane = get("lane")
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
    if get("emotion"):
        try:
            if limits.digits(get("emotion")) is not None:
                raise ValueError
            emotion = int(get("emotion"))
        except ValueError:
            problems.append(("emotion", f"{get('emotion')[:40]!r} is not a whole number"))
        else:
            lo, hi = source or (j.scale.min, j.scale.max)
            if not lo <= emotion <= hi:
                problems.append(("emotion", f"{emotion} is outside the scale {lo}..{hi}"))
            else:
                emotion = _rescaled(emotion, source, j)
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
        tags=_split(row.get("tags", "")),
    )
    personas = _split(row.get("personas", ""))
    return _Row(number, stage, lane or _lane_name(kind), kind, card, personas, emotion, votes)


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


def _apply(j: Journey, rows: list[_Row]) -> None:
    stages = {s.name: s for s in j.stages}
    lanes = {lane.name: lane for lane in j.lanes}
    personas = {p.name: p for p in j.personas}
    for r in rows:
        if r.stage not in stages:
            stages[r.stage] = Stage(name=r.stage)
            j.stages.append(stages[r.stage])
        if r.lane not in lanes:
            lanes[r.lane] = Lane(name=r.lane, kind=LANE_FOR_KIND.get(r.kind, "notes"))
            j.lanes.append(lanes[r.lane])
        for name in r.personas:
            if name not in personas:
                personas[name] = Persona(name=name, colour=persona_colour(len(personas)))
                j.personas.append(personas[name])
        card = r.card
        card.stage_id, card.lane_id = stages[r.stage].id, lanes[r.lane].id
        card.personas = tuple(personas[n].id for n in r.personas)
        j.cards.append(card)
        j.votes += [Vote(card.id) for _ in range(r.votes)]
        if r.emotion is not None:
            who = [personas[n] for n in r.personas] or list(j.personas)
            if not who:
                everyone = Persona(name="Everyone", colour="#5c4d7d")
                personas[everyone.name] = everyone
                j.personas.append(everyone)
                who = [everyone]
            j.emotions += [EmotionPoint(p.id, "card", card.id, r.emotion) for p in who]


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
