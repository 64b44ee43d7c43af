"""Emotion curves as a chart across the stages, with faces for scores."""

from __future__ import annotations

from cjm_editor.export.draw_map import smooth
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import palette
from cjm_editor.model.journey import EmotionScale, Journey, Persona
from cjm_editor.model.workshop import spreads


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
    """Stages across, the scale up; one smooth curve per persona through its stage scores."""
    scale = j.scale
    left = 70.0
    bottom = 30.0
    plot = Box(box.x + left, box.y + bottom, box.w - left - 10, box.h - bottom - (24 if legend else 6))
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
        label = scale.labels.get(score, f"{score:+d}" if scale.min < 0 else str(score))
        w.fill(palette.MUTED)
        w.string(plot.x - 6, y - 2.5, label, 7, False, "chart scale", "right")
    w.c.setDash([])
    for i, stage in enumerate(j.stages):
        x = plot.x + step * (i + 0.5)
        w.stroke(palette.CELL_BORDER, 0.4)
        w.c.line(x, plot.y, x, plot.top)
        w.line_of_text(
            stage.name,
            Box(x - step / 2 + 2, box.y + 8, step - 4, 14),
            8,
            True,
            palette.TEXT,
            f"stage “{stage.name}” on the chart",
        )
    stage_x = {s.id: plot.x + step * (i + 0.5) for i, s in enumerate(j.stages)}
    spread = spreads(j)  # mean, min-max and n of the emotion point and ratings at each stage
    for k, persona in enumerate(personas):
        at = {
            anchor: s
            for (pid, kind, anchor), s in spread.items()
            if pid == persona.id and kind == "stage" and anchor in stage_x
        }
        points = sorted((stage_x[sid], y_of(s.mean)) for sid, s in at.items())
        if not points:
            continue
        shift = (k - (len(personas) - 1) / 2) * 7  # bands of several personas side by side
        for sid, s in at.items():
            if s.n > 1:
                bx = stage_x[sid] + shift
                w.fill(persona.colour, 0.25)
                w.c.rect(bx - 3, y_of(s.low), 6, y_of(s.high) - y_of(s.low), stroke=0, fill=1)
                w.fill(persona.colour)
                w.string(bx + 5, y_of(s.high) + 2, f"n={s.n}", 6.5, True, "chart band")
        w.stroke(persona.colour, 2.2)
        w.c.setLineCap(1)
        smooth(w, points)
        w.fill(persona.colour)
        for x, y in points:
            w.c.circle(x, y, 3.5, stroke=0, fill=1)
    if legend:
        x = plot.x
        for persona in personas:
            w.fill(persona.colour)
            w.c.rect(x, box.top - 14, 14, 4, stroke=0, fill=1)
            x += 18
            x += w.string(x, box.top - 16, persona.name, 8.5, False, "chart legend") + 16
