"""User text inside tooltips and other places Qt may read as rich text.

Qt shows a tooltip as HTML when it looks like HTML (`Qt.mightBeRichText`), so a stage called
"<b>Bold</b> & co" would turn bold and lose its ampersand. Every piece of user text that goes into
such a place passes through `escape`, which makes Qt show it exactly as typed (tests/ui/test_hostile_text.py
walks the window, the present mode and the F1 sheet for text that does not).
"""

from __future__ import annotations

import html

MAX_TIP = 2000
"""Longest user text shown in one tooltip, in characters."""


def escape(text: str, limit: int = MAX_TIP) -> str:
    """User text as rich text that shows literally (line breaks kept); cut to `limit` characters.

    The text comes in a <span>: Qt takes a tooltip or label for rich text only when its first line
    holds a tag (or "&lt;"), so without one "R&D" escaped would show as "R&amp;D". A span changes
    nothing where the text is part of a larger rich text. Empty text stays empty."""
    if not text:
        return ""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "<span>" + html.escape(text, quote=False).replace("\n", "<br>") + "</span>"
