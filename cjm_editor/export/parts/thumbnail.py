"""The page before the parts of a split overview: the whole map small (shapes, with its stage and lane
names), a numbered outline for each part and the page it is on."""

from __future__ import annotations

from cjm_editor.export import textline
from cjm_editor.export.draw_map import Placement, draw_map
from cjm_editor.export.legend import map_legend
from cjm_editor.export.pages import Pages
from cjm_editor.export.writer import ELLIPSIS, Box, Writer
from cjm_editor.layout import MapGeometry, Rect, palette

MIN_TEXT = 6.0  # points: the names are shortened rather than printed smaller
MAX_TEXT = 9.0


def draw(p: Pages, g: MapGeometry, area: Box, windows: list[Rect], legend_h: float) -> None:
    w = p.w
    note = (
        f"The map is printed over the next {len(windows)} pages so that its text is at least "
        f"{MIN_TEXT:g} pt; each outline below shows the part on that page."
    )
    used = w.paragraph(note, Box(area.x, area.top - 24, area.w, 24), 9.5, False, palette.MUTED, "overview")
    room = Box(area.x, area.y, area.w, area.h - used - 8)
    s = min(room.w / max(g.width, 1), room.h / max(g.height, 1))
    at = Placement(s, room.x + (room.w - g.width * s) / 2, room.top)
    if not p.dry:
        draw_map(w, p.j, g, at, text=False)
        _names(w, p, g, at)
    first = p.number + 1
    for k, r in enumerate(windows):
        b = at.box(r)
        w.stroke(palette.SELECTION, 1.2)
        p.c.setDash([4, 2])
        p.c.rect(b.x, b.y, b.w, b.h, stroke=1, fill=0)
        p.c.setDash([])
        w.fill("#ffffff", 0.85)
        label, size = _part_label(w, k + 1, first + k, b)
        width = w.width(label, size, True) + 6
        p.c.rect(b.x + b.w / 2 - width / 2, b.y + b.h / 2 - size * 0.6, width, size * 1.5, stroke=0, fill=1)
        w.fill(palette.SELECTION)
        w.string(b.x + b.w / 2, b.y + b.h / 2 - size * 0.2, label, size, True, "overview part", "center")
    if not p.dry:
        map_legend(w, p.j, Box(area.x, area.y - legend_h - 6, area.w, legend_h))


def _part_label(w: Writer, k: int, page: int, b: Box) -> tuple[str, float]:
    """ "part 2 · p. 4" as large as fits the outline (up to 12 pt), shorter when 6 pt is too wide."""
    size = max(MIN_TEXT, min(12.0, b.w / 8, b.h / 2))
    for label in (f"part {k} · p. {page}", f"{k} · p. {page}", f"p. {page}"):
        fits = min(size, (b.w - 8) / max(w.width(label, 1.0, True), 1e-6))
        if fits >= MIN_TEXT:
            return label, fits
    return f"p. {page}", MIN_TEXT


def _names(w: Writer, p: Pages, g: MapGeometry, at: Placement) -> None:
    """Each stage's and lane's name in its header, as large as fits (MIN_TEXT..MAX_TEXT), on up to
    two lines and shortened with … when even that is too long; a lane header taller than wide
    reads upwards."""
    s = at.s
    for stage in p.j.stages:
        b = at.box(g.stages[stage.id])
        _label(w, stage.name, Box(b.x + 3 * s, b.y + 4 * s, b.w - 6 * s, b.h - 10 * s), palette.HEADER_TEXT)
    for lane in p.j.lanes:
        b = at.box(g.lanes[lane.id])
        b = Box(b.x + 4 * s, b.y, b.w - 4 * s, b.h)
        if b.h > b.w * 1.5 and textline.width(lane.name, MIN_TEXT, True) > b.w - 4:
            w.save()
            p.c.translate(b.x + b.w / 2, b.y + b.h / 2)
            p.c.rotate(90)
            _label(w, lane.name, Box(-b.h / 2, -b.w / 2, b.h, b.w), palette.LANE_TEXT)
            w.restore()
        else:
            _label(w, lane.name, b, palette.LANE_TEXT)


def _label(w: Writer, text: str, box: Box, colour: str) -> None:
    """Text centred in a box (a header of the thumbnail), never below MIN_TEXT."""
    size = max(MIN_TEXT, min(MAX_TEXT, box.h * 0.6))
    inner = max(box.w - 4, 1.0)
    lines = _lines(text, inner, size, box.h)
    while size > MIN_TEXT and any(textline.width(x, size, True) > inner for x in lines):
        size = max(MIN_TEXT, size - 0.5)  # smaller before shorter
        lines = _lines(text, inner, size, box.h)
    lines = [_short(line, inner, size) for line in lines]
    w.fill(colour)
    y = box.y + box.h / 2 + (len(lines) - 1) * size * 0.6 - size * 0.35
    for line in lines:
        w.string(box.x + box.w / 2, y, line, size, True, "the thumbnail", "center")
        y -= size * 1.2


def _lines(text: str, width: float, size: float, room: float) -> list[str]:
    """One line, or two broken between words when the box has room for them."""
    words = text.split()
    if room < 2.4 * size or len(words) < 2 or textline.width(text, size, True) <= width:
        return [text]
    fits = [k for k in range(1, len(words)) if textline.width(" ".join(words[:k]), size, True) <= width]
    k = fits[-1] if fits else 1
    return [" ".join(words[:k]), " ".join(words[k:])]


def _short(text: str, width: float, size: float) -> str:
    """The longest start of the text that fits the width, with … when it is cut."""
    if textline.width(text, size, True) <= width:
        return text
    text = text[: int(width / size * 2) + 1]  # no more characters than could fit
    while len(text) > 1 and textline.width(text + ELLIPSIS, size, True) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS
