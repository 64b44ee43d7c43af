"""One worksheet per stage: what happens there, how each persona feels, and room to write and vote.

Everything of the stage is printed: when the lists do not fit the first page, they go on over
continuation pages (the writing boxes stay on the first). Card bodies print under their titles and
emotion notes under each persona's face.
"""

from __future__ import annotations

from collections.abc import Callable

from cjm_editor.export.chart import face, score_text
from cjm_editor.export.flow import Flow, draw_pages
from cjm_editor.export.pages import Pages
from cjm_editor.export.textline import isolated
from cjm_editor.export.writer import LEADING, Box, wrap
from cjm_editor.layout import palette
from cjm_editor.model.feelings import RULE, StageFeeling, stage_feelings
from cjm_editor.model.journey import Card, Persona, Stage
from cjm_editor.model.vocabulary import counted
from cjm_editor.model.workshop import tally

WRITING_BOXES = ("What did we hear?", "Pain points", "Ideas")
BODY_SIZE = 8.0
NOTE_SIZE = 8.0


def _num(v: float | None) -> str:
    return "–" if v is None else f"{v:g}"


def draw(p: Pages) -> None:
    feelings = stage_feelings(p.j)
    for index, stage in enumerate(p.j.stages, 1):
        body = p.new(f"Stage {index}: {stage.name}", bookmark="Stage worksheets" if index == 1 else "")
        p.mark(stage.name, level=1)
        _sheet(p, stage, index, body, feelings)


def _sheet(
    p: Pages, stage: Stage, index: int, body: Box, feelings: dict[tuple[str, str], StageFeeling]
) -> None:
    w, j = p.w, p.j
    where = f"stage “{stage.name}”"
    top = body.top
    description_h = 0.0
    if stage.description:
        lines = wrap(stage.description, body.w, 9.5)
        description_h = min(len(lines), 3) * 9.5 * LEADING + 4
        top -= description_h
    cards = [c for c in j.cards if c.stage_id == stage.id]
    write_h = body.h * 0.42  # the room to write in matters most in a workshop
    upper = Box(body.x, body.y + write_h + 10, body.w, top - body.y - write_h - 10)
    left_w, right_x = upper.w * 0.56, upper.x + upper.w * 0.6
    left = Flow(w, Box(upper.x, upper.y, left_w, upper.h), Box(body.x, body.y, left_w, body.h))

    def of(kind: str) -> list[Card]:
        return [c for c in cards if c.kind == kind]

    _cards(left, "Touchpoints", of("touchpoint"), where, _touchpoint)
    _cards(left, "What customers said", of("quote"), where, _quote)
    _cards(left, "Metrics", of("metric"), where, _metric)
    others = [
        c for c in cards if c.kind not in ("touchpoint", "quote", "metric", "pain-point", "opportunity")
    ]
    _cards(
        left,
        "Also in this stage",
        others,
        where,
        lambda c: f"{palette.KIND_LABELS.get(c.kind, c.kind)}: {isolated(c.title)}",
    )

    spare = []  # what the left column leaves free on the first page takes the right one's overflow
    if left.pages == 1 and left.y - upper.y > 70:
        spare.append(Box(upper.x, upper.y, left_w, left.y - upper.y - 8))
    right_w = upper.w * 0.4
    right = Flow(
        w, Box(right_x, upper.y, right_w, upper.h), Box(right_x, body.y, right_w, body.h), spare=spare
    )
    _faces(p, right, stage, feelings)
    counts = tally(p.j)  # the votes recorded in the map (model/workshop.py)
    pains = sorted(of("pain-point"), key=lambda c: -counts[c.id])

    def voted(c: Card) -> str:
        return _voted(c, counts[c.id])

    _cards(right, "Pain points", pains, where, voted, palette.CARD_COLOURS["pain-point"][1])
    _cards(right, "Opportunities", of("opportunity"), where, voted, palette.CARD_COLOURS["opportunity"][1])

    def first() -> None:
        if stage.description:
            w.paragraph(
                stage.description,
                Box(body.x, body.top - description_h, body.w, description_h),
                9.5,
                False,
                palette.MUTED,
                where,
            )
        _writing_boxes(p, Box(body.x, body.y + 30, body.w, write_h - 24))
        _vote_strip(p, Box(body.x, body.y, body.w, 24))

    draw_pages(p, [left, right], f"Stage {index}: {stage.name}", first)


