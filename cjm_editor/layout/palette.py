"""The map's colours and the words for kinds and channels, shared by the canvas and the PDF export."""

from __future__ import annotations

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

# persona curves, in the order new personas take them
PERSONA_COLOURS = ("#d1495b", "#2e86ab", "#edae49", "#66a182", "#8e5572", "#00798c", "#f37748", "#5c4d7d")

# findings of the analysis, most urgent first
SEVERITY_COLOURS = {"high": "#d93025", "medium": "#e37400", "low": "#1a73e8", "info": "#5d6673"}


def persona_colour(index: int) -> str:
    return PERSONA_COLOURS[index % len(PERSONA_COLOURS)]


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
