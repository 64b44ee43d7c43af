"""File → History… and File → Compare with…: the saved versions of the map's file (time, size, what
changed), each of which can be opened read-only, compared with another, or restored as one undo step.

The versions are the file's own (`formats/history.py`: kept per file, never per documentId); below
them, set apart and labelled, the versions that may belong to the map: kept by an older editor under
its documentId, or of a file with its documentId that is gone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
)

from cjm_editor.commands.restore import RestoreMap
from cjm_editor.formats import cjm_json
from cjm_editor.formats.diff import diff
from cjm_editor.formats.errors import LoadError
from cjm_editor.formats.history import LEGACY, Version
from cjm_editor.model import Journey, JourneyDocument
from cjm_editor.ui.recovery.compare import COMPARE_MODE, CompareView

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow


def _when(v: Version) -> str:
    return v.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


def _origin(v: Version) -> str:
    if not v.origin:
        return ""
    return f"   ({v.origin})" if v.origin == LEGACY else f"   (saved as {Path(v.origin).name})"


class HistoryDialog(QDialog):
    """The saved versions of the window's map, newest first."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(f"History of {window.session.display_name()}")
        store, path = window.keeper.history, window.session.path
        own = store.versions(path) if path else []
        others = store.others(path, window.document.journey.id)
        self.versions = own + others
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.maps: dict[int, Journey] = {}
        if not own:
            self._heading("No saved versions of this file yet: each save keeps one.")
        for i, v in enumerate(self.versions):
            if i == len(own):
                self._heading("Not saved as this file (with this map's documentId; maybe from a copy):")
            item = QListWidgetItem(f"{_when(v)}   {_size(v.size)}   {self.summary(i)}{_origin(v)}")
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.addButton("Open Read-Only", QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button = buttons.addButton("Compare", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.open_read_only(self.selected()[0]))
        self.compare_button.clicked.connect(self._compare_selected)
        self.restore_button.clicked.connect(lambda: self.restore(self.selected()[0]))
        self.list.itemSelectionChanged.connect(self._enable)
        hint = QLabel(
            "Saved versions of this file: the last 20, and one a day for 30 days. Select one to open or "
            "restore it (Restore is one step Undo takes back); select two to compare them, or one to "
            "compare it with the map as it is now."
        )
        hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addWidget(self.list, 1)
        column.addWidget(buttons)
        self.resize(760, 420)
        self._enable()
        self.last_compare: CompareView | None = None

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a label, not a version
        self.list.addItem(item)

    def map(self, index: int) -> Journey | None:
        if index not in self.maps:
            try:
                self.maps[index] = self.versions[index].load()
            except LoadError:
                return None
        return self.maps[index]

    def summary(self, index: int) -> str:
        """What this version changed from the one saved before it."""
        if (
            index + 1 >= len(self.versions)
            or self.versions[index + 1].file.parent != self.versions[index].file.parent
        ):
            return "first saved version"
        older, newer = self.map(index + 1), self.map(index)
        if older is None or newer is None:
            return "cannot be read"
        return diff(older, newer).summary()

    def selected(self) -> list[int]:
        picked = (i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems())
        return sorted(int(i) for i in picked if i is not None)

    def _enable(self) -> None:
        n = len(self.selected())
        self.open_button.setEnabled(n == 1)
        self.restore_button.setEnabled(n == 1)
        self.compare_button.setEnabled(n in (1, 2))

    def open_read_only(self, index: int) -> MainWindow | None:
        journey = self.map(index)
        if journey is None:
            return None
        from cjm_editor.ui.recovery.keeper import new_window

        w = new_window()
        w.session.replace(JourneyDocument(journey), None)
        w.keeper.guard.read_only = True
        w.scene.set_mode(COMPARE_MODE)  # no gestures edit it
        for dock in w.docks.all:
            dock.widget().setEnabled(False)  # nor the panels
        w.setWindowTitle(f"{journey.title} — saved {_when(self.versions[index])} (read-only)")
        w.canvas.zoom_fit()
        return w

    def _compare_selected(self) -> None:
        picked = self.selected()
        if len(picked) == 2:
            self.compare(picked[1], picked[0])
        elif len(picked) == 1:
            self.compare(picked[0], None)

    def compare(self, older: int, newer: int | None) -> CompareView | None:
        """Compare two versions (`newer` None: the map as it is now)."""
        old = self.map(older)
        new = self.window_.document.journey if newer is None else self.map(newer)
        if old is None or new is None:
            return None
        new_name = "now" if newer is None else f"saved {_when(self.versions[newer])}"
        view = CompareView(old, new, f"saved {_when(self.versions[older])}", new_name, self.window_)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        self.last_compare = view
        return view

    def restore(self, index: int) -> bool:
        """Make the map this version again, as a new unsaved state and one undo step."""
        journey = self.map(index)
        if journey is None:
            return False
        w = self.window_
        w.session.undo_stack.push(
            RestoreMap(w.document, journey, f"Restore the version of {_when(self.versions[index])}")
        )
        w.statusBar().showMessage(
            f"Restored the version of {_when(self.versions[index])}; Undo takes it back", 6000
        )
        return True


def show_history(window: MainWindow) -> HistoryDialog:
    dialog = HistoryDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.keeper.last_dialog = dialog
    return dialog


def compare_with(window: MainWindow, path: str | None = None) -> CompareView | None:
    """Compare the map as it is now with another map file (asked for when not given)."""
    path = path or window.ask.open_path(window, window.session.folder())
    if not path:
        return None
    try:
        other = cjm_json.load(path).journey
    except LoadError as exc:
        window.show_message("Cannot compare", f"{Path(path).name} could not be opened.", str(exc))
        return None
    view = CompareView(other, window.document.journey, Path(path).name, "this map", window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    window.keeper.last_dialog = view
    return view


def add_entries(file: QMenu, add: Callable[..., Any], window: MainWindow) -> None:
    """File → History… and File → Compare with…"""
    add(
        file,
        "&History…",
        lambda: show_history(window),
        None,
        "Saved versions of this map's file: open, compare, restore",
    )
    add(
        file,
        "Compare &with…",
        lambda: compare_with(window),
        None,
        "What changed between this map and another file",
    )
