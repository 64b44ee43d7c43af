"""Emotion curves as a chart across the stages, with faces for scores."""

from __future__ import annotations

from cjm_editor.export.draw_map import smooth
from cjm_editor.export.legend import marker, persona_legend, persona_style
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import palette
from cjm_editor.model.feelings import RULE, stage_feelings
from cjm_editor.model.journey import EmotionScale, Journey, Persona
from cjm_editor.model.workshop import spreads


def score_text(score: int, scale: EmotionScale) -> str:
    """ "−2 Very unhappy", "0 Neutral", "+1 Happy" on a signed scale; "4 Happy" on 1..5."""
    signed = "0" if score == 0 else f"{score:+d}".replace("-", "\u2212")
    number = signed if scale.min < 0 else str(score)
    return f"{number} {scale.labels.get(score, '')}".strip()


def face(w: Writer, x: float, y: float, r: float, score: float, scale: EmotionScale, colour: str) -> None:
    """A round face whose mouth curves with the score (a frown at the bottom of the scale)."""
    c = w.c
    w.fill(colour, 0.18)
    w.stroke(colour, max(0.8, r / 10))
    c.circle(x, y, r, stroke=1, fill=1)
    w.fill(colour)
    c.circle(x - r * 0.35, y + r * 0.25, r * 0.1, stroke=0, fill=1)
    c.circle(x + r * 0.35, y + r * 0.25, r * 0.1, stroke=0, fill=1)
    mood = (score - scale.neutral) / max(1e-9, (scale.max - scale.min) / 2)  # -1..1
    path = c.beginPath()
    path.moveTo(x - r * 0.45, y - r * 0.3)
    path.curveTo(
        x - r * 0.2,
        y - r * 0.3 - mood * r * 0.35,
        x + r * 0.2,
        y - r * 0.3 - mood * r * 0.35,
        x + r * 0.45,
        y - r * 0.3,
    )
    c.drawPath(path, stroke=1, fill=0)


def draw_chart(w: Writer, box: Box, j: Journey, personas: list[Persona], legend: bool = True) -> None:
    """Stages across, the scale up; one smooth curve per persona through its stage scores (the
    lowest point in each stage, see emotions.RULE). In grayscale each persona has its own dash
    pattern and marker shape."""
    scale = j.scale
    left = 70.0
    bottom = 30.0
    legend_h = 0.0
    if legend:
        legend_h = persona_legend(
            w, personas, Box(box.x + left, box.top - 200, box.w - left - 10, 200), True, j.personas
        )
    feelings = stage_feelings(j)
    several = any(f.points > 1 for (pid, _), f in feelings.items() if pid in {q.id for q in personas})
    note_h = 12.0 if several else 0.0
    plot = Box(
        box.x + left, box.y + bottom + note_h, box.w - left - 10, box.h - bottom - note_h - legend_h - 8
    )
    if not j.stages or plot.w <= 0 or plot.h <= 0:
        return
    step = plot.w / len(j.stages)

    def y_of(score: float) -> float:
        return plot.y + (score - scale.min) / (scale.max - scale.min) * plot.h

    for score in range(scale.min, scale.max + 1):
        y = y_of(score)
        neutral = score == scale.neutral
        w.stroke(palette.NEUTRAL_LINE, 1.0 if neutral else 0.4)
        w.c.setDash([] if neutral else [1, 2])
        w.c.line(plot.x, y, plot.right, y)
        w.fill(palette.MUTED)
        w.string(plot.x - 6, y - 2.5, score_text(score, scale), 7, False, "chart scale", "right")
    w.c.setDash([])
    for i, stage in enumerate(j.stages):
        x = plot.x + step * (i + 0.5)
        w.stroke(palette.CELL_BORDER, 0.4)
        w.c.line(x, plot.y, x, plot.top)
        w.line_of_text(
            stage.name,
            Box(x - step / 2 + 2, plot.y - 22, step - 4, 14),
            8,
            True,
            palette.TEXT,
            f"stage “{stage.name}” on the chart",
            align="center",  # under its point, not from the left of its slot
        )
    if several:
        w.fill(palette.MUTED)
        w.string(plot.x, box.y + 4, RULE, 7, False, "chart rule")
    shown = {q.id for q in personas}
    spread = spreads(j)
    rated = {(r.persona_id, r.anchor_id) for r in j.ratings if r.anchor_kind == "stage"}

    def _score(pid: str, sid: str) -> float:
        return spread[(pid, "stage", sid)].mean if (pid, sid) in rated else feelings[(pid, sid)].score

    for n, persona in enumerate(j.personas):
        if persona.id not in shown:
            continue
        # where participants rated a stage, the curve goes through the mean of its scores, with a
        # min-max band and n (model/workshop.py)
        points = [
            (plot.x + step * (i + 0.5), y_of(_score(persona.id, s.id)))
            for i, s in enumerate(j.stages)
            if (persona.id, s.id) in feelings or (persona.id, s.id) in rated
        ]
        if not points:
            continue
        shift = (n - (len(j.personas) - 1) / 2) * 7  # bands of several personas side by side
        for i, s in enumerate(j.stages):
            band = spread.get((persona.id, "stage", s.id))
            if (persona.id, s.id) in rated and band is not None and band.n > 1:
                bx = plot.x + step * (i + 0.5) + shift
                w.fill(persona.colour, 0.25)
                w.c.rect(bx - 3, y_of(band.low), 6, y_of(band.high) - y_of(band.low), stroke=0, fill=1)
                w.fill(persona.colour)
                w.string(bx + 5, y_of(band.high) + 2, f"n={band.n}", 6.5, True, "chart band")
        dash, shape = persona_style(n, w.grayscale)
        w.stroke(persona.colour, 2.2)
        w.c.setLineCap(1)
        w.c.setDash(dash)
        smooth(w, points)
        w.c.setDash([])
        w.fill(persona.colour)
        for x, y in points:
            marker(w, shape, x, y, 3.8)
    if legend:
        persona_legend(
            w, personas, Box(box.x + left, box.top - legend_h, box.w - left - 10, legend_h), False, j.personas
        )
