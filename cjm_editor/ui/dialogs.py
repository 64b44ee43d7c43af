"""Questions the editor asks the user. Each is a plain function so tests can answer it instead."""

from __future__ import annotations

from enum import Enum
from types import SimpleNamespace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from cjm_editor.formats.cjm_json import SUFFIX

MAP_FILTER = f"Journey maps (*{SUFFIX});;JSON files (*.json);;All files (*)"


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, name: str) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}” before closing it?")
    box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def ask_open_path(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open journey map", folder, MAP_FILTER)
    return path or None


def ask_save_path(parent: QWidget, suggestion: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save journey map", suggestion, MAP_FILTER)
    if path and not path.endswith(SUFFIX) and not path.endswith(".json"):
        path += SUFFIX
    return path or None


def ask_text(parent: QWidget, title: str, label: str, value: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, text=value)
    return text if ok else None


def ask_template(parent: QWidget, choices: list[tuple[str, str]]) -> str | None:
    """The template to start from: a list with a preview of each (the ids of `choices`)."""
    from cjm_editor.ui.template_dialog import TemplateDialog
    from cjm_editor.ui.user_templates import choices as all_choices

    wanted = {tid for tid, _ in choices}
    dialog = TemplateDialog([c for c in all_choices() if c.id in wanted], parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def ask_colour(parent: QWidget, current: str) -> str | None:
    colour = QColorDialog.getColor(QColor(current), parent, "Persona colour")
    return colour.name() if colour.isValid() else None


def ask_import_path(parent: QWidget, title: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path or None


def ask_export_path(parent: QWidget, title: str, suggestion: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggestion, file_filter)
    return path or None


def questions() -> SimpleNamespace:
    """The questions a window asks, as attributes a test can replace with an answer."""
    return SimpleNamespace(
        save_changes=ask_save_changes,
        open_path=ask_open_path,
        save_path=ask_save_path,
        text=ask_text,
        template=ask_template,
        colour=ask_colour,
        confirm=ask_confirm,
        import_path=ask_import_path,
        export_path=ask_export_path,
    )
