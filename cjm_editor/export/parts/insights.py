"""The insights of the map: the main path, the moments of truth and the findings by severity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm_editor.analysis.findings import SEVERITIES
from cjm_editor.export.flow import Flow, draw_pages
from cjm_editor.export.pages import Pages
from cjm_editor.layout import palette

if TYPE_CHECKING:
    from cjm_editor.analysis.report import Report


def draw(p: Pages, report: Report) -> None:
    body = p.new("Insights", bookmark="Insights")
    blocks: list[tuple[str, list[str], str]] = []
    if report.main_path:
        blocks.append(("Main path", [" → ".join(report.titles[c] for c in report.main_path)], "#b06f00"))
    if report.moments:
        blocks.append(("Moments of truth", [report.moment_message(m) for m in report.moments], palette.MUTED))
    for severity in SEVERITIES:
        group = [f.message for f in report.findings if f.severity == severity]
        if group:
            blocks.append(
                (f"{severity.capitalize()} ({len(group)})", group, palette.SEVERITY_COLOURS[severity])
            )
    if not blocks:
        blocks.append(("No findings", ["The analysis found nothing to report."], palette.MUTED))
    flow = Flow(p.w, body, body, 9.5)
    for heading, items, colour in blocks:
        flow.heading(heading, colour)
        for text in items:
            flow.item(text, "insights", colour)
        flow.gap(6)
    draw_pages(p, [flow], "Insights")
