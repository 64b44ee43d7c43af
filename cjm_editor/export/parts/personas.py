"""One sheet per persona: who they are, what they want, and their emotion curve. Long lists go on
over continuation pages; the curve stays on the first."""

from __future__ import annotations

from cjm_editor.export.chart import draw_chart
from cjm_editor.export.flow import Flow, draw_pages
from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import LEADING, Box, wrap
from cjm_editor.layout import palette
from cjm_editor.model.journey import Persona


def draw(p: Pages) -> None:
    for i, persona in enumerate(p.j.personas):
        heading = f"Persona: {persona.name}"
        body = p.new(heading, bookmark="Personas" if i == 0 else "")
        p.mark(persona.name, level=1)
        _sheet(p, persona, heading, body)


def _sheet(p: Pages, persona: Persona, heading: str, body: Box) -> None:
    w, j = p.w, p.j
    where = f"persona “{persona.name}”"
    top = body.top - 14
    description_h = 0.0
    if persona.description:
        description_h = min(len(wrap(persona.description, body.w, 10.5)), 4) * 10.5 * LEADING + 6
        top -= description_h
    chart_h = body.h * 0.42
    lists = Box(body.x, body.y + chart_h + 10, body.w, top - body.y - chart_h - 10)
    half = (lists.w - 20) / 2
    left = Flow(w, Box(lists.x, lists.y, half, lists.h), Box(body.x, body.y, half, body.h))
    right_x = lists.x + half + 20
    right = Flow(w, Box(right_x, lists.y, half, lists.h), Box(right_x, body.y, half, body.h))
    left.items("Goals", list(persona.goals), where, persona.colour)
    left.items("Needs", list(persona.needs), where, persona.colour)
    right.items("Pain points", list(persona.pain_points), where, persona.colour)
    right.items("Channels", list(persona.channels), where, persona.colour)

    def first() -> None:
        w.fill(persona.colour)
        p.c.roundRect(body.x, body.top - 8, 60, 6, 3, stroke=0, fill=1)
        if persona.description:
            w.paragraph(
                persona.description,
                Box(body.x, top, body.w, description_h - 6),
                10.5,
                False,
                palette.TEXT,
                where,
            )
        w.fill(palette.TEXT)
        w.string(body.x, body.y + chart_h - 4, "Emotion curve", 10.5, True, where)
        draw_chart(w, Box(body.x, body.y, body.w, chart_h - 12), j, [persona], legend=False)

    draw_pages(p, [left, right], heading, first)
