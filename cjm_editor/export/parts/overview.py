"""The whole map on one page, scaled to fit, drawn as vectors from the layout geometry."""

from __future__ import annotations

from cjm_editor.export.draw_map import Placement, draw_map
from cjm_editor.export.pages import Pages
from cjm_editor.layout import MapGeometry


def fit(g: MapGeometry, width: float, height: float, x: float, top: float) -> Placement:
    """Scale and place the map to fill a box, centred across."""
    s = min(width / max(g.width, 1), height / max(g.height, 1))
    return Placement(s, x + (width - g.width * s) / 2, top)


def draw(p: Pages, g: MapGeometry, personas: set[str] | None) -> Placement:
    body = p.new("The whole map", bookmark="The whole map")
    at = fit(g, body.w, body.h, body.x, body.top)
    if not p.dry:
        draw_map(p.w, p.j, g, at, personas=personas)
    return at
