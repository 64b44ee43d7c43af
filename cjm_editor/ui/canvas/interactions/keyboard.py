"""The keyboard on the canvas: arrows move the selection between cards (and along stage and lane
headers), Ctrl+arrows move the selected cards to the neighbouring cell as one undo step, Tab and
Shift+Tab walk the cards in reading order, Enter edits what is selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem

from cjm_editor.commands.cards import MoveCard
from cjm_editor.model import Card
from cjm_editor.ui import keymap
from cjm_editor.ui.canvas.interactions.base import Interaction
from cjm_editor.ui.canvas.interactions.cards import EditTitle
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.headers import LaneHeaderItem, StageHeaderItem

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene

Key = Qt.Key
_ARROWS = {Key.Key_Left: (-1, 0), Key.Key_Right: (1, 0), Key.Key_Up: (0, -1), Key.Key_Down: (0, 1)}


class KeyboardNavigation(Interaction):
    """Selection and card moves by keyboard. Keys go to the title editor while it is open."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)

    def key_press(self, event: QKeyEvent) -> bool:
        scene = self.scene
        editor = scene.interaction(EditTitle)
        if editor is not None and editor.editor is not None:
            return False  # typing in the title editor
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        plain = not mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
        if key in keymap.ARROWS and plain:
            dx, dy = _ARROWS[Key(key)]
            return self.move_cards(dx, dy) if ctrl else self.step(dx, dy)
        if key in keymap.TAB and not ctrl:
            backwards = key == Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            return self.walk(-1 if backwards else 1)
        if key in keymap.ENTER and not mods:
            return self.enter()
        return False

    # ------------------------------------------------------------------ what is selected
    def _selected(self) -> list[QGraphicsItem]:
        return [i for i in self.scene.selectedItems() if i.isVisible()]

    def _visible_cards(self) -> list[Card]:
        """Cards in reading order (stage, lane, order), those of collapsed lanes left out."""
        g = self.scene.geometry
        return [c for c in self.scene.doc.journey.cards if c.id in g.cards]

    def _select(self, element_id: str) -> bool:
        self.scene.select_only([element_id])
        item = self.scene.item_for(element_id)
        if item is not None:
            item.setFocus()
            for view in self.scene.views():
                view.ensureVisible(item, 40, 40)
        return True

    # ------------------------------------------------------------------ arrows
    def step(self, dx: int, dy: int) -> bool:
        selected = self._selected()
        current = selected[-1] if selected else None
        if isinstance(current, StageHeaderItem):
            return self._step_header("stages", current.element_id, dx, dy)
        if isinstance(current, LaneHeaderItem):
            return self._step_header("lanes", current.element_id, dy, dx)
        cards = self._visible_cards()
        if not cards:
            return False
        if not isinstance(current, CardItem):
            return self._select(cards[0].id)
        card = current.card
        target = self._neighbour(card, dx, dy)
        if target is None:
            return True  # at the edge: stay (and keep the view from scrolling instead)
        return self._select(target)

    def _neighbour(self, card: Card, dx: int, dy: int) -> str | None:
        """The card next to this one: left and right in the same lane (the nearest in height, skipping
        empty cells), up and down in the same stage (across lanes)."""
        g, doc = self.scene.geometry, self.scene.doc
        j = doc.journey
        if dy:
            column = [c for c in self._visible_cards() if c.stage_id == card.stage_id]
            index = next(i for i, c in enumerate(column) if c.id == card.id) + dy
            return column[index].id if 0 <= index < len(column) else None
        stages = [s.id for s in j.stages]
        y = g.cards[card.id].center.y
        index = stages.index(card.stage_id) + dx
        while 0 <= index < len(stages):
            cell = [c for c in doc.cell_cards(stages[index], card.lane_id) if c.id in g.cards]
            if cell:
                return min(cell, key=lambda c: abs(g.cards[c.id].center.y - y)).id
            index += dx
        return None

    def _step_header(self, name: str, element_id: str, along: int, into: int) -> bool:
        """Along the header row or column; `into` (down from a stage, right from a lane) goes to its
        first card."""
        doc = self.scene.doc
        if into > 0:
            field = "stage_id" if name == "stages" else "lane_id"
            first = next((c for c in self._visible_cards() if getattr(c, field) == element_id), None)
            return self._select(first.id) if first is not None else True
        if along == 0:
            return True
        ids = [e.id for e in doc.siblings(name)]
        index = ids.index(element_id) + along
        return self._select(ids[index]) if 0 <= index < len(ids) else True

    # ------------------------------------------------------------------ Ctrl+arrows
    def move_cards(self, dx: int, dy: int) -> bool:
        scene, doc = self.scene, self.scene.doc
        j = doc.journey
        chosen = {i.element_id for i in self._selected() if isinstance(i, CardItem)}
        cards = [c for c in j.cards if c.id in chosen]  # reading order: they keep their order in the cell
        if not cards:
            return False
        stages = [s.id for s in j.stages]
        lanes = [lane.id for lane in j.lanes if lane.kind != "emotions" and not lane.collapsed]
        moves: list[tuple[str, str, str]] = []
        for card in cards:
            if card.lane_id not in lanes:
                scene.hint.emit("Cards in a collapsed or emotion lane move with the mouse.")
                return True
            s, lane = stages.index(card.stage_id) + dx, lanes.index(card.lane_id) + dy
            if not (0 <= s < len(stages) and 0 <= lane < len(lanes)):
                scene.hint.emit("There is no cell beyond the edge of the map.")
                return True
            moves.append((card.id, stages[s], lanes[lane]))
        text = "Move card" if len(moves) == 1 else f"Move {len(moves)} cards"
        scene.stack.beginMacro(text)
        for card_id, stage_id, lane_id in moves:  # in reading order: they keep their order in the cell
            scene.stack.push(MoveCard(doc, card_id, stage_id, lane_id, None))
        scene.stack.endMacro()
        scene.select_only([card_id for card_id, _, _ in moves])
        item = scene.item_for(moves[0][0])
        if item is not None:
            for view in scene.views():
                view.ensureVisible(item, 40, 40)
        return True

    # ------------------------------------------------------------------ Tab and Enter
    def walk(self, step: int) -> bool:
        cards = [c.id for c in self._visible_cards()]
        if not cards:
            return False
        selected = [i.element_id for i in self._selected() if isinstance(i, CardItem)]
        if not selected:
            return self._select(cards[0] if step > 0 else cards[-1])
        index = (cards.index(selected[-1]) + step) % len(cards)
        return self._select(cards[index])

    def enter(self) -> bool:
        selected = self._selected()
        if len(selected) != 1:
            return False
        item = selected[0]
        if isinstance(item, CardItem):
            self.scene.edit_title(item.element_id)
        elif isinstance(item, StageHeaderItem):
            self.scene.stage_rename_requested.emit(item.element_id)
        elif isinstance(item, LaneHeaderItem):
            self.scene.lane_rename_requested.emit(item.element_id)
        elif isinstance(item, ConnectionItem):
            self.scene.connection_label_requested.emit(item.element_id)
        else:
            return False
        return True
