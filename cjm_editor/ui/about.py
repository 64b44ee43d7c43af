"""Help → About: the version, the licence, and the credits for the fonts and libraries, with their
licence texts (shipped in resources/licenses and resources/fonts, so the wheel, the bundle and the .deb
all carry them)."""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjm_editor import __version__
from cjm_editor.resources import resource

# The desktop entry and AppStream id (packaging/APP_ID.desktop, packaging/APP_ID.metainfo.xml).
APP_ID = "io.github.cjm_editor.cjm_editor"
SUMMARY = "An offline-first desktop editor for customer journey maps."
HOME_LICENCE = "MIT License. Copyright © 2026 The cjm-editor authors."


@dataclass(frozen=True, slots=True)
class Credit:
    name: str
    use: str
    licence: str
    file: str  # path under resources/, e.g. "licenses/networkx-BSD-3-Clause.txt"
    version: str

    def text(self) -> str:
        text: str = resource(*self.file.split("/")).read_text(encoding="utf-8")
        return text


def _version(dist: str) -> str:
    if dist == "cjm-editor":
        return __version__
    if not dist:
        return ""
    from importlib import metadata  # the About box only: it reads every installed package's metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def credits() -> list[Credit]:
    """The shipped credits list (resources/licenses/credits.json), with installed versions."""
    rows = json.loads(resource("licenses", "credits.json").read_text(encoding="utf-8"))
    return [Credit(r["name"], r["use"], r["licence"], r["file"], _version(r["dist"])) for r in rows]


def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "cjm-editor.svg")))


class AboutDialog(QDialog):
    """Version and licence on top; the credits list, and the licence text of the selected entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About cjm-editor")
        self.resize(920, 640)
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(
            f"<h2>cjm-editor {__version__}</h2><p>{SUMMARY}</p><p>{HOME_LICENCE}</p>"
            f"<p style='color:gray'>Qt {qVersion()} · PySide6 {pyside_version} · "
            f"Python {platform.python_version()}</p>"
        )
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        layout.addLayout(head)

        layout.addWidget(QLabel("Credits: the fonts and libraries cjm-editor ships with or runs on"))
        self.credits = credits()
        self.table = QTreeWidget()
        self.table.setHeaderLabels(["Name", "Version", "Used for", "Licence"])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for credit in self.credits:
            row = [credit.name, credit.version, credit.use, credit.licence]
            self.table.addTopLevelItem(QTreeWidgetItem(row))
        for column in range(4):
            self.table.resizeColumnToContents(column)
        layout.addWidget(self.table, 2)

        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.licence_text, 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.table.currentItemChanged.connect(self._show_licence)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def _show_licence(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None:
            return
        credit = self.credits[self.table.indexOfTopLevelItem(item)]
        self.licence_text.setPlainText(credit.text())


def show_about(parent: QWidget | None) -> AboutDialog:
    """Open the About dialog without blocking (window-modal over the parent)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
