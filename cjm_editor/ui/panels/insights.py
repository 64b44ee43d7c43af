"""The Insights dock: the analysis of the open map, refreshed a moment after each edit.

Small maps are analysed on the spot; large ones in a worker thread on a snapshot of the map
(entities are immutable values, so copying the lists is enough). At the editor's start the first
analysis waits for the canvas's first paint (networkx alone takes longer to import than the bare
window takes to show). Clicking a finding selects and shows its elements.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.analysis.findings import SEVERITIES
from cjm_editor.analysis.report import Report, analyze
from cjm_editor.formats.cjm_json import load_or_none
from cjm_editor.layout import palette
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import snapshot
from cjm_editor.model.vocabulary import counted
from cjm_editor.ui.rich import escape

ELEMENTS_ROLE = Qt.ItemDataRole.UserRole
OVERLAY_TEXT = "Show the main path and dead ends on the canvas"
THREAD_ABOVE_CARDS = 1500  # maps larger than this are analysed off the UI thread


class _Done(QObject):
    finished = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], Report], done: _Done) -> None:
        super().__init__()
        self.generation, self.work, self.done = generation, work, done

    def run(self) -> None:
        self.done.finished.emit(self.generation, self.work())


class _Wrapping(QStyledItemDelegate):
    """Row heights for text wrapped to the column's width (a tree asks with no width at all)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        wrapped = QStyleOptionViewItem(option)
        width = max(60, self.tree.viewport().width() - self.tree.indentation() * depth)
        wrapped.rect = QRect(0, 0, width, 1)  # the style wraps only to a valid rect
        return super().sizeHint(wrapped, index)


class _ClickLabel(QLabel):
    """A wrapping label that says `clicked`, so it can stand for a checkbox's text."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class InsightsPanel(QWidget):
    """`picked(ids)` when the user clicks a finding; `analysed(report)` after each refresh."""

    picked = Signal(list)
    analysed = Signal(object)
    overlay_toggled = Signal(bool)

    def __init__(
        self, doc: JourneyDocument, parent: QWidget | None = None, *, held: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path: str | None = None
        self.report = Report()
        self.status = QLabel("Analysing…")
        self.status.setWordWrap(True)  # a narrow dock wraps it rather than cutting it off
        self.overlay = QCheckBox()
        self.overlay.setAccessibleName(OVERLAY_TEXT)
        self.overlay.toggled.connect(self.overlay_toggled)
        self.overlay_label = _ClickLabel(OVERLAY_TEXT)  # a checkbox's own text never wraps
        self.overlay_label.setBuddy(self.overlay)
        self.overlay_label.clicked.connect(self.overlay.toggle)
        overlay_row = QHBoxLayout()
        overlay_row.addWidget(self.overlay, 0, Qt.AlignmentFlag.AlignTop)
        overlay_row.addWidget(self.overlay_label, 1)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)  # long findings wrap to the panel's width instead of running off it
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_Wrapping(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(overlay_row)
        layout.addWidget(self.tree)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh_now)
        self._done = _Done()
        self._done.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._held: QWidget | None = None  # analysis waits for this widget's first paint
        if held is not None:
            self.hold_until_painted(held)
        doc.events.changed.connect(self.schedule)
        self.refresh_now()

    def hold_until_painted(self, widget: QWidget) -> None:
        """Analyse only once `widget` has painted for the first time (the editor's start: the
        canvas shows first, the findings a moment later)."""
        self._held = widget
        widget.installEventFilter(self)
        self.status.setText("Analysing…")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._held and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._held = None
            QTimer.singleShot(0, self.refresh_now)  # once this paint is on the screen
        return False

    def set_document(self, doc: JourneyDocument, path: str | None) -> None:
        """Follow another map (after open or new); `path` lets linked micro maps be checked."""
        if doc is not self.doc:
            self.doc.events.changed.disconnect(self.schedule)
            doc.events.changed.connect(self.schedule)
        self.doc, self.path = doc, path
        self.refresh_now()

    def schedule(self) -> None:
        self._timer.start()

    def refresh_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        if self._held is not None:
            return  # the first paint runs it
        journey = snapshot(self.doc.journey)
        path = self.path

        def work() -> Report:
            if path is None:
                return analyze(journey)
            return analyze(journey, path, load_or_none)

        if len(journey.cards) <= THREAD_ABOVE_CARDS:
            self._finished(self._generation, work())
            return
        self.status.setText("Analysing…")
        QThreadPool.globalInstance().start(_Job(self._generation, work, self._done))

    def _finished(self, generation: int, report: object) -> None:
        if generation != self._generation or not isinstance(report, Report):
            return  # an older analysis; a newer one is on its way
        self.report = report
        self._fill(report)
        self.analysed.emit(report)

    def _fill(self, report: Report) -> None:
        self.tree.clear()
        counts = [f"{sum(f.severity == s for f in report.findings)} {s}" for s in SEVERITIES[:3]]
        self.status.setText(f"{counted(len(report.findings), 'finding')}: " + ", ".join(counts))
        if report.main_path:
            top = QTreeWidgetItem(self.tree, ["Main path"])
            route = " → ".join(report.titles[c] for c in report.main_path)
            self._leaf(top, route, list(report.main_path), "#b06f00")
            for m in report.moments:
                self._leaf(top, report.moment_message(m), list(m.elements), "#5d6673")
            top.setExpanded(True)
        for severity in SEVERITIES:
            group = [f for f in report.findings if f.severity == severity]
            if not group:
                continue
            top = QTreeWidgetItem(self.tree, [f"{severity.capitalize()} ({len(group)})"])
            top.setForeground(0, QBrush(QColor(palette.SEVERITY_COLOURS[severity])))
            for f in group:
                self._leaf(top, f.message, list(f.elements), palette.SEVERITY_COLOURS[severity])
            top.setExpanded(severity != "info")

    def _leaf(self, parent: QTreeWidgetItem, text: str, elements: list[str], colour: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setToolTip(0, escape(text))
        item.setData(0, ELEMENTS_ROLE, elements)
        item.setForeground(0, QBrush(QColor(colour)))

    def _clicked(self, item: QTreeWidgetItem) -> None:
        elements = item.data(0, ELEMENTS_ROLE)
        if elements:
            self.picked.emit([e for e in elements if self.doc.collection_of(e) is not None])

    def leaf_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            out += [child for k in range(top.childCount()) if (child := top.child(k)) is not None]
        return out
