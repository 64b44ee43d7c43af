"""Merge ids of commands that merge continuous edits into one undo step."""

from __future__ import annotations

from enum import IntEnum


class CommandId(IntEnum):
    SET_EMOTION = 1
