"""Workshop gestures: dot voting on cards, rating in the emotion lane, and picking the cell a scribe
captures into."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cjm_editor.commands.elements import AddElement
from cjm_editor.commands.removal import RemoveElements
from cjm_editor.commands.structure import UpdateElement
from cjm_editor.model.journey import Participant, Rating, Vote
from cjm_editor.model.vocabulary import counted
from cjm_editor.model.workshop import dots_left, vote_refusal
from cjm_editor.ui import keymap
from cjm_editor.ui.canvas.interactions.base import Interaction
from cjm_editor.ui.canvas.interactions.emotions import lane_place
from cjm_editor.ui.canvas.items.card import CardItem

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene

_LEFT, _RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
_DIGITS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(10)}


def current_participant(scene: JourneyScene) -> Participant | None:
    pid = scene.workshop.participant
    if pid is None or not scene.doc.has("participants", pid):
        return None
    participant: Participant = scene.doc.get("participants", pid)
    return participant


def pick_participant_by_key(scene: JourneyScene, event: QKeyEvent) -> bool:
    """Number keys 1-9 choose the participant in that place of the list; 0 nobody."""
    if event.key() not in keymap.PARTICIPANT:
        return False
    digit = _DIGITS[Qt.Key(event.key())]
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    people = scene.doc.journey.participants
    if digit == 0:
        scene.workshop.set_participant(None)
        scene.hint.emit("No participant chosen")
        return True
    if digit > len(people):
        scene.hint.emit(f"There is no participant {digit}; add participants in the Workshop panel")
        return True
    person = people[digit - 1]
    scene.workshop.set_participant(person.id)
    scene.hint.emit(f"{person.name} now ({dots_left(scene.doc.journey, person.id)} dots left)")
    return True


class CastVote(Interaction):
    """A click on a card adds a dot for the current participant; a right-click takes one of theirs
    off; number keys choose the participant. The N-th dot is the last."""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if not isinstance(top, CardItem) or event.button() not in (_LEFT, _RIGHT):
            return False
        event.accept()
        if event.button() == _LEFT:
            self.vote(top.element_id)
        else:
            self.unvote(top.element_id)
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        return pick_participant_by_key(self.scene, event)

    def vote(self, card_id: str) -> bool:
        scene, doc = self.scene, self.scene.doc
        person = current_participant(scene)
        if person is None:
            scene.hint.emit("Choose who is voting first (number keys 1–9 or the Workshop panel)")
            return False
        refusal = vote_refusal(doc.journey, doc.card(card_id), person.id, person.name)
        if refusal is not None:
            scene.hint.emit(refusal[0].upper() + refusal[1:])
            return False
        scene.stack.push(AddElement(doc, "votes", Vote(card_id, person.id), text=f"{person.name} votes"))
        left = dots_left(doc.journey, person.id)
        scene.hint.emit(f"{person.name}: {counted(left, 'dot')} left" if left else f"{person.name}: last dot")
        return True

    def unvote(self, card_id: str) -> bool:
        scene, doc = self.scene, self.scene.doc
        person = current_participant(scene)
        who = person.id if person is not None else None
        mine = [v for v in doc.journey.votes if v.card_id == card_id and v.participant_id == who]
        if not mine:
            scene.hint.emit("No dot of theirs on this card")
            return False
        name = person.name if person is not None else "Anonymous"
        scene.stack.push(RemoveElements(doc, [mine[-1].id], f"Take back {name}'s vote"))
        return True


class RateInEmotionLane(Interaction):
    """A click in the emotion lane records the current participant's rating of the active persona at
    that stage (or at the selected card of that stage); a second click changes it."""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        g = self.scene.geometry
        if event.button() != _LEFT or g.emotion_lane is None:
            return False
        if not g.rows[g.emotion_lane].contains(pos.x(), pos.y()):
            return False
        self.rate_at(pos, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        event.accept()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        return pick_participant_by_key(self.scene, event)

    def rate_at(self, pos: QPointF, on_card: bool = False) -> bool:
        """The current participant's rating for the active persona at that stage (Shift: at the
        selected card of that stage, as a click in the emotion lane does)."""
        scene, doc = self.scene, self.scene.doc
        j = doc.journey
        person, persona = current_participant(scene), scene.active_persona
        if person is None:
            scene.hint.emit("Choose who is rating first (number keys 1–9 or the Workshop panel)")
            return False
        if persona is None or not doc.has("personas", persona):
            scene.hint.emit("Add a persona first: ratings belong to a persona")
            return False
        place = lane_place(scene, pos, on_card)
        if place is None:
            return False
        score, kind, anchor = place
        mine = next(
            (
                r
                for r in j.ratings
                if (r.participant_id, r.persona_id, r.anchor_kind, r.anchor_id)
                == (person.id, persona, kind, anchor)
            ),
            None,
        )
        if mine is None:
            rating = Rating(persona, kind, anchor, score, person.id)
            scene.stack.push(AddElement(doc, "ratings", rating, text=f"{person.name} rates"))
        elif mine.score != score:
            scene.stack.push(
                UpdateElement(doc, "ratings", mine.id, f"{person.name} rates again", score=score)
            )
        scene.hint.emit(f"{person.name} rated {score:+d}")
        return True


class PickCell(Interaction):
    """Watches presses: the cell pressed (or the cell of the card pressed) becomes the one the capture
    bar adds cards to. Never takes the gesture."""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        top = self.scene.top_item(pos)
        if isinstance(top, CardItem):
            self.scene.workshop.set_cell((top.card.stage_id, top.card.lane_id))
            return False
        cell = self.scene.geometry.cell_at(pos.x(), pos.y())
        if cell is not None and cell[1] != self.scene.geometry.emotion_lane:
            self.scene.workshop.set_cell(cell)
        return False
