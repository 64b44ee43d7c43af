"""What an export could not do perfectly, summary first: nothing is lost silently."""

from __future__ import annotations

from dataclasses import dataclass, field

from cjm_editor.model.vocabulary import counted


@dataclass
class ExportReport:
    """Characters no font covers, text that had to shrink or was cut, items left out, and where the
    kit went on to further pages (worksheets, table rows split across pages)."""

    missing: dict[str, list[str]] = field(default_factory=dict)  # character -> where it appeared
    shrunk: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    continued: list[str] = field(default_factory=list)  # pages added so that nothing is dropped
    split_rows: list[str] = field(default_factory=list)  # table rows printed over two or more pages
    keyed: list[str] = field(default_factory=list)  # connection labels printed in the map's key
    pages: int = 0

    def missing_glyph(self, char: str, where: str) -> None:
        places = self.missing.setdefault(char, [])
        if where not in places:
            places.append(where)

    def __bool__(self) -> bool:
        return bool(
            self.missing
            or self.cut
            or self.omitted
            or self.shrunk
            or self.split_rows
            or self.continued
            or self.keyed
        )

    def summary(self) -> list[str]:
        """One line per kind of trouble, with its count (empty when there is none)."""
        counts = [
            (len(self.missing), "character", "no font has (printed as �)"),
            (len(self.cut), "text", "cut to fit (ending with …)"),
            (len(self.shrunk), "text", "made smaller to fit"),
            (len(self.split_rows), "table row", "split across pages"),
            (len(self.continued), "continuation page", "(worksheets and lists too long for one page)"),
            (len(self.omitted), "item", "not printed"),
            (
                len(self.keyed),
                "connection label",
                "with no room beside the arrow (numbered, text in the key)",
            ),
        ]
        return [f"{counted(n, word)} {what}" for n, word, what in counts if n]

    def lines(self) -> list[str]:
        """The summary, then the details."""
        return [f"summary: {line}" for line in self.summary()] + self.details()

    def details(self) -> list[str]:
        out = []
        for char, places in self.missing.items():
            where = ", ".join(places)
            out.append(f"no font has the character {char!r} (U+{ord(char):04X}); printed as � in: {where}")
        out += [f"text cut to fit (ends with …): {where}" for where in self.cut]
        out += [f"text made smaller to fit: {where}" for where in self.shrunk]
        out += [f"table row split across pages: {where}" for where in self.split_rows]
        out += [f"continued on a further page: {where}" for where in self.continued]
        out += [f"not printed: {what}" for what in self.omitted]
        out += [f"connection label in the map's key: {line}" for line in self.keyed]
        return out
