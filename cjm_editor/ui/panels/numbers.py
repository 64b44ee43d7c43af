"""Numbers typed by a person: in their locale ("1,200" is 1200 in English, 1.2 in German), with an
optional unit or % after them ("38%", "4.5 s", "12 €")."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

_UNIT = re.compile(r"^(?P<number>.*?\d)\s*(?P<unit>[^\d\s.,+-][^\d]*)?$")


def parse_number(text: str, locale: QLocale | None = None) -> tuple[float | int | None, str]:
    """The number in `text` and the unit after it; (None, "") for empty text. ValueError when the text
    is not a number in the user's locale (nor in plain C notation)."""
    text = text.strip()
    if not text:
        return None, ""
    match = _UNIT.match(text)
    if match is None:
        raise ValueError(f"“{text}” is not a number")
    number, unit = match.group("number").strip(), (match.group("unit") or "").strip()
    for loc in (locale or QLocale(), QLocale.c()):
        value, ok = loc.toDouble(number)
        if ok:
            return (int(value) if value.is_integer() else value), unit
    raise ValueError(f"“{text}” is not a number")


def format_number(value: float | int | None, locale: QLocale | None = None) -> str:
    """A number as the user writes it (no group separators, so it reads back the same)."""
    if value is None:
        return ""
    loc = QLocale(locale or QLocale())
    loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if float(value).is_integer():
        return loc.toString(int(value))
    return loc.toString(float(value), "g", 12)
