"""Geometry of a map, shared by the canvas and the PDF export. Pure Python: no Qt."""

from __future__ import annotations

from cjm_editor.layout.full import compute
from cjm_editor.layout.geometry import MapGeometry, Point, Rect

__all__ = ["MapGeometry", "Point", "Rect", "compute"]
