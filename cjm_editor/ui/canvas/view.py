"""JourneyView: the canvas widget. Ctrl+wheel or pinch zooms; middle button or space-drag pans."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from cjm_editor.ui.canvas.focus import PersonaFocus
from cjm_editor.ui.canvas.legend import PersonaLegend
from cjm_editor.ui.canvas.scene import JourneyScene
from cjm_editor.ui.canvas.sticky import StickyHeaders

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0


class JourneyView(QGraphicsView):
    """Shows a JourneyScene. `item_for(id)` returns the item that shows an element."""

    zoom_changed = Signal(float)  # the new zoom, 1.0 = 100%

    def __init__(self, scene: JourneyScene, sticky: bool = True) -> None:
        super().__init__(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self._space = False
        self._pan_from: QPointF | None = None
        self._sticky = sticky  # whether headers stay at the edges (Present shows its stage in its bar)
        self.sticky = StickyHeaders(self)
        if sticky:
            self.sticky.bind(scene)
        self.focus = PersonaFocus(self)
        self.focus.bind(scene)
        self.legend = PersonaLegend(self)  # in a strip of its own under the map, never over a card
        self.legend.changed.connect(self._place_legend)

    def setScene(self, scene: QGraphicsScene | None) -> None:  # noqa: N802
        if scene is None:
            self.sticky.release()
        super().setScene(scene)
        if isinstance(scene, JourneyScene):
            if self._sticky:
                self.sticky.bind(scene)
            self.focus.bind(scene)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.sticky.pin()
        self._place_legend()

    def _place_legend(self) -> None:
        """Give the legend a strip between the map and the horizontal scroll bar, as tall as its rows."""
        height = self.legend.arrange(self.viewport().width())
        if self.viewportMargins().bottom() != height:
            self.setViewportMargins(0, 0, 0, height)
        vp = self.viewport().geometry()
        self.legend.setGeometry(vp.left(), vp.bottom() + 1, vp.width(), height)

    def journey_scene(self) -> JourneyScene:
        scene = self.scene()
        assert isinstance(scene, JourneyScene)
        return scene

    def item_for(self, element_id: str) -> QGraphicsItem | None:
        return self.journey_scene().item_for(element_id)

    def reveal(self, element_id: str) -> None:
        """Scroll so an element is in view."""
        item = self.item_for(element_id)
        if item is not None and item.isVisible():
            self.ensureVisible(item, 60, 60)

    def frame(self, element_ids: list[str]) -> None:
        """Zoom and scroll so the elements fill the view (never beyond 100%)."""
        items = [self.item_for(e) for e in element_ids]
        rects = [i.sceneBoundingRect() for i in items if i is not None and i.isVisible()]
        if not rects:
            return
        area = rects[0]
        for r in rects[1:]:
            area = area.united(r)
        self.fitInView(area.adjusted(-80, -80, 80, 80), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.zoom_reset()
            self.centerOn(area.center())
        self.zoom_changed.emit(self.zoom())

    # ------------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        factor = target / self.zoom()
        self.scale(factor, factor)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def zoom_reset(self) -> None:
        self.resetTransform()
        self.zoom_changed.emit(self.zoom())

    def zoom_fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.zoom_reset()
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value())
            return True
        return super().viewportEvent(event)

    # ------------------------------------------------------------------ pan
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
