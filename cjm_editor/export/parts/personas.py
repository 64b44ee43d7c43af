"""One sheet per persona: who they are, what they want, and their emotion curve."""

from __future__ import annotations

from cjm_editor.export.chart import draw_chart
from cjm_editor.export.flow import Column
from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import Box
from cjm_editor.layout import palette


def draw(p: Pages) -> None:
    w, j = p.w, p.j
    for i, persona in enumerate(j.personas):
        body = p.new(f"Persona: {persona.name}", bookmark="Personas" if i == 0 else "")
        p.mark(persona.name, level=1)
        where = f"persona “{persona.name}”"
        w.fill(persona.colour)
        p.c.roundRect(body.x, body.top - 8, 60, 6, 3, stroke=0, fill=1)
        top = body.top - 14
        if persona.description:
            top -= (
                w.paragraph(
                    persona.description, Box(body.x, top - 40, body.w, 40), 10.5, False, palette.TEXT, where
                )
                + 6
            )
        chart_h = body.h * 0.42
        lists = Box(body.x, body.y + chart_h + 10, body.w, top - body.y - chart_h - 10)
        half = (lists.w - 20) / 2
        left = Column(w, Box(lists.x, lists.y, half, lists.h))
        right = Column(w, Box(lists.x + half + 20, lists.y, half, lists.h))
        left.items("Goals", list(persona.goals), where, persona.colour)
        left.items("Needs", list(persona.needs), where, persona.colour)
        right.items("Pain points", list(persona.pain_points), where, persona.colour)
        right.items("Channels", list(persona.channels), where, persona.colour)
        w.fill(palette.TEXT)
        w.string(body.x, body.y + chart_h - 4, "Emotion curve", 10.5, True, where)
        draw_chart(w, Box(body.x, body.y, body.w, chart_h - 12), j, [persona], legend=False)
