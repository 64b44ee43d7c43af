"""The map's colours and channel glyphs, shared by the canvas and the PDF export. The words for kinds
live in the model's vocabulary (re-exported here for the drawing code)."""

from __future__ import annotations

from cjm_editor.model.journey import PERSONA_COLOURS, persona_colour
from cjm_editor.model.vocabulary import KIND_LABELS, LANE_KIND_LABELS

__all__ = ["KIND_LABELS", "LANE_KIND_LABELS", "PERSONA_COLOURS", "persona_colour"]

CANVAS_BG = "#eef0f3"
CELL_BG = "#ffffff"
CELL_BORDER = "#d9dde3"
HEADER_BG = "#2f3b4c"
HEADER_TEXT = "#ffffff"
LANE_BG = "#e2e6ec"
LANE_TEXT = "#2f3b4c"
LANE_KIND_TEXT = "#6b7686"
TEXT = "#1f2630"
MUTED = "#5d6673"
SELECTION = "#1a73e8"
MARKER = "#1a73e8"
NEUTRAL_LINE = "#9aa3ae"
CONNECTION = "#56606d"

# findings of the analysis, most urgent first
SEVERITY_COLOURS = {"high": "#d93025", "medium": "#e37400", "low": "#1a73e8", "info": "#5d6673"}


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
