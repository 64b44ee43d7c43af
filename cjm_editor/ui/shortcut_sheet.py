"""Help → Keyboard Shortcuts: every menu entry that has a shortcut (read from the menus, so the sheet
never disagrees with them) and the keys and gestures of the canvas, Present, Vote and Rate (from
ui/keymap.py, which their handlers match keys with). A non-modal window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMenuBar, QTextBrowser, QVBoxLayout, QWidget

from cjm_editor.ui.keymap import SECTIONS


def _text(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…")


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, entry, keys) for every menu entry with a shortcut, in menu order."""
    out: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)
            elif action.shortcuts():
                keys = ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                )
                out.append((title, _text(action), keys))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _text(top))
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sheet_html(bar: QMenuBar) -> str:
    rows = []
    for section, entries in SECTIONS:
        rows.append(f"<h3>{_escape(section)}</h3><table cellpadding='3'>")
        rows += [f"<tr><td><b>{_escape(e.label)}</b></td><td>{_escape(e.does)}</td></tr>" for e in entries]
        rows.append("</table>")
    menu = None
    for title, entry, keys in menu_shortcuts(bar):
        if title != menu:
            rows.append(("</table>" if menu else "") + f"<h3>{_escape(title)}</h3><table cellpadding='3'>")
            menu = title
        rows.append(f"<tr><td><b>{_escape(keys)}</b></td><td>{_escape(entry)}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


class ShortcutSheet(QDialog):
    """The sheet; `browser.toPlainText()` is what it shows."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts — cjm-editor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setHtml(sheet_html(bar))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 640)
