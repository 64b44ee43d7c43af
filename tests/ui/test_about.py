"""Help → About: version, licence, credits and the licence texts the package ships."""

from __future__ import annotations

from pathlib import Path

from cjm_editor.resources import resource
from PySide6.QtWidgets import QApplication

from cjm_editor import __version__
from cjm_editor.ui.about import AboutDialog, credits, show_about

ROOT = Path(__file__).resolve().parents[2]


def _about_action(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.text() == "&About cjm-editor")


def test_help_menu_opens_the_about_dialog_without_blocking(window, qtbot):
    _about_action(window).trigger()  # returns: the dialog is opened with open(), not exec()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.parent() is window
    assert f"cjm-editor {__version__}" in dialog.heading.text()
    assert "MIT License" in dialog.heading.text()
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_selecting_a_credit_shows_its_licence_text(qtbot):
    dialog = show_about(None)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    names = [dialog.table.topLevelItem(i).text(0) for i in range(dialog.table.topLevelItemCount())]
    assert names[:3] == ["cjm-editor", "DejaVu Sans 2.37", "Droid Sans Fallback"]
    assert "Permission is hereby granted" in dialog.licence_text.toPlainText()  # the MIT text first
    dialog.table.setCurrentItem(dialog.table.topLevelItem(names.index("Droid Sans Fallback")))
    assert "Apache License" in dialog.licence_text.toPlainText()
    dialog.table.setCurrentItem(dialog.table.topLevelItem(names.index("Qt 6 and PySide6")))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    qt_row = dialog.table.topLevelItem(names.index("Qt 6 and PySide6"))
    assert qt_row.text(1).startswith("6.")  # the installed PySide6 version
    dialog.reject()


def test_every_shipped_licence_text_is_credited_and_readable():
    listed = {c.file for c in credits()}
    shipped = {f"licenses/{p.name}" for p in Path(str(resource("licenses"))).glob("*.txt")}
    shipped |= {f"fonts/{p.name}" for p in Path(str(resource("fonts"))).glob("LICENSE*")}
    assert listed == shipped
    for credit in credits():
        assert len(credit.text()) > 300, credit.name  # a licence text, not a name or a path


def test_the_shipped_project_licence_is_the_repository_licence():
    shipped = resource("licenses", "cjm-editor-MIT.txt").read_text(encoding="utf-8")
    assert shipped == (ROOT / "LICENSE").read_text(encoding="utf-8")
