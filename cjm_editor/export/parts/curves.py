"""Every persona's emotion curve on one chart across the stages, with a legend."""

from __future__ import annotations

from cjm_editor.export.chart import draw_chart
from cjm_editor.export.pages import Pages


def draw(p: Pages) -> None:
    body = p.new("Emotion curves", bookmark="Emotion curves")
    if not p.dry:
        draw_chart(p.w, body, p.j, list(p.j.personas), legend=True)
