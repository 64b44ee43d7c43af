"""Help → Keyboard Shortcuts: every menu entry that has a shortcut (read from the menus, so the sheet
never disagrees with them) and the keys and gestures of the canvas. A non-modal window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMenuBar, QTextBrowser, QVBoxLayout, QWidget

CANVAS_KEYS: tuple[tuple[str, str], ...] = (
    ("← → ↑ ↓", "Select the next card left, right, up or down (or the next stage or lane header)"),
    ("Ctrl+← → ↑ ↓", "Move the selected cards to the neighbouring cell (one undo step)"),
    ("Tab / Shift+Tab", "Select the next / previous card in reading order"),
    ("Enter", "Edit the selected card's title (or rename the stage or lane, label the connection)"),
    ("Escape", "Cancel the gesture or the title edit under way"),
    ("Shift+click in the emotion lane", "Set the active persona's score at the selected card"),
    ("Ctrl+wheel, pinch", "Zoom"),
    ("Space+drag, middle button drag", "Pan"),
)


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
    rows = ["<h3>Canvas</h3><table cellpadding='3'>"]
    rows += [f"<tr><td><b>{_escape(k)}</b></td><td>{_escape(v)}</td></tr>" for k, v in CANVAS_KEYS]
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
