"""The insights of the map: the main path, the moments of truth and the findings by severity."""

from __future__ import annotations

from cjm_editor.export.flow import Flow, draw_pages
from cjm_editor.export.pages import Pages
from cjm_editor.layout import palette

Section = tuple[str, list[str], str]
"""What the analysis found, as the caller gives it: (heading, lines, tone), the tone being "path",
"moments" or a severity (high, medium, low, info). Export does not run the analysis itself."""

TONES = {"path": "#b06f00", "moments": palette.MUTED, **palette.SEVERITY_COLOURS}


def draw(p: Pages, sections: list[Section]) -> None:
    body = p.new("Insights", bookmark="Insights")
    blocks = [(heading, items, TONES.get(tone, palette.MUTED)) for heading, items, tone in sections]
    if not blocks:
        blocks.append(("No findings", ["The analysis found nothing to report."], palette.MUTED))
    flow = Flow(p.w, body, body, 9.5)
    for heading, items, colour in blocks:
        flow.heading(heading, colour)
        for text in items:
            flow.item(text, "insights", colour)
        flow.gap(6)
    draw_pages(p, [flow], "Insights")
