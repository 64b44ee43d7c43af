"""The keys and mouse gestures of the canvas and of each workshop mode, in one place: the handlers
match keys through these entries and Help → Keyboard Shortcuts prints them, so the sheet cannot
miss a key a mode handles (tests/ui/test_keymap.py presses every key to check)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt

K = Qt.Key


@dataclass(frozen=True)
class Keys:
    """What the sheet says (`label`: the keys or the gesture, `does`) and the keys a handler matches
    (none for a mouse gesture)."""

    label: str
    does: str
    keys: frozenset[Qt.Key] = field(default_factory=frozenset)

    def __contains__(self, key: object) -> bool:
        return key in self.keys


def _keys(*keys: Qt.Key) -> frozenset[Qt.Key]:
    return frozenset(keys)


_DIGITS_1_9 = _keys(*(getattr(K, f"Key_{i}") for i in range(1, 10)))

# ------------------------------------------------------------------ the canvas (every mode)
ARROWS = Keys(
    "← → ↑ ↓",
    "Select the next card left, right, up or down (or the next stage or lane header)",
    _keys(K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down),
)
CTRL_ARROWS = Keys(
    "Ctrl+← → ↑ ↓", "Move the selected cards to the neighbouring cell (one undo step)", ARROWS.keys
)
TAB = Keys(
    "Tab / Shift+Tab", "Select the next / previous card in reading order", _keys(K.Key_Tab, K.Key_Backtab)
)
ENTER = Keys(
    "Enter",
    "Edit the selected card's title (or rename the stage or lane, label the connection)",
    _keys(K.Key_Return, K.Key_Enter),
)
CANCEL = Keys("Escape", "Cancel the gesture or the title edit under way", _keys(K.Key_Escape))
CANVAS = (
    ARROWS,
    CTRL_ARROWS,
    TAB,
    ENTER,
    CANCEL,
    Keys("Click in the emotion lane", "Set the active persona's score at that stage"),
    Keys(
        "Shift+click in the emotion lane", "Set the active persona's score at the selected card of that stage"
    ),
    Keys("Ctrl+wheel, pinch", "Zoom"),
    Keys("Space+drag, middle button drag", "Pan"),
)

# ------------------------------------------------------------------ Present (ui/workshop/present.py)
BACK = Keys("←, ↑, PageUp", "The previous stage", _keys(K.Key_Left, K.Key_Up, K.Key_PageUp))
FORWARD = Keys(
    "→, ↓, PageDown",
    "The next stage (what a presentation clicker sends)",
    _keys(K.Key_Right, K.Key_Down, K.Key_PageDown),
)
TIMER = Keys("T", "Start or pause the stage's timer", _keys(K.Key_T))
LANES = Keys("1–9", "Hide or reveal the n-th lane", _DIGITS_1_9)
LEAVE = Keys("Escape", "Leave Present", _keys(K.Key_Escape))
PRESENT = (BACK, FORWARD, TIMER, LANES, LEAVE, Keys("Lane buttons in the bar", "Hide or reveal that lane"))

# ------------------------------------------------------------------ Vote and Rate (interactions/workshop.py)
PARTICIPANT = Keys(
    "1–9, 0", "Choose the participant in that place of the list (0: nobody)", _DIGITS_1_9 | {K.Key_0}
)
VOTE = (
    Keys("Click on a card", "Add a dot for the current participant"),
    Keys("Right-click on a card", "Take one of the current participant's dots back"),
    PARTICIPANT,
)
RATE = (
    Keys("Click in the emotion lane", "The current participant's score for the active persona at that stage"),
    Keys("Shift+click in the emotion lane", "The same, at the selected card of that stage"),
    PARTICIPANT,
)

SECTIONS: tuple[tuple[str, tuple[Keys, ...]], ...] = (
    ("Canvas", CANVAS),
    ("Present (Workshop → Present, F5)", PRESENT),
    ("Vote mode", VOTE),
    ("Rate mode", RATE),
)
