"""Sticky headers: when the map is scrolled past them, stage headers stay at the top edge of the view,
lane headers at its left edge and the emotion scale's labels at the left of the emotion lane.

The headers are the real header items, moved, so dragging a pinned header reorders or resizes it
through the canvas interactions as usual; the layout puts them back on every sync and this pins
them again. A header has one position in its scene, so only one view pins a scene's headers (the
first bound; `JourneyScene.headers_pinned_by`). The scale labels and the corner are the view's own:
they paint only in that view's viewport, so another view of the scene never shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from cjm_editor.layout import MapGeometry
from cjm_editor.layout.content import scale_ticks
from cjm_editor.model.journey import EmotionScale
from cjm_editor.ui.canvas import style
from cjm_editor.ui.canvas.items.headers import HeaderItem, LaneHeaderItem, StageHeaderItem

if TYPE_CHECKING:
    from cjm_editor.ui.canvas.scene import JourneyScene
    from cjm_editor.ui.canvas.view import JourneyView


def _in(viewport: QWidget, widget: QWidget | None) -> bool:
    """Whether an item's paint() is drawing into this viewport (not another view, not an export)."""
    return widget is not None and widget is viewport


class ScaleLabels(QGraphicsItem):
    """The emotion scale's labels ("+2 delighted" …), drawn at `x` in the emotion lane of one view."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__()
        self._viewport = viewport
        self._geometry = MapGeometry()
        self._scale = EmotionScale()
        self.setZValue(style.Z_CURVE - 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def sync(self, geometry: MapGeometry, scale: EmotionScale) -> None:
        self.prepareGeometryChange()
        self._geometry, self._scale = geometry, scale
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        g = self._geometry
        if g.emotion_lane is None or g.emotion_lane not in g.rows:
            return QRectF()
        row = g.rows[g.emotion_lane]
        return QRectF(0, row.y - 14, 124, row.h + 28)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never in the way of a click

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not _in(self._viewport, widget):
            return
        painter.setFont(style.font(7))
        painter.setPen(style.MUTED)
        for tick in scale_ticks(self._geometry, self._scale):
            painter.drawText(QRectF(4, tick.y - 12, 120, 12), int(Qt.AlignmentFlag.AlignLeft), tick.label)


class _Corner(QGraphicsRectItem):
    """Covers the top-left corner where the two header bands meet, in one view only."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__()
        self._viewport = viewport
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(style.CANVAS_BG)
        self.setZValue(style.Z_HEADER + 2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if _in(self._viewport, widget):
            super().paint(painter, option, widget)


class StickyHeaders(QObject):
    """Pins the headers of the view's scene to the view's edges; `unpin()` puts them back (for export)."""

    def __init__(self, view: JourneyView) -> None:
        super().__init__(view)
        self.view = view
        self.scene: JourneyScene | None = None
        self.labels = ScaleLabels(view.viewport())
        self.corner = _Corner(view.viewport())
        view.horizontalScrollBar().valueChanged.connect(self.pin)
        view.verticalScrollBar().valueChanged.connect(self.pin)

    def bind(self, scene: JourneyScene) -> None:
        """Follow a new scene (the window makes one per document)."""
        self.release()
        self.scene = scene
        scene.addItem(self.labels)
        scene.addItem(self.corner)
        scene.grid.label_viewports.add(self.view.viewport())
        if scene.headers_pinned_by is None:
            scene.headers_pinned_by = self
        scene.synced.connect(self.pin)
        self.pin()

    def release(self) -> None:
        """Leave the scene as it was before this view pinned anything: headers home, own items out."""
        old, self.scene = self.scene, None
        if old is None or not shiboken6.isValid(old):
            return
        old.synced.disconnect(self.pin)
        for item in (self.labels, self.corner):
            if item.scene() is old:
                old.removeItem(item)
        old.grid.label_viewports.discard(self.view.viewport())
        if old.headers_pinned_by is self:
            old.headers_pinned_by = None
            if not old.signalsBlocked():
                self._pin(old, 0.0, 0.0)

    def _live(self) -> JourneyScene | None:
        """The scene, unless it was detached (its window is closing) or is being torn down."""
        scene = self.scene
        if scene is None or not shiboken6.isValid(scene) or scene.signalsBlocked():
            return None
        return scene

    def pin(self) -> None:
        scene = self._live()
        if scene is None:
            return
        g = scene.geometry
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        top, left = max(0.0, shown.top()), max(0.0, shown.left())
        if scene.headers_pinned_by is self:
            self._pin(scene, top, left)
        self.labels.sync(g, scene.doc.journey.scale)
        first = next(iter(g.columns.values()), None)
        cells_x = first.x if first is not None else 0.0
        self.labels.setPos(max(cells_x, left + cells_x) if left > 0 else cells_x, 0)
        band = next((r.y for r in g.lanes.values()), 0.0)
        self.corner.setRect(QRectF(left, top, cells_x, band))
        self.corner.setVisible(left > 0 and top > 0)

    def unpin(self) -> None:
        """Headers back where the layout put them (before the scene is drawn to a file)."""
        scene = self._live()
        if scene is not None and scene.headers_pinned_by is self:
            self._pin(scene, 0.0, 0.0)

    @staticmethod
    def _pin(scene: JourneyScene, top: float, left: float) -> None:
        g = scene.geometry
        for rects, kind in ((g.stages, StageHeaderItem), (g.lanes, LaneHeaderItem)):
            for element_id, r in rects.items():
                item = scene.item_for(element_id)
                if not isinstance(item, kind) or item.zValue() == style.Z_DRAGGING:
                    continue  # a header being dragged follows the mouse
                assert isinstance(item, HeaderItem)
                if kind is StageHeaderItem:
                    y = min(max(r.y, top), max(r.y, g.height - r.h))
                    item.setPos(r.x, y)
                    item.set_pinned(y != r.y)
                else:
                    x = min(max(r.x, left), max(r.x, g.width - r.w))
                    item.setPos(x, r.y)
                    item.set_pinned(x != r.x)
