"""Adding from the palette: drop a card into a cell (a marker shows where), or a stage or lane between
others; a double-click in the palette adds without a position."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsSceneDragDropEvent

from cjm_editor.commands.cards import AddCard
from cjm_editor.commands.elements import AddElement
from cjm_editor.model import Card, Lane, Stage
from cjm_editor.model.journey import CARD_KIND_FOR_LANE
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.interactions.base import Interaction
from cjm_editor.ui.canvas.interactions.cards import cell_position, show_marker
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.palette_drop import PaletteEntry


def new_card_title(kind: str) -> str:
    return f"New {style.KIND_LABELS.get(kind, kind).lower()}"


def _lane_name(kind: str) -> str:
    return style.LANE_KIND_LABELS.get(kind, kind).capitalize()


class PaletteDrop(Interaction):
    """Drags from the palette onto the canvas, and palette entries added by double-click."""

    def drag_enter(self, event: QGraphicsSceneDragDropEvent) -> bool:
        return PaletteEntry.decode(event.mimeData()) is not None

    def drag_move(self, event: QGraphicsSceneDragDropEvent) -> None:
        entry = PaletteEntry.decode(event.mimeData())
        if entry is None:
            event.ignore()
            return
        target = cell_position(self.scene, event.scenePos(), set()) if entry.what == "card" else None
        show_marker(self.scene, target)
        event.setAccepted(entry.what != "card" or target is not None)

    def drag_leave(self) -> None:
        self.scene.drop_marker.hide()

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.scene.drop_marker.hide()
        entry = PaletteEntry.decode(event.mimeData())
        if entry is None or not self.drop_entry(entry, event.scenePos()):
            event.ignore()
            return
        event.acceptProposedAction()
        self.scene.focus_canvas()

    def drop_entry(self, entry: PaletteEntry, pos: QPointF) -> bool:
        """Create what a palette entry stands for where it was dropped."""
        scene, doc, g = self.scene, self.scene.doc, self.scene.geometry
        if entry.what == "card":
            target = cell_position(scene, pos, set())
            if target is None:
                scene.hint.emit("Drop cards into a cell of the grid (the emotion lane holds the curves).")
                return False
            stage_id, lane_id, position = target
            card = Card(stage_id, lane_id, entry.kind, new_card_title(entry.kind))
            scene.stack.push(AddCard(doc, card, position))
            scene.select_only([card.id])
            return True
        if entry.what == "stage":
            index = sum(1 for s in doc.journey.stages if g.stages[s.id].center.x < pos.x())
            scene.stack.push(AddElement(doc, "stages", Stage(name="New stage"), index))
            return True
        index = sum(1 for lane in doc.journey.lanes if g.lanes[lane.id].center.y < pos.y())
        scene.stack.push(AddElement(doc, "lanes", Lane(name=_lane_name(entry.kind), kind=entry.kind), index))
        return True

    def add(self, entry: PaletteEntry) -> None:
        """Add a palette entry without a drop position: a card goes after the selected card, or at
        the end of the first cell of a lane of its kind; a stage or lane goes at the end."""
        scene, doc = self.scene, self.scene.doc
        j = doc.journey
        if entry.what == "card":
            chosen = [i.card for i in scene.selectedItems() if isinstance(i, CardItem)]
            if chosen:
                cell = (chosen[-1].stage_id, chosen[-1].lane_id)
                position: int | None = [c.id for c in doc.cell_cards(*cell)].index(chosen[-1].id) + 1
            elif j.stages and any(lane.kind != "emotions" for lane in j.lanes):
                lanes = [lane for lane in j.lanes if lane.kind != "emotions"]
                natural = [lane for lane in lanes if CARD_KIND_FOR_LANE[lane.kind] == entry.kind]
                cell, position = (j.stages[0].id, (natural or lanes)[0].id), None
            else:
                scene.hint.emit("Add a stage and a lane first: cards sit in the cells of the grid.")
                return
            card = Card(cell[0], cell[1], entry.kind, new_card_title(entry.kind))
            scene.stack.push(AddCard(doc, card, position))
            scene.select_only([card.id])
            scene.focus_canvas()
        elif entry.what == "stage":
            scene.stack.push(AddElement(doc, "stages", Stage(name="New stage")))
        else:
            scene.stack.push(AddElement(doc, "lanes", Lane(name=_lane_name(entry.kind), kind=entry.kind)))
