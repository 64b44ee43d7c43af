"""How a poster is cut into sheets: tiles of the content area that overlap so they can be glued."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

SHEET_MARGIN = 10 * mm
OVERLAP = 9 * mm
SHEET = "Sheet "  # a sheet's name: "Sheet B3"


@dataclass(frozen=True, slots=True)
class Tile:
    """One sheet's window onto the content, in content points from the top left."""

    row: int
    col: int
    x: float
    y: float
    w: float
    h: float

    @property
    def label(self) -> str:
        """ "Sheet B3": row letter and column number, with a word no paper size is called by."""
        row = chr(ord("A") + self.row) if self.row < 26 else f"R{self.row + 1}-"
        return f"{SHEET}{row}{self.col + 1}"


def plan(content_w: float, content_h: float, page_w: float, page_h: float) -> list[Tile]:
    """Tiles row by row. Each covers the printable area of a sheet (inside SHEET_MARGIN); neighbours
    overlap by OVERLAP; together they cover the whole content."""
    usable_w, usable_h = page_w - 2 * SHEET_MARGIN, page_h - 2 * SHEET_MARGIN
    step_w, step_h = usable_w - OVERLAP, usable_h - OVERLAP
    cols = max(1, math.ceil((content_w - OVERLAP) / step_w - 1e-9))
    rows = max(1, math.ceil((content_h - OVERLAP) / step_h - 1e-9))
    return [Tile(r, c, c * step_w, r * step_h, usable_w, usable_h) for r in range(rows) for c in range(cols)]
