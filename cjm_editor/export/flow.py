"""Text flowing down a column: headings and bulleted items, with what does not fit reported."""

from __future__ import annotations

from cjm_editor.export.writer import LEADING, Box, Writer, wrap
from cjm_editor.layout import palette


class Column:
    """Writes from the top of a box down; `full` once something did not fit."""

    def __init__(self, w: Writer, box: Box, size: float = 9.0) -> None:
        self.w, self.box, self.size = w, box, size
        self.y = box.top
        self.full = False

    def room(self) -> float:
        return self.y - self.box.y

    def heading(self, text: str, colour: str = palette.TEXT) -> bool:
        if self.room() < 30:
            self.full = True
            return False
        self.y -= 13
        self.w.fill(colour)
        self.w.string(self.box.x, self.y, text, 10.5, True, text)
        self.y -= 5
        return True

    def item(
        self,
        text: str,
        where: str,
        bullet: str = palette.MUTED,
        size: float | None = None,
        bold: bool = False,
    ) -> bool:
        """A bulleted, wrapped item; False (and nothing drawn) when it does not fit."""
        size = size or self.size
        indent = 10
        lines = wrap(text, self.box.w - indent, size, bold)
        need = len(lines) * size * LEADING + 2
        if need > self.room():
            self.full = True
            return False
        self.w.fill(bullet)
        self.w.c.circle(self.box.x + 3, self.y - size * 0.65, 2, stroke=0, fill=1)
        self.w.fill(palette.TEXT)
        y = self.y - size
        for line in lines:
            self.w.string(self.box.x + indent, y, line, size, bold, where)
            y -= size * LEADING
        self.y -= need
        return True

    def items(self, heading: str, texts: list[str], where: str, bullet: str = palette.MUTED) -> None:
        """A heading and its items; the ones that do not fit are counted in a last line and reported."""
        if not texts or not self.heading(heading):
            if texts:
                self.w.report.omitted.append(f"{len(texts)} {heading.lower()} of {where}")
            return
        for i, text in enumerate(texts):
            if not self.item(text, f"{heading.lower()} of {where}", bullet):
                rest = len(texts) - i
                self.w.report.omitted.append(f"{rest} {heading.lower()} of {where} (see the overview)")
                if self.room() >= self.size * LEADING:
                    self.w.fill(palette.MUTED)
                    self.w.string(
                        self.box.x + 10,
                        self.y - self.size,
                        f"+ {rest} more (see the overview)",
                        self.size,
                        False,
                        where,
                    )
                    self.y -= self.size * LEADING
                return
        self.y -= 4
