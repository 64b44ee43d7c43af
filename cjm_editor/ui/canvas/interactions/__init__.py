"""Canvas interactions: one object per gesture, and modes that say which gestures are allowed.

A new mode (present, lock, vote) is a new `Mode` listing the interactions it allows, plus any new
Interaction subclasses it needs; the scene's event handlers stay as they are.
"""

from __future__ import annotations

from cjm_editor.ui.canvas.interactions.base import Interaction, Mode
from cjm_editor.ui.canvas.interactions.cards import (
    ConnectCards,
    EditTitle,
    MoveCards,
    RenameByDoubleClick,
    RubberBand,
)
from cjm_editor.ui.canvas.interactions.emotions import DragEmotionPoint, EmotionLaneClick
from cjm_editor.ui.canvas.interactions.headers import CollapseLane, ReorderHeader, ResizeStageHeader
from cjm_editor.ui.canvas.interactions.keyboard import KeyboardNavigation
from cjm_editor.ui.canvas.interactions.palette import PaletteDrop
from cjm_editor.ui.canvas.interactions.workshop import CastVote, PickCell, RateInEmotionLane

# Editing: everything. The order is the priority: the title editor closes on a press elsewhere
# before that press does anything else; the ● handle connects before the card moves; a stage
# header's edge resizes and a lane header's toggle collapses before the header is dragged.
EDIT_MODE = Mode(
    "edit",
    (
        PickCell,  # only watches: the cell pressed is where the capture line adds cards
        EditTitle,
        ConnectCards,
        MoveCards,
        DragEmotionPoint,
        ResizeStageHeader,
        CollapseLane,
        ReorderHeader,
        EmotionLaneClick,
        RubberBand,
        RenameByDoubleClick,
        PaletteDrop,
        KeyboardNavigation,
    ),
)

# Workshop modes (ui/workshop/). Locked: cards can be added, moved and edited, stages and lanes stay
# as they are (no header drags, resizes, collapses or renames; Delete skips them). Present is locked.
_CARD_WORK = (
    PickCell,
    EditTitle,
    ConnectCards,
    MoveCards,
    DragEmotionPoint,
    EmotionLaneClick,
    RubberBand,
)
LOCK_MODE = Mode("lock", _CARD_WORK, locked=True)
PRESENT_MODE = Mode("present", _CARD_WORK, locked=True)
VOTE_MODE = Mode("vote", (CastVote,), locked=True)
RATE_MODE = Mode("rate", (RateInEmotionLane, RubberBand), locked=True)

__all__ = [
    "EDIT_MODE",
    "LOCK_MODE",
    "PRESENT_MODE",
    "RATE_MODE",
    "VOTE_MODE",
    "CastVote",
    "PickCell",
    "RateInEmotionLane",
    "CollapseLane",
    "ConnectCards",
    "DragEmotionPoint",
    "EditTitle",
    "EmotionLaneClick",
    "Interaction",
    "KeyboardNavigation",
    "Mode",
    "MoveCards",
    "PaletteDrop",
    "RenameByDoubleClick",
    "ReorderHeader",
    "ResizeStageHeader",
    "RubberBand",
]
