"""The vote results: per votable kind, cards ranked by their dots, with who voted. A window that
follows the map while it is open (non-modal)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.model import JourneyDocument
from cjm_editor.model.vocabulary import KIND_LABELS
from cjm_editor.model.workshop import ranking, who_voted
from cjm_editor.ui.rich import escape

WHO = 4  # the "Who voted" column: it takes the room left and wraps, so no name is cut off


class _WrapToColumn(QStyledItemDelegate):
    """Row heights for the voters wrapped to their column's width (the style wraps only to a valid
    rect); the other columns keep their one-line size, so they are sized to their contents."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        if index.column() != WHO:
            return super().sizeHint(option, index)
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, max(40, self.tree.columnWidth(index.column())), 1)
        return super().sizeHint(wrapped, index)


class VoteResults(QWidget):
    """The ranking; `tree` shows `rows()`."""

    def __init__(self, doc: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Vote results")
        self.resize(900, 520)
        self.doc = doc
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["#", "Card", "Votes", "Stage", "Who voted"])
        self.tree.setRootIsDecorated(False)
        self.tree.setFont(QFont(self.tree.font().family(), 11))
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(True)
        self.tree.setItemDelegate(_WrapToColumn(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        QVBoxLayout(self).addWidget(self.tree)
        doc.events.changed.connect(self.refresh)
        self.refresh()

    def rows(self) -> list[tuple[str, ...]]:
        """What the tree shows, row by row: a kind's heading, then its cards ranked."""
        j = self.doc.journey
        stages = {s.id: s.name for s in j.stages}
        out: list[tuple[str, ...]] = []
        for kind, ranked in ranking(j).items():
            out.append(("", KIND_LABELS.get(kind, kind), str(sum(r.votes for r in ranked)), "", ""))
            for i, r in enumerate(ranked, start=1):
                who = who_voted(r.voters)
                out.append((str(i), r.card.title, str(r.votes), stages.get(r.card.stage_id, ""), who))
        return out

    def refresh(self) -> None:
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for row in self.rows():
            item = QTreeWidgetItem(list(row))
            item.setToolTip(WHO, escape(row[WHO]))
            if not row[0]:
                for col in range(5):
                    item.setFont(col, bold)
            self.tree.addTopLevelItem(item)
        for col in range(WHO):
            self.tree.resizeColumnToContents(col)

    def closeEvent(self, event: object) -> None:  # noqa: N802
        self.doc.events.changed.disconnect(self.refresh)
        super().closeEvent(event)  # type: ignore[arg-type]
