"""Drawing text and shapes on a reportlab canvas: fallback fonts, wrapping, fitting, grayscale.

User text is drawn exactly as written (never parsed as markup). Text that does not fit its box
shrinks down to MIN_SIZE, is then cut with "…", and both are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from cjm_editor.export import fonts, textline
from cjm_editor.export.report import ExportReport
from cjm_editor.model import limits

MIN_SIZE = 7.0
LEADING = 1.22
ELLIPSIS = "…"
FALLBACK_COLOUR = "#3b6fd1"


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in PDF points, origin bottom-left."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def inset(self, dx: float, dy: float | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)


def _break_word(word: str, max_width: float, size: float, bold: bool) -> list[str]:
    """A word wider than the line, broken between characters."""
    pieces, current = [], ""
    for char in word:  # never before a combining mark or joiner, which belongs to the letter before
        if current and not fonts.is_mark(char) and textline.width(current + char, size, bold) > max_width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """Lines of at most max_width; explicit line breaks are kept, long words are broken."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = paragraph.replace("\t", " ").split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if textline.width(trial, size, bold) <= max_width:
                line = trial
                continue
            if line:
                lines.append(line)
            if textline.width(word, size, bold) <= max_width:
                line = word
            else:
                *whole, line = _break_word(word, max_width, size, bold)
                lines += whole
        lines.append(line)
    return _carry_isolates(lines) if textline.FSI in text else lines


def _carry_isolates(lines: list[str]) -> list[str]:
    """A user's text set apart (textline.isolated) that wraps is set apart on each of its lines, so
    that every line is laid out in the right direction on its own."""
    out, open_ = [], False
    for line in lines:
        text = (textline.FSI if open_ else "") + line
        open_ = text.rfind(textline.FSI) > text.rfind(textline.PDI)
        out.append(text + textline.PDI if open_ else text)
    return out


