"""Pages of the kit: header, footer with page numbers, bookmarks, and the page index of the cover."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from cjm_editor.export.options import MARGIN, KitOptions
from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import palette
from cjm_editor.model.journey import Journey


@dataclass
class Pages:
    """Starts pages and remembers where each part and bookmark begins (the cover's index uses a first
    pass's record; `total` is the page count that pass found)."""

    w: Writer
    j: Journey
    options: KitOptions
    total: int = 0
    starts: list[tuple[str, int, int]] = field(default_factory=list)  # (title, level, page)
    number: int = 0
    dry: bool = False  # a first pass that only counts pages: maps are not drawn
    forms: set[str] = field(default_factory=set)  # PDF forms made so far (drawn once, shown often)

    @property
    def c(self) -> Canvas:
        return self.w.c

    @property
    def size(self) -> tuple[float, float]:
        return self.options.page_size()

    def body(self) -> Box:
        """The printable area under the header and above the footer."""
        width, height = self.size
        return Box(MARGIN, MARGIN + 14, width - 2 * MARGIN, height - 2 * MARGIN - 14 - 32)

    def new(
        self,
        heading: str,
        bookmark: str = "",
        level: int = 0,
        decorate: bool = True,
        size: tuple[float, float] | None = None,
    ) -> Box:
        """Finish the page before (if any), start the next (of the kit's paper, or `size`); returns its
        body."""
        if self.number:
            self.c.showPage()
            self.w.forget()
        self.c.setPageSize(size or self.size)
        self.number += 1
        if bookmark:
            self.mark(bookmark, level)
        if decorate:
            self._decorate(heading)
        return self.body()

    def mark(self, title: str, level: int = 0) -> None:
        """A bookmark (PDF outline entry) to this page, listed in the cover's index."""
        key = f"p{self.number}-{len(self.starts)}"
        self.c.bookmarkPage(key)
        self.c.addOutlineEntry(title, key, level=level, closed=level == 0)
        self.starts.append((title, level, self.number))

    def _decorate(self, heading: str) -> None:
        width, height = self.size
        w = self.w
        top = height - MARGIN
        w.line_of_text(
            heading, Box(MARGIN, top - 18, width * 0.62, 18), 14, True, palette.TEXT, "page heading"
        )
        w.line_of_text(
            self.j.title,
            Box(width * 0.62 + MARGIN, top - 16, width * 0.38 - 2 * MARGIN, 14),
            8,
            False,
            palette.MUTED,
            "map title",
        )
        w.stroke(palette.CELL_BORDER, 0.6)
        self.c.line(MARGIN, top - 24, width - MARGIN, top - 24)
        w.fill(palette.MUTED)
        pages = f"{self.number} / {self.total}" if self.total else str(self.number)
        w.string(width - MARGIN, MARGIN - 2, pages, 7.5, False, "page number", "right")
        w.string(MARGIN, MARGIN - 2, "cjm-editor", 7.5, False, "footer")
