"""What a canvas gesture is, and what a mode is.

The scene offers each mouse press, in priority order, to the interactions of its mode; the first
that takes it (press returns True) gets the moves and the release of that gesture, or `cancel()` if
the gesture is broken off (Escape, another mode, the scene going away). Double-clicks, keys and
drags from outside (the palette) are offered the same way. Nothing claimed falls through to the
default: selecting the item under the mouse. Interactions read the document and push undo
commands; items only draw and say where their hot spots are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsSceneDragDropEvent, QGraphicsSceneMouseEvent

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene


class Interaction:
    """One gesture. Subclasses override the events they care about; the defaults decline."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        """Take the gesture that starts with this press (True) or let the next interaction try."""
        return False

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        """The mouse moved during a gesture this interaction took."""

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        """The gesture ends: commit what it did."""

    def cancel(self) -> None:
        """The gesture is broken off: put everything back as it was before the press."""

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False

    def drag_enter(self, event: QGraphicsSceneDragDropEvent) -> bool:
        """Take a drag from outside the canvas (True); it then gets drag_move, drag_leave and drop."""
        return False

    def drag_move(self, event: QGraphicsSceneDragDropEvent) -> None:
        """The outside drag moved over the canvas."""

    def drag_leave(self) -> None:
        """The outside drag left the canvas."""

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        """The outside drag was dropped on the canvas."""


@dataclass(frozen=True)
class Mode:
    """A named set of allowed interactions, in the order the scene offers them events."""

    name: str
    interactions: tuple[type[Interaction], ...]
    locked: bool = False  # stages and lanes cannot be moved, renamed or deleted (the Edit actions ask)

    def allows(self, kind: type[Interaction]) -> bool:
        return kind in self.interactions
