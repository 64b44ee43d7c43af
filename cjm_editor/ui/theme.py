"""Light and dark: the canvas follows the system's colour scheme (and changes with it while the editor
runs). `CJM_THEME=dark` or `light` chooses one whatever the system says (also the widgets' palette),
for screenshots and for desktops that do not report a scheme. The PDF and image exports keep the light
colours of layout/palette.py."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsScene

from cjm_editor.layout import palette
from cjm_editor.ui.canvas import style

_NAMES = (
    "CANVAS_BG", "CELL_BG", "CELL_BORDER", "HEADER_BG", "HEADER_TEXT", "LANE_BG", "LANE_TEXT",
    "LANE_KIND_TEXT", "TEXT", "MUTED", "NEUTRAL_LINE", "CONNECTION",
)  # fmt: skip
LIGHT: dict[str, str] = {name: getattr(palette, name) for name in _NAMES}
DARK: dict[str, str] = {
    "CANVAS_BG": "#1b1f25",
    "CELL_BG": "#242a33",
    "CELL_BORDER": "#363d47",
    "HEADER_BG": "#3d4d63",
    "HEADER_TEXT": "#ffffff",
    "LANE_BG": "#2b323c",
    "LANE_TEXT": "#e3e8ee",
    "LANE_KIND_TEXT": "#9aa5b1",
    "TEXT": "#e8ebef",
    "MUTED": "#a3acb8",
    "NEUTRAL_LINE": "#6b7580",
    "CONNECTION": "#aab3bf",
}
LIGHT_CARDS = dict(palette.CARD_COLOURS)
DARK_CARDS: dict[str, tuple[str, str]] = {
    "action": ("#2b3038", "#9aa5b1"),
    "touchpoint": ("#1d2e47", "#5a9bf0"),
    "quote": ("#3a3220", "#e0b040"),
    "pain-point": ("#3f2424", "#ef6b60"),
    "opportunity": ("#1f3628", "#4cb870"),
    "metric": ("#33264a", "#b07ae6"),
    "backstage": ("#2a3135", "#8aa0ab"),
    "note": ("#37352a", "#c9c38a"),
}


def wanted_dark(app: QGuiApplication) -> bool:
    """CJM_THEME if set, else the system's scheme, else whether the window colour is dark."""
    chosen = os.environ.get("CJM_THEME", "").lower()
    if chosen in ("dark", "light"):
        return chosen == "dark"
    scheme = app.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply(dark: bool) -> None:
    """Set the canvas colours (items read them when they paint)."""
    for name, value in (DARK if dark else LIGHT).items():
        getattr(style, name).setRgba(QColor(value).rgba())  # in place: pens and brushes follow
    style.CARD_COLOURS.clear()
    style.CARD_COLOURS.update(DARK_CARDS if dark else LIGHT_CARDS)
    style.DARK = dark


def dark_palette() -> QPalette:
    """A dark palette for the widgets, when dark is chosen on a desktop that does not give one."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, "#22272e"), (role.WindowText, "#e6e9ed"), (role.Base, "#1b1f25"),
        (role.AlternateBase, "#262c34"), (role.ToolTipBase, "#2b323c"), (role.ToolTipText, "#e6e9ed"),
        (role.Text, "#e6e9ed"), (role.Button, "#2b323c"), (role.ButtonText, "#e6e9ed"),
        (role.BrightText, "#ffffff"), (role.Highlight, "#1a73e8"), (role.HighlightedText, "#ffffff"),
        (role.Link, "#5a9bf0"), (role.PlaceholderText, "#8a94a0"), (role.Mid, "#3a424d"),
        (role.Dark, "#15181d"), (role.Light, "#3a424d"), (role.Midlight, "#323943"), (role.Shadow, "#0b0d10"),
    ):  # fmt: skip
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#6b7580"))
    return p


class ThemeFollower(QObject):
    """Applies the scheme at start and again whenever the system's scheme changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.dark = False
        self.update()
        app.styleHints().colorSchemeChanged.connect(lambda *_: self.update())

    def update(self) -> None:
        self.dark = wanted_dark(self.app)
        forced = os.environ.get("CJM_THEME", "").lower() == "dark"
        if forced and self.app.palette().color(QPalette.ColorRole.Window).lightness() >= 128:
            self.app.setPalette(dark_palette())
        apply(self.dark)
        for widget in self.app.allWidgets():
            scene = getattr(widget, "scene", None)
            target = scene() if callable(scene) else None
            if isinstance(target, QGraphicsScene):
                target.setBackgroundBrush(style.CANVAS_BG)
                for item in target.items():
                    item.update()