def _cards(
    flow: Flow,
    heading: str,
    cards: list[Card],
    where: str,
    text: Callable[[Card], str],
    bullet: str | None = None,
) -> None:
    """Each card's line, then its body (smaller, muted) under it."""
    if not cards:
        return
    flow.heading(heading)
    colour = bullet or palette.CARD_COLOURS.get(cards[0].kind, palette.CARD_COLOURS["note"])[1]
    for c in cards:
        flow.item(text(c), f"{heading.lower()} of {where}", colour)
        if c.body.strip():
            flow.item(c.body.strip(), f"card body of {where}", None, BODY_SIZE, colour=palette.MUTED)
    flow.gap()


def _touchpoint(c: Card) -> str:
    extra = " · ".join(isolated(x) for x in (c.channel, c.owner) if x)
    return f"{isolated(c.title)} ({extra})" if extra else c.title


def _quote(c: Card) -> str:
    return f"{isolated(c.title)} — {isolated(c.source)}" if c.source else c.title


def _metric(c: Card) -> str:
    unit = isolated(c.unit)
    return f"{isolated(c.title)}: {_num(c.value)}{unit} (target {_num(c.target)}{unit})"


def _voted(c: Card, votes: int) -> str:
    return f"{isolated(c.title)}  [{counted(votes, 'vote')}]" if votes else c.title


def _faces(p: Pages, flow: Flow, stage: Stage, feelings: dict[tuple[str, str], StageFeeling]) -> None:
    """Each persona's feeling here as a face on the scale, with every note; the rule for several
    points in one stage is printed when it applies."""
    j = p.j
    flow.heading("How they feel")
    if not j.personas:
        flow.item("No personas yet.", "faces", None)
    several = False
    for persona in j.personas:
        feeling = feelings.get((persona.id, stage.id))
        several = several or (feeling is not None and feeling.points > 1)
        _face_row(p, flow, persona, feeling)
    if several:
        flow.item(RULE, "faces", None, 7.5, colour=palette.MUTED)
    flow.gap(6)


def _face_row(p: Pages, flow: Flow, persona: Persona, feeling: StageFeeling | None) -> None:
    w, j = p.w, p.j
    if feeling is None:
        text = "no score yet"
    else:
        text = score_text(feeling.score, j.scale)
        if feeling.card:
            text += f" at “{feeling.card}”"
    text_w = flow.box.w - 36
    lines = wrap(text, text_w, 8.5)
    height = max(34.0, 14 + len(lines) * 8.5 * LEADING + 4)

    def draw(box: Box) -> None:
        cy = box.top - 16
        if feeling is None:
            w.stroke(palette.NEUTRAL_LINE, 0.8)
            p.c.circle(box.x + 14, cy, 13, stroke=1, fill=0)
        else:
            face(w, box.x + 14, cy, 13, feeling.score, j.scale, persona.colour)
        w.line_of_text(
            persona.name,
            Box(box.x + 36, box.top - 13, box.w - 36, 12),
            9,
            True,
            persona.colour,
            f"persona “{persona.name}”",
        )
        w.fill(palette.MUTED)
        y = box.top - 24
        for line in lines:
            w.string(box.x + 36, y, line, 8.5, False, "faces")
            y -= 8.5 * LEADING

    flow.block(height, draw)
    for note in feeling.notes if feeling else ():
        flow.item(
            f"“{note}”", f"emotion note of {persona.name}", persona.colour, NOTE_SIZE, colour=palette.MUTED
        )


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
