"""Undo commands: one QUndoCommand per user intent, storing ids and values, calling only JourneyDocument."""

from __future__ import annotations
