"""The questions and reports of the safeguards: recovery on start, a locked file, a file changed
outside, a confirmation, and the error dialog after an unhandled exception.

The question functions block (exec) and are only ever called through the window's replaceable `ask`
(tests answer them instead); the error dialog is non-blocking (`open`).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.formats.diff import diff
from cjm_editor.formats.errors import LoadError
from cjm_editor.formats.recovery import Snapshot
from cjm_editor.model.vocabulary import counted
from cjm_editor.ui.recovery.guard import Claim, Outside
from cjm_editor.ui.rich import escape


class Recover(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def compare_snapshot_text(snap: Snapshot) -> str:
    """What the snapshot holds that its file does not (or the whole map when it was never saved)."""
    try:
        mine = snap.load()
    except LoadError as exc:
        return f"The snapshot cannot be read: {exc}"
    if not snap.path:
        cards, stages = counted(len(mine.cards), "card"), counted(len(mine.stages), "stage")
        return f"“{mine.title}” was never saved: {cards}, {stages}."
    from cjm_editor.formats import cjm_json

    try:
        theirs = cjm_json.load(snap.path).journey
    except LoadError as exc:
        return f"The file cannot be read, so the snapshot is all there is: {exc}"
    result = diff(theirs, mine)
    head = f"The snapshot compared with {snap.path}: {result.summary()}"
    return "\n".join([head, *result.lines()])


class RecoveryDialog(QDialog):
    """Restore / Compare / Discard / Later for one map a crashed editor left."""

    def __init__(self, parent: QWidget | None, snap: Snapshot) -> None:
        super().__init__(parent)
        self.snap = snap
        self.choice = Recover.LATER
        self.setWindowTitle("Recover unsaved changes")
        where = escape(snap.path) if snap.path else "a map that was never saved"
        name = f"<b>{escape(Path(snap.path).name)}</b> ({escape(snap.title)})" if snap.path else ""
        text = QLabel(  # the file first: copies of one map have one title
            f"{name or f'<b>{escape(snap.title)}</b>'} was not closed properly. Its last autosave, from "
            f"{snap.time.astimezone().strftime('%Y-%m-%d %H:%M:%S')}, can be restored.<br>File: {where}"
        )
        text.setWordWrap(True)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.hide()
        buttons = QDialogButtonBox()
        for label, choice in (
            ("Restore", Recover.RESTORE),
            ("Discard", Recover.DISCARD),
            ("Later", Recover.LATER),
        ):
            button = buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _c=False, ch=choice: self._choose(ch))
        self.compare = buttons.addButton("Compare", QDialogButtonBox.ButtonRole.HelpRole)
        self.compare.clicked.connect(self._compare)
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addWidget(self.details, 1)
        column.addWidget(buttons)
        self.resize(620, 200)

    def _compare(self) -> None:
        self.details.setPlainText(compare_snapshot_text(self.snap))
        self.details.show()
        self.resize(720, 460)

    def _choose(self, choice: Recover) -> None:
        self.choice = choice
        self.accept()


def ask_recover(parent: QWidget, snap: Snapshot) -> Recover:
    dialog = RecoveryDialog(parent, snap)
    dialog.exec()
    return dialog.choice


def _buttons(parent: QWidget, title: str, text: str, info: str, options: list[tuple[str, Any]]) -> Any:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(info)
    made = [(box.addButton(label, QMessageBox.ButtonRole.ActionRole), value) for label, value in options]
    box.exec()
    return next((value for button, value in made if box.clickedButton() is button), options[-1][1])


def ask_locked(parent: QWidget, name: str, holder: str) -> Claim:
    return _buttons(  # type: ignore[no-any-return]
        parent,
        "The map is open elsewhere",
        f"“{name}” is being edited in another window or editor ({holder}).",
        "Open it read-only, open a copy to edit, or take it over (the other editor can then no longer "
        "save it without asking).",
        [
            ("Open Read-Only", Claim.READ_ONLY),
            ("Open a Copy", Claim.COPY),
            ("Take Over", Claim.TAKE_OVER),
            ("Cancel", Claim.CANCEL),
        ],
    )


def ask_outside_change(parent: QWidget, name: str) -> Outside:
    return _buttons(  # type: ignore[no-any-return]
        parent,
        "The map changed on disk",
        f"Another program changed “{name}” while you have unsaved changes.",
        "Keep both saves your map beside it under a new name; Reload shows the file and drops your "
        "changes; Keep Mine goes on editing (saving will ask before replacing the file).",
        [("Keep Both", Outside.KEEP_BOTH), ("Reload", Outside.RELOAD), ("Keep Mine", Outside.KEEP_MINE)],
    )


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def recovery_questions() -> dict[str, Any]:
    """The questions the safeguards add to a window's `ask`."""
    return {
        "recover": ask_recover,
        "locked": ask_locked,
        "outside_change": ask_outside_change,
        "confirm": ask_confirm,
    }


class ErrorDialog(QDialog):
    """After an unhandled error: what happened, that the map was kept, and a Copy Details button."""

    def __init__(self, parent: QWidget | None, details: str, kept: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        saved = (
            "Your unsaved changes were kept in an emergency snapshot ("
            + ", ".join(kept)
            + "); if the editor stops, they are offered the next time it starts."
            if kept
            else "There were no unsaved changes to keep."
        )
        text = QLabel(f"<b>cjm-editor hit an unexpected error.</b><br>{saved}<br>Please report the details.")
        text.setWordWrap(True)
        self.details = QPlainTextEdit(details, readOnly=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy = QPushButton("Copy Details")
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addWidget(self.details, 1)
        column.addWidget(buttons)
        self.resize(640, 380)
