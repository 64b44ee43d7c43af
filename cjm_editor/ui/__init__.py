"""ui layer: the window's chrome (main_window), what is open (session), menus and edits (actions,
file_actions), the docks and their panels, and the canvas."""

from __future__ import annotations
