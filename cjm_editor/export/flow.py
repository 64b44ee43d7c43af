"""Text flowing down a column and on to the same column of further pages: nothing is dropped.

A Flow is laid out first and drawn after, page by page, so that two flows (the left and right column
of a worksheet) can share continuation pages on a canvas that only moves forward.
"""

from __future__ import annotations

from collections.abc import Callable

from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import LEADING, Box, Writer, wrap
from cjm_editor.layout import palette

Op = Callable[[], None]
HEADING = 10.5
INDENT = 10.0


class Flow:
    """Items down `first` (a column of the first page), then down `later` on each further page."""

    def __init__(
        self, w: Writer, first: Box, later: Box, size: float = 9.0, spare: list[Box] | None = None
    ) -> None:
        """`spare`: room left on the first page (e.g. under another column), used before going on
        to a further page."""
        self.w, self.first, self.later, self.size = w, first, later, size
        self._spare = list(spare or [])
        self.page = 0
        self.box = first
        self.y = first.top
        self.ops: dict[int, list[Op]] = {}
        self._heading: tuple[str, str] | None = None

    @property
    def pages(self) -> int:
        return self.page + 1

    def _add(self, op: Op) -> None:
        self.ops.setdefault(self.page, []).append(op)

    def _next(self) -> None:
        if self.page == 0 and self._spare:
            self.box = self._spare.pop(0)
        else:
            self.page += 1
            self.box = self.later
        self.y = self.box.top
        if self._heading is not None:  # the group goes on: say so at the top of the column
            text, colour = self._heading
            self._put_heading(f"{text} (continued)", colour)

    def _room(self, need: float) -> None:
        if self.y - need < self.box.y and self.y < self.box.top:
            self._next()

    def _put_heading(self, text: str, colour: str) -> None:
        w, x, y = self.w, self.box.x, self.y - 13

        def draw() -> None:
            w.fill(colour)
            w.string(x, y, text, HEADING, True, text)

        self._add(draw)
        self.y = y - 5

    def heading(self, text: str, colour: str = palette.TEXT) -> None:
        """A group's heading, kept with the group's first line."""
        self._heading = None
        self._room(18 + self.size * LEADING * 2)
        self._put_heading(text, colour)
        self._heading = (text, colour)

    def item(
        self,
        text: str,
        where: str,
        bullet: str | None = palette.MUTED,
        size: float | None = None,
        bold: bool = False,
        colour: str = palette.TEXT,
    ) -> None:
        """A bulleted, wrapped item; its lines go on in the next column when this one is full."""
        size = size or self.size
        w = self.w
        step = size * LEADING
        lines = wrap(text, self.box.w - INDENT, size, bold)
        self._room(step)
        for i, line in enumerate(lines):
            if self.y - step < self.box.y:
                self._next()
            x, y = self.box.x, self.y - size

            def draw(x: float = x, y: float = y, line: str = line, first: bool = i == 0) -> None:
                if first and bullet is not None:
                    w.fill(bullet)
                    w.c.circle(x + 3, y + size * 0.35, 2, stroke=0, fill=1)
                w.fill(colour)
                w.string(x + INDENT, y, line, size, bold, where)

            self._add(draw)
            self.y -= step
        self.y -= 2

    def block(self, height: float, draw: Callable[[Box], None]) -> None:
        """Something drawn in a fixed height (e.g. a face with its persona), never split."""
        self._room(height)
        box = Box(self.box.x, self.y - height, self.box.w, height)
        self._add(lambda: draw(box))
        self.y -= height

    def gap(self, height: float = 4.0) -> None:
        self._heading = None
        self.y -= height

    def items(self, heading: str, texts: list[str], where: str, bullet: str = palette.MUTED) -> None:
        """A heading and its items (nothing when there are none)."""
        if not texts:
            return
        self.heading(heading)
        for text in texts:
            self.item(text, f"{heading.lower()} of {where}", bullet)
        self.gap()

    def draw_page(self, page: int) -> None:
        for op in self.ops.get(page, []):
            op()


def draw_pages(p: Pages, flows: list[Flow], heading: str, first: Callable[[], None] | None = None) -> int:
    """Draw laid-out flows: their first page is the current one (after `first` draws what else is on
    it); each further page is a new page headed "heading (continued, page k of n)". Returns n."""
    n = max(f.pages for f in flows)
    for page in range(n):
        if page:
            p.new(f"{heading} (continued, page {page + 1} of {n})")
            p.w.report.continued.append(f"{heading}: page {page + 1} of {n}")
        if p.dry:  # the counting pass needs the pages only
            continue
        if not page and first is not None:
            first()
        for f in flows:
            f.draw_page(page)
    return n
