"""Gestures on stage and lane headers: reorder by dragging, resize a stage by its right edge,
collapse a lane with its ▾ toggle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cjm_editor.commands.structure import MoveLane, MoveStage, ResizeStage, SetLaneCollapsed
from cjm_editor.layout.geometry import MAX_STAGE_W, MIN_STAGE_W
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.interactions.base import Interaction
from cjm_editor.ui.canvas.items.headers import HeaderItem, LaneHeaderItem, StageHeaderItem

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene

_LEFT = Qt.MouseButton.LeftButton


class ReorderHeader(Interaction):
    """Drag a stage header along the top row, or a lane header down the left column, to reorder."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self._header: HeaderItem | None = None
        self._start = QPointF()
        self._origin = QPointF()

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if event.button() != _LEFT or not isinstance(top, HeaderItem):
            return False
        self.scene.default_press(event)  # selects the header
        self._header, self._start, self._origin = top, event.scenePos(), top.pos()
        top.setZValue(style.Z_DRAGGING)
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        header = self._header
        if header is None:
            return
        delta = event.scenePos() - self._start
        if header.horizontal:
            header.setPos(self._origin.x() + delta.x(), self._origin.y())
        else:
            header.setPos(self._origin.x(), self._origin.y() + delta.y())

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        header, self._header = self._header, None
        self.scene.default_release(event)
        if header is None:
            return
        header.setZValue(style.Z_HEADER)
        if header.pos() != self._origin:
            self._dropped(header, header.mapToScene(header.rect().center()))

    def cancel(self) -> None:
        header, self._header = self._header, None
        if header is not None:
            header.setZValue(style.Z_HEADER)
            header.setPos(self._origin)

    def _dropped(self, header: HeaderItem, centre: QPointF) -> None:
        scene, doc, g = self.scene, self.scene.doc, self.scene.geometry
        if isinstance(header, StageHeaderItem):
            others = [s.id for s in doc.journey.stages if s.id != header.element_id]
            index = sum(1 for sid in others if g.stages[sid].center.x < centre.x())
            if index != doc.index_of("stages", header.element_id):
                scene.stack.push(MoveStage(doc, header.element_id, index))
                return
        else:
            others = [lane.id for lane in doc.journey.lanes if lane.id != header.element_id]
            index = sum(1 for lid in others if g.lanes[lid].center.y < centre.y())
            if index != doc.index_of("lanes", header.element_id):
                scene.stack.push(MoveLane(doc, header.element_id, index))
                return
        scene.sync()  # dropped where it was: back home


class ResizeStageHeader(Interaction):
    """Drag a stage header's right edge to make the stage wider or narrower."""

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self._header: StageHeaderItem | None = None
        self._grip = 0.0  # from the mouse to the edge
        self._width = 0.0

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if event.button() != _LEFT or not isinstance(top, StageHeaderItem):
            return False
        at = top.mapFromScene(event.scenePos())
        if not top.on_edge(at):
            return False
        self._header, self._width = top, top.rect().width()
        self._grip = self._width - at.x()
        event.accept()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        header = self._header
        if header is not None:
            x = header.mapFromScene(event.scenePos()).x()
            header.set_width(max(MIN_STAGE_W, min(MAX_STAGE_W, x + self._grip)))

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        header, self._header = self._header, None
        if header is None:
            return
        width = round(header.rect().width())
        if width != self.scene.geometry.stages[header.element_id].w:
            self.scene.stack.push(ResizeStage(self.scene.doc, header.element_id, width))
        else:
            self.scene.sync()

    def cancel(self) -> None:
        header, self._header = self._header, None
        if header is not None:
            header.set_width(self._width)


class CollapseLane(Interaction):
    """A click on a lane header's ▾ toggle collapses the lane (▸ opens it again)."""

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        top = self.scene.top_item(event.scenePos())
        if event.button() != _LEFT or not isinstance(top, LaneHeaderItem):
            return False
        if not top.toggle_rect().contains(top.mapFromScene(event.scenePos())):
            return False
        doc = self.scene.doc
        self.scene.stack.push(SetLaneCollapsed(doc, top.element_id, not doc.lane(top.element_id).collapsed))
        event.accept()
        return True