class Writer:
    """A canvas with the export's fonts, colours and report."""

    def __init__(self, canvas: Canvas, report: ExportReport, grayscale: bool = False) -> None:
        self.c = canvas
        self.report = report
        self.grayscale = grayscale
        self.dry = False  # a pass that only counts pages: text is measured, not written
        self._fill = _colour("#000000", 1.0, False)
        self._fill_set: Color | None = None  # what the canvas has now (None: not known)
        self._stroke_set: tuple[Color, float] | None = None
        # The canvas's fill and stroke alpha (None: not known). While both the canvas and the new
        # colour are opaque, only the colour is written: reportlab would look the alpha up again.
        self._fill_alpha: float | None = None
        self._stroke_alpha: float | None = None
        self._shapes: dict[tuple[float, float, float, int, int], str | None] = {}  # see round_rect
        fonts.coverage()

    # ------------------------------------------------------------------ graphics state
    def forget(self) -> None:
        """The canvas's colours are no longer known (a new page, a form, a restored state)."""
        self._fill_set = None
        self._stroke_set = None
        self._fill_alpha = self._stroke_alpha = None

    def save(self) -> None:
        self.c.saveState()

    def restore(self) -> None:
        self.c.restoreState()
        self.forget()

    # ------------------------------------------------------------------ colour
    def colour(self, value: str, alpha: float = 1.0) -> Color:
        return _colour(value, alpha, self.grayscale)

    def fill(self, value: str, alpha: float = 1.0) -> None:
        self._fill = self.colour(value, alpha)
        if self._fill is not self._fill_set:  # the same colour again writes nothing
            if alpha == 1.0 and self._fill_alpha == 1.0:
                self.c.setFillColor(_rgb(self._fill))  # the same "rg", and no alpha to look up
            else:
                self.c.setFillColor(self._fill)
                self._fill_alpha = alpha
            self._fill_set = self._fill

    def stroke(self, value: str, width: float = 1.0, alpha: float = 1.0) -> None:
        colour = self.colour(value, alpha)
        if self._stroke_set is None or self._stroke_set[0] is not colour:
            if alpha == 1.0 and self._stroke_alpha == 1.0:
                self.c.setStrokeColor(_rgb(colour))
            else:
                self.c.setStrokeColor(colour)
                self._stroke_alpha = alpha
        if self._stroke_set is None or self._stroke_set[1] != width:
            self.c.setLineWidth(width)
        self._stroke_set = (colour, width)

    # ------------------------------------------------------------------ shapes
    def round_rect(
        self, x: float, y: float, w: float, h: float, radius: float, stroke: int, fill: int
    ) -> None:
        """`Canvas.roundRect`, looking the same. A shape drawn again (the cards of a map share a few
        sizes) is kept as a PDF form in the current colours and line width, so that each card's box
        costs a translation and a reference instead of nine path segments to write and compress."""
        key = (w, h, radius, stroke, fill)
        c = self.c
        if key not in self._shapes:  # once: drawn as it is
            self._shapes[key] = None
            c.roundRect(x, y, w, h, radius, stroke=stroke, fill=fill)
            return
        name = self._shapes[key]
        if name is None:
            name = self._shapes[key] = f"cjm-shape-{sum(1 for n in self._shapes.values() if n)}"
            room = max(w, h)  # the bounding box clips: room for any stroke
            c.beginForm(name, -room, -room, w + room, h + room)
            c.roundRect(0, 0, w, h, radius, stroke=stroke, fill=fill)
            c.endForm()
        c.saveState()
        c.translate(x, y)
        c.doForm(name)
        c.restoreState()

    # ------------------------------------------------------------------ text
    def width(self, text: str, size: float, bold: bool = False) -> float:
        return textline.width(text, size, bold)

    def _bounded(self, text: str, limit: int, where: str) -> str:
        """Text past what any box can show is cut before fitting, so fitting time stays bounded."""
        if len(text) <= limit:
            return text
        self.report.cut.append(where or text[:40])
        return text[:limit] + ELLIPSIS

    def string(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        bold: bool = False,
        where: str = "",
        align: str = "left",
        rtl: bool | None = None,
    ) -> float:
        """One line at baseline y; returns its width. Right-to-left text is put in visual order and
        complex scripts are shaped; characters no font has become � and are reported. `rtl`: the
        direction of the paragraph the line belongs to (None: the line's own)."""
        text = self._bounded(text, limits.MAX_EXPORT_LINE, where)
        if self.dry:
            return textline.width(text, size, bold)
        line = textline.layout(text, bold, rtl)
        for char in line.missing:
            self.report.missing_glyph(char, where or text[:40])
        total = line.width * size
        if align == "center":
            x -= total / 2
        elif align == "right":
            x -= total
        faux_bold = bold and any(run.font in fonts.NO_BOLD for run in line.runs)
        if faux_bold:  # no bold face: fill and stroke the outline in the text colour
            self.save()
            self.c.setStrokeColor(self._fill)
            self.c.setLineWidth(size * 0.03)
        text_obj = self.c.beginText(x, y)
        for run in line.runs:
            if run.x:
                text_obj.setTextOrigin(x + run.x * size, y)
            text_obj.setFont(run.font, size)
            if faux_bold:
                text_obj.setTextRenderMode(2 if run.font in fonts.NO_BOLD else 0)
            text_obj.textOut(run.text)
        self.c.drawText(text_obj)
        if faux_bold:
            self.restore()
        return total

    def lines_that_fit(
        self,
        text: str,
        box: Box,
        size: float,
        bold: bool = False,
        where: str = "",
        min_size: float = MIN_SIZE,
    ) -> tuple[list[str], float]:
        """Wrap text into the box, shrinking to min_size, then cutting with … (both reported)."""
        text = self._bounded(text, limits.MAX_EXPORT_TEXT, where)
        start = size
        while True:
            lines = wrap(text, box.w, size, bold)
            if len(lines) * size * LEADING <= box.h + 0.01 or size <= min_size:
                break
            size = max(min_size, size - 0.5)
        if size < start:
            self.report.shrunk.append(where or text[:40])
        room = max(1, int((box.h + 0.01) // (size * LEADING)))
        if len(lines) > room:
            lines = [*lines[: room - 1], _cut(lines[room - 1], box.w, size, bold)]
            self.report.cut.append(where or text[:40])
        return lines, size

    def paragraph(
        self,
        text: str,
        box: Box,
        size: float,
        bold: bool = False,
        colour: str = "#1f2630",
        where: str = "",
        min_size: float = MIN_SIZE,
        align: str = "start",
    ) -> float:
        """Text wrapped inside a box from its top; returns the height used. `align`: "start" (left,
        or right for a right-to-left paragraph), "left", "center" or "right"."""
        lines, size = self.lines_that_fit(text, box, size, bold, where, min_size)
        self.fill(colour)
        y = box.top - size
        rtl = textline.base_is_rtl(text)
        if align == "start":  # where the paragraph's direction starts: right for right-to-left text
            align = "right" if rtl else "left"
        x = {"left": box.x, "center": box.x + box.w / 2, "right": box.right}[align]
        for line in lines:
            self.string(x, y, line, size, bold, where, align, rtl)
            y -= size * LEADING
        return len(lines) * size * LEADING

    def line_of_text(
        self,
        text: str,
        box: Box,
        size: float,
        bold: bool = False,
        colour: str = "#1f2630",
        where: str = "",
        min_size: float = MIN_SIZE,
        align: str = "left",
    ) -> None:
        """One line in a box, shrunk then cut with … when too wide (reported). `align`: "left",
        "center" (on the box's middle, e.g. a label under a point) or "right"."""
        text = self._bounded(text, limits.MAX_EXPORT_LINE, where)
        start = size
        while textline.width(text, size, bold) > box.w and size > min_size:
            size = max(min_size, size - 0.5)
        if size < start:
            self.report.shrunk.append(where or text[:40])
        if textline.width(text, size, bold) > box.w:
            text = _cut(text, box.w, size, bold)
            self.report.cut.append(where or text[:40])
        self.fill(colour)
        x = {"left": box.x, "center": box.x + box.w / 2, "right": box.right}[align]
        self.string(x, box.y + (box.h - size) / 2 + size * 0.2, text, size, bold, where, align)


def _cut(text: str, width: float, size: float, bold: bool) -> str:
    """The longest start of the text that fits the width with … after it."""
    while text and textline.width(text + ELLIPSIS, size, bold) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


@lru_cache(maxsize=512)
def _rgb(colour: Color) -> tuple[float, float, float]:
    """The colour as reportlab's plain (r, g, b): it writes the same operator, and no alpha."""
    return (colour.red, colour.green, colour.blue)


@lru_cache(maxsize=512)
def _colour(value: str, alpha: float, grayscale: bool) -> Color:
    try:
        colour = HexColor(value)
    except (ValueError, TypeError):  # a persona colour that is not #rrggbb
        colour = HexColor(FALLBACK_COLOUR)
    if grayscale:
        grey = 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue
        return Color(grey, grey, grey, alpha)
    return Color(colour.red, colour.green, colour.blue, alpha)
