"""What an export could not do perfectly: nothing is lost silently."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ExportReport:
    """Characters no font covers, text that had to shrink or was cut, items left out."""

    missing: dict[str, list[str]] = field(default_factory=dict)  # character -> where it appeared
    shrunk: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    pages: int = 0

    def missing_glyph(self, char: str, where: str) -> None:
        places = self.missing.setdefault(char, [])
        if where not in places:
            places.append(where)

    def __bool__(self) -> bool:
        return bool(self.missing or self.cut or self.omitted or self.shrunk)

    def lines(self) -> list[str]:
        out = []
        for char, places in self.missing.items():
            where = ", ".join(places)
            out.append(f"no font has the character {char!r} (U+{ord(char):04X}); printed as � in: {where}")
        out += [f"text cut to fit (ends with …): {where}" for where in self.cut]
        out += [f"text made smaller to fit: {where}" for where in self.shrunk]
        out += [f"not printed: {what}" for what in self.omitted]
        return out
