"""Colours, pens, z-values and fonts of the canvas. paint() reads these; nothing else lives here."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from cjm_editor.layout import content, palette

USER_TYPE = 65536  # QGraphicsItem::UserType; item type() values start here

Z_GRID = 0.0
Z_CONNECTION = 5.0
Z_CARD = 10.0
Z_CONNECTION_LABEL = 12.0  # above the cards it runs between
Z_CURVE = 20.0
Z_EMOTION_POINT = 30.0
Z_HEADER = 40.0
Z_DRAGGING = 100.0
Z_MARKER = 110.0

CARD_PEN = 1.0
CARD_RADIUS = content.CARD_RADIUS

CANVAS_BG = QColor(palette.CANVAS_BG)
CELL_BG = QColor(palette.CELL_BG)
CELL_BORDER = QColor(palette.CELL_BORDER)
HEADER_BG = QColor(palette.HEADER_BG)
HEADER_TEXT = QColor(palette.HEADER_TEXT)
LANE_BG = QColor(palette.LANE_BG)
LANE_TEXT = QColor(palette.LANE_TEXT)
LANE_KIND_TEXT = QColor(palette.LANE_KIND_TEXT)
TEXT = QColor(palette.TEXT)
MUTED = QColor(palette.MUTED)
SELECTION = QColor(palette.SELECTION)
MARKER = QColor(palette.MARKER)
NEUTRAL_LINE = QColor(palette.NEUTRAL_LINE)
CONNECTION = QColor(palette.CONNECTION)

CARD_COLOURS = dict(palette.CARD_COLOURS)  # a copy: ui/theme.py swaps in the dark variants
DARK = False  # whether the dark colours are in use (ui/theme.py)
KIND_LABELS = palette.KIND_LABELS
LANE_KIND_LABELS = palette.LANE_KIND_LABELS
CHANNEL_GLYPHS = palette.CHANNEL_GLYPHS

FONT_FAMILY = "DejaVu Sans"


def font(size: float, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f
