"""Colours, pens, z-values and fonts of the canvas. paint() reads these; nothing else lives here."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

USER_TYPE = 65536  # QGraphicsItem::UserType; item type() values start here

Z_GRID = 0.0
Z_CONNECTION = 5.0
Z_CARD = 10.0
Z_CURVE = 20.0
Z_EMOTION_POINT = 30.0
Z_HEADER = 40.0
Z_DRAGGING = 100.0
Z_MARKER = 110.0

CARD_PEN = 1.0
CARD_RADIUS = 6.0

CANVAS_BG = QColor("#eef0f3")
CELL_BG = QColor("#ffffff")
CELL_BORDER = QColor("#d9dde3")
HEADER_BG = QColor("#2f3b4c")
HEADER_TEXT = QColor("#ffffff")
LANE_BG = QColor("#e2e6ec")
LANE_TEXT = QColor("#2f3b4c")
LANE_KIND_TEXT = QColor("#6b7686")
TEXT = QColor("#1f2630")
MUTED = QColor("#5d6673")
SELECTION = QColor("#1a73e8")
MARKER = QColor("#1a73e8")
NEUTRAL_LINE = QColor("#9aa3ae")
CONNECTION = QColor("#56606d")

# fill, accent stripe for each card kind
CARD_COLOURS: dict[str, tuple[str, str]] = {
    "action": ("#f4f6f8", "#6b7686"),
    "touchpoint": ("#e8f1fd", "#1a73e8"),
    "quote": ("#fff8e1", "#c99400"),
    "pain-point": ("#fdecec", "#d93025"),
    "opportunity": ("#e6f4ea", "#188038"),
    "metric": ("#f3e8fd", "#8430ce"),
    "backstage": ("#eceff1", "#455a64"),
    "note": ("#fffde7", "#a39e5a"),
}

KIND_LABELS: dict[str, str] = {
    "action": "Action",
    "touchpoint": "Touchpoint",
    "quote": "Quote",
    "pain-point": "Pain point",
    "opportunity": "Opportunity",
    "metric": "Metric",
    "backstage": "Backstage",
    "note": "Note",
}

LANE_KIND_LABELS: dict[str, str] = {
    "actions": "customer actions",
    "touchpoints": "touchpoints",
    "thoughts": "thoughts & quotes",
    "emotions": "emotion curve",
    "pain-points": "pain points",
    "opportunities": "opportunities",
    "metrics": "metrics / KPIs",
    "backstage": "backstage",
    "notes": "notes",
}

# a short glyph per channel, drawn before the channel name (all present in DejaVu Sans)
CHANNEL_GLYPHS: dict[str, str] = {
    "web": "⊕",
    "mobile app": "▮",
    "email": "✉",
    "phone": "☎",
    "in store": "⌂",
    "social": "♯",
    "chat": "✎",
    "print": "▤",
}

FONT_FAMILY = "DejaVu Sans"


def font(size: float, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f
