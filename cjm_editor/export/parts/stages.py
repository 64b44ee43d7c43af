"""One worksheet per stage: what happens there, how each persona feels, and room to write and vote."""

from __future__ import annotations

from cjm_editor.export.chart import face
from cjm_editor.export.flow import Column
from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import Box
from cjm_editor.layout import palette
from cjm_editor.model.journey import Card, Stage
from cjm_editor.model.workshop import tally

WRITING_BOXES = ("What did we hear?", "Pain points", "Ideas")


def _num(v: float | None) -> str:
    return "–" if v is None else f"{v:g}"


def draw(p: Pages) -> None:
    for index, stage in enumerate(p.j.stages, 1):
        body = p.new(f"Stage {index}: {stage.name}", bookmark="Stage worksheets" if index == 1 else "")
        p.mark(stage.name, level=1)
        _sheet(p, stage, body)


def _sheet(p: Pages, stage: Stage, body: Box) -> None:
    w, j = p.w, p.j
    where = f"stage “{stage.name}”"
    top = body.top
    if stage.description:
        top -= (
            w.paragraph(
                stage.description, Box(body.x, top - 26, body.w, 26), 9.5, False, palette.MUTED, where
            )
            + 4
        )
    cards = [c for c in j.cards if c.stage_id == stage.id]
    write_h = body.h * 0.42  # the room to write in matters most in a workshop
    upper = Box(body.x, body.y + write_h + 10, body.w, top - body.y - write_h - 10)
    left = Box(upper.x, upper.y, upper.w * 0.56, upper.h)
    right = Box(upper.x + upper.w * 0.6, upper.y, upper.w * 0.4, upper.h)

    col = Column(w, left)

    def of(kind: str) -> list[Card]:
        return [c for c in cards if c.kind == kind]

    col.items(
        "Touchpoints",
        [_touchpoint(c) for c in of("touchpoint")],
        where,
        palette.CARD_COLOURS["touchpoint"][1],
    )
    col.items(
        "What customers said", [_quote(c) for c in of("quote")], where, palette.CARD_COLOURS["quote"][1]
    )
    col.items("Metrics", [_metric(c) for c in of("metric")], where, palette.CARD_COLOURS["metric"][1])
    others = [c for c in cards if c.kind in ("action", "backstage", "note")]
    col.items("Also in this stage", [f"{palette.KIND_LABELS[c.kind]}: {c.title}" for c in others], where)

    faces_h = _faces(p, stage, Box(right.x, right.y + right.h * 0.4, right.w, right.h * 0.6))
    col = Column(w, Box(right.x, right.y, right.w, right.h - faces_h - 6))
    counts = tally(p.j)
    pains = sorted(of("pain-point"), key=lambda c: -counts[c.id])
    col.items(
        "Pain points", [_voted(c, counts[c.id]) for c in pains], where, palette.CARD_COLOURS["pain-point"][1]
    )
    ideas = [_voted(c, counts[c.id]) for c in of("opportunity")]
    col.items("Opportunities", ideas, where, palette.CARD_COLOURS["opportunity"][1])
    _writing_boxes(p, Box(body.x, body.y + 30, body.w, write_h - 24))
    _vote_strip(p, Box(body.x, body.y, body.w, 24))


def _touchpoint(c: Card) -> str:
    extra = " · ".join(x for x in (c.channel, c.owner) if x)
    return f"{c.title} ({extra})" if extra else c.title


def _quote(c: Card) -> str:
    return f"{c.title} — {c.source}" if c.source else c.title


def _metric(c: Card) -> str:
    return f"{c.title}: {_num(c.value)}{c.unit} (target {_num(c.target)}{c.unit})"


def _voted(c: Card, votes: int) -> str:
    return f"{c.title}  [{votes} vote{'s' * (votes != 1)}]" if votes else c.title


def _faces(p: Pages, stage: Stage, box: Box) -> float:
    """Each persona's score here as a face on the scale."""
    w, j = p.w, p.j
    scores = {
        e.persona_id: e.score for e in j.emotions if e.anchor_kind == "stage" and e.anchor_id == stage.id
    }
    w.fill(palette.TEXT)
    w.string(box.x, box.top - 11, "How they feel", 10.5, True, "faces")
    if not j.personas:
        return 20
    row = 34.0
    for i, persona in enumerate(j.personas):  # one row each: the face, the persona, the score
        cy = box.top - 36 - i * row
        if cy - 16 < box.y:
            p.w.report.omitted.append(
                f"{len(j.personas) - i} persona faces on the sheet of stage “{stage.name}”"
            )
            break
        score = scores.get(persona.id)
        if score is None:
            w.stroke(palette.NEUTRAL_LINE, 0.8)
            p.c.circle(box.x + 14, cy, 13, stroke=1, fill=0)
            text = "no score yet"
        else:
            face(w, box.x + 14, cy, 13, score, j.scale, persona.colour)
            text = f"{score:+d} {j.scale.labels.get(score, '')}".strip()
        name_box = Box(box.x + 36, cy + 1, box.w - 36, 12)
        w.line_of_text(persona.name, name_box, 9, True, persona.colour, f"persona “{persona.name}”")
        w.fill(palette.MUTED)
        w.string(box.x + 36, cy - 10, text, 8.5, False, "faces")
    return 24 + min(len(j.personas), max(1, int((box.h - 24) // row))) * row


def _writing_boxes(p: Pages, box: Box) -> None:
    w = p.w
    gap = 10
    each = (box.w - gap * (len(WRITING_BOXES) - 1)) / len(WRITING_BOXES)
    for i, title in enumerate(WRITING_BOXES):
        b = Box(box.x + i * (each + gap), box.y, each, box.h)
        w.stroke(palette.CELL_BORDER, 0.8)
        w.fill("#ffffff")
        p.c.roundRect(b.x, b.y, b.w, b.h, 5, stroke=1, fill=1)
        w.fill(palette.TEXT)
        w.string(b.x + 8, b.top - 14, title, 9.5, True, "writing box")
        w.stroke(palette.CELL_BORDER, 0.5)
        y = b.top - 34
        while y > b.y + 8:
            p.c.line(b.x + 8, y, b.right - 8, y)
            y -= 18


def _vote_strip(p: Pages, box: Box) -> None:
    w = p.w
    w.fill(palette.TEXT)
    x = (
        box.x
        + w.string(box.x, box.y + 9, "Dot vote: mark the moments that matter most", 8.5, True, "vote")
        + 12
    )
    w.stroke(palette.NEUTRAL_LINE, 0.8)
    while x + 14 < box.right:
        p.c.circle(x + 7, box.y + 12, 7, stroke=1, fill=0)
        x += 22
