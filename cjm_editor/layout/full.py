"""The whole map laid out at once: cells and cards, emotion curves, arrows on their tracks, labels."""

from __future__ import annotations

from cjm_editor.layout.geometry import MapGeometry, place_cells, place_curves
from cjm_editor.layout.labels import place_labels
from cjm_editor.layout.routes import route_all
from cjm_editor.model.journey import Journey


def compute(journey: Journey) -> MapGeometry:
    """Lay the whole map out. Linear in the number of cards and connections."""
    g = place_cells(journey)
    place_curves(journey, g)
    route_all(journey, g)
    place_labels(journey, g)
    return g
