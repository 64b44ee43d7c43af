"""Gestures in the emotion lane: drag a point between scale steps, click to set the active persona's score."""

from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cjm_editor.commands.emotions import AddEmotion, SetEmotion
from cjm_editor.model import EmotionPoint
from cjm_editor.model.journey import AnchorKind
from cjm_editor.ui.canvas.interactions.base import Interaction
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene

_LEFT = Qt.MouseButton.LeftButton
_gestures = count(1)  # SetEmotion merges the steps of one drag by this number


class DragEmotionPoint(Interaction):
    """Drag an emotion point up or down: it snaps to scale steps, and the whole drag is one undo step."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self._point: str | None = None
        self._gesture = 0
        self._start_y = 0.0
        self._item_y = 0.0
        self._score_before = 0

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if event.button() != _LEFT or not isinstance(top, EmotionPointItem):
            return False
        self.scene.default_press(event)  # selects the point
        self._point, self._gesture = top.element_id, next(_gestures)
        self._start_y, self._item_y = event.scenePos().y(), top.y()
        self._score_before = self.scene.doc.emotion(top.element_id).score
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        doc, point = self.scene.doc, self._point
        if point is None or not doc.has("emotions", point):
            return
        scale = doc.journey.scale
        y = self._item_y + event.scenePos().y() - self._start_y
        score = self.scene.geometry.y_score(y, scale.min, scale.max)
        if score != doc.emotion(point).score:
            self.scene.stack.push(SetEmotion(doc, point, score, self._gesture))

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene.default_release(event)
        self._point = None

    def cancel(self) -> None:
        doc, point, self._point = self.scene.doc, self._point, None
        if point is None or not doc.has("emotions", point):
            return
        if doc.emotion(point).score != self._score_before:  # one SetEmotion, merged away: no step left
            self.scene.stack.push(SetEmotion(doc, point, self._score_before, self._gesture))


class EmotionLaneClick(Interaction):
    """A click on empty space in the emotion lane sets the active persona's score at that stage;
    Shift+click sets it at the one selected card of that stage instead."""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        g = self.scene.geometry
        if event.button() != _LEFT or g.emotion_lane is None or self.scene.top_item(pos) is not None:
            return False
        on_card = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not g.rows[g.emotion_lane].contains(pos.x(), pos.y()) or not self.add_at(pos, on_card):
            return False
        event.accept()
        return True

    def add_at(self, pos: QPointF, on_card: bool = False) -> bool:
        """The active persona's score at that stage, or (`on_card`, the user asked for it) at the selected
        card when exactly one card of that stage is selected. An existing point takes the new score."""
        scene, doc = self.scene, self.scene.doc
        g = scene.geometry
        persona = scene.active_persona
        if persona is None or not doc.has("personas", persona) or g.emotion_lane is None:
            scene.hint.emit("Add a persona first: emotion points belong to a persona.")
            return False
        if persona in scene.hidden_personas:
            scene.hint.emit("The active persona's curve is hidden; show it to add points.")
            return False
        place = lane_place(scene, pos, on_card)
        if place is None:
            return False
        score, kind, anchor = place
        existing = doc.emotion_at(persona, kind, anchor)
        if existing is not None:
            if existing.score != score:
                scene.stack.push(SetEmotion(doc, existing.id, score))
            return True
        scene.stack.push(AddEmotion(doc, EmotionPoint(persona, kind, anchor, score)))
        return True


def lane_place(scene: JourneyScene, pos: QPointF, on_card: bool) -> tuple[int, AnchorKind, str] | None:
    """Where a click in the emotion lane scores: the scale step under it, at the stage of that column,
    or (`on_card`, the user asked for it) at the selected card when exactly one card of that stage is
    selected. None outside every stage column."""
    g, scale = scene.geometry, scene.doc.journey.scale
    stage_id = next((sid for sid, r in g.columns.items() if r.x <= pos.x() <= r.right), None)
    if stage_id is None:
        return None
    score = g.y_score(pos.y(), scale.min, scale.max)
    chosen = [
        item.card
        for item in scene.selectedItems()
        if on_card and isinstance(item, CardItem) and item.card.stage_id == stage_id
    ]
    if len(chosen) == 1:
        return score, "card", chosen[0].id
    return score, "stage", stage_id
