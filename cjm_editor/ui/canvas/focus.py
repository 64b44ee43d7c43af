"""View → Focus on Persona: the cards that do not concern the chosen persona and the other personas'
curves fade, the way a segment review is run. A view setting: the map does not change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject

from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.emotion import EmotionCurveItem, EmotionPointItem

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene

FADED = 0.2


class PersonaFocus(QObject):
    """Holds the persona in focus (None: everyone) and fades the rest of the scene it is bound to."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.persona_id: str | None = None
        self.scene: JourneyScene | None = None
        self._faded = False  # whether anything is faded now (with no focus, edits cost nothing here)

    def bind(self, scene: JourneyScene) -> None:
        old, self.scene = self.scene, scene
        self._faded = True  # a new scene: look at every item once
        if old is not None and shiboken6.isValid(old):
            old.synced.disconnect(self.apply)
        scene.synced.connect(self.apply)
        if self.persona_id is not None and not scene.doc.has("personas", self.persona_id):
            self.persona_id = None
        self.apply()

    def set_persona(self, persona_id: str | None) -> None:
        self.persona_id = persona_id
        self.apply()

    def concerns(self, item: object) -> bool:
        """Whether an item is in focus (everything is when no persona is chosen)."""
        pid, scene = self.persona_id, self.scene
        if pid is None or scene is None:
            return True
        if isinstance(item, CardItem):
            return not item.card.personas or pid in item.card.personas  # no personas: everyone's
        if isinstance(item, EmotionCurveItem):
            return item.element_id == pid
        if isinstance(item, EmotionPointItem):
            return (
                scene.doc.has("emotions", item.element_id)
                and scene.doc.emotion(item.element_id).persona_id == pid
            )
        return True

    def apply(self) -> None:
        scene = self.scene
        if scene is None or not shiboken6.isValid(scene) or scene.signalsBlocked():
            return
        if self.persona_id is not None and not scene.doc.has("personas", self.persona_id):
            self.persona_id = None
        if self.persona_id is None and not self._faded:
            return
        self._faded = self.persona_id is not None
        for item in scene.items():
            if isinstance(item, CardItem | EmotionCurveItem | EmotionPointItem):
                item.setOpacity(1.0 if self.concerns(item) else FADED)
