"""Legends of personas (line, marker, colour) and card kinds, wrapped onto as many rows as they need.

In grayscale the personas' colours turn to greys that can look alike, so each persona also gets its
own dash pattern and marker shape (by its place in the map's persona list, the same on every page).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cjm_editor.export.writer import Box, Writer
from cjm_editor.layout import MapGeometry, palette
from cjm_editor.model.journey import Journey, Persona

DASHES: tuple[list[float], ...] = ([], [6, 3], [1.5, 2.5], [8, 3, 2, 3], [3, 3], [12, 4], [5, 2, 1, 2, 1, 2])
SHAPES = ("circle", "square", "triangle", "diamond", "down", "cross", "bar")
ROW = 13.0
SIZE = 8.0
SWATCH = 26.0


def persona_style(index: int, grayscale: bool) -> tuple[list[float], str]:
    """(dash pattern, marker shape) of the persona at `index` in the map's list."""
    if not grayscale:
        return [], "circle"
    return DASHES[index % len(DASHES)], SHAPES[(index // len(DASHES) + index) % len(SHAPES)]


def marker(w: Writer, shape: str, x: float, y: float, r: float) -> None:
    """A filled marker centred on (x, y), in the current fill colour."""
    c = w.c
    if shape == "circle":
        c.circle(x, y, r, stroke=0, fill=1)
        return
    if shape == "square":
        c.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, stroke=0, fill=1)
        return
    points = {
        "triangle": [(0, 1.15), (1.05, -0.75), (-1.05, -0.75)],
        "down": [(0, -1.15), (1.05, 0.75), (-1.05, 0.75)],
        "diamond": [(0, 1.2), (1.0, 0), (0, -1.2), (-1.0, 0)],
        "bar": [(-1.2, 0.45), (1.2, 0.45), (1.2, -0.45), (-1.2, -0.45)],
        "cross": [(-0.35, 1.1), (0.35, 1.1), (0.35, 0.35), (1.1, 0.35), (1.1, -0.35), (0.35, -0.35)]
        + [(0.35, -1.1), (-0.35, -1.1), (-0.35, -0.35), (-1.1, -0.35), (-1.1, 0.35), (-0.35, 0.35)],
    }[shape]
    path = c.beginPath()
    path.moveTo(x + points[0][0] * r, y + points[0][1] * r)
    for px, py in points[1:]:
        path.lineTo(x + px * r, y + py * r)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


Entry = tuple[float, Callable[[float, float], None]]  # width, draw at (x, baseline y)


def _rows(w: Writer, entries: list[Entry], box: Box, dry: bool) -> float:
    """Entries left to right, wrapping to a new row when the next does not fit; the height used."""
    x, y, rows = box.x, box.top - ROW + 3, 1
    for width, draw in entries:
        if x > box.x and x + width > box.right:
            x, y, rows = box.x, y - ROW, rows + 1
        if not dry:
            draw(x, y)
        x += width + 14
    return rows * ROW if entries else 0.0


def persona_legend(
    w: Writer, personas: Sequence[Persona], box: Box, dry: bool = False, all_personas: Sequence[Persona] = ()
) -> float:
    """Each persona's line sample, marker and name; returns the height (drawn from box.top down).
    `all_personas`: the map's list, whose order gives each persona its style (default: `personas`)."""
    order = {p.id: i for i, p in enumerate(all_personas or personas)}
    entries: list[Entry] = []
    max_name = max(40.0, box.w - SWATCH - 6)
    for persona in personas:
        name = persona.name
        name_w = min(w.width(name, SIZE), max_name)
        dash, shape = persona_style(order.get(persona.id, 0), w.grayscale)

        def draw(
            x: float, y: float, p: Persona = persona, dash: list[float] = dash, shape: str = shape
        ) -> None:
            w.stroke(p.colour, 2.0)
            w.c.setDash(dash)
            w.c.line(x, y + 3, x + SWATCH - 4, y + 3)
            w.c.setDash([])
            w.fill(p.colour)
            marker(w, shape, x + (SWATCH - 4) / 2, y + 3, 3.2)
            w.line_of_text(
                p.name, Box(x + SWATCH, y - 2.5, max_name, 11), SIZE, False, palette.TEXT, "legend"
            )

        entries.append((SWATCH + name_w, draw))
    return _rows(w, entries, box, dry)


def kind_legend(w: Writer, kinds: Sequence[str], box: Box, dry: bool = False) -> float:
    """A swatch of each card kind's colours with its name; returns the height used."""
    entries: list[Entry] = []
    for kind in kinds:
        label = palette.KIND_LABELS.get(kind, kind)
        fill, accent = palette.CARD_COLOURS.get(kind, palette.CARD_COLOURS["note"])

        def draw(x: float, y: float, label: str = label, fill: str = fill, accent: str = accent) -> None:
            w.fill(fill)
            w.stroke(accent, 0.8)
            w.c.roundRect(x, y - 1.5, 16, 9, 2, stroke=1, fill=1)
            w.fill(accent)
            w.c.rect(x + 0.4, y - 0.5, 2.5, 7, stroke=0, fill=1)
            w.fill(palette.TEXT)
            w.string(x + 20, y, label, SIZE, False, "legend")

        entries.append((20 + w.width(label, SIZE), draw))
    return _rows(w, entries, box, dry)


def map_legend(w: Writer, j: Journey, box: Box, dry: bool = False, g: MapGeometry | None = None) -> float:
    """The legend of a map drawing: its personas' curves, the kinds of card it has, then (with the
    map's geometry `g`, for a drawing printed once like the poster) the key of connection labels
    that did not fit beside their arrows, from the top of the box down; returns the height used.
    Drawing a key puts it in the export report."""
    kinds = [k for k in palette.CARD_COLOURS if any(c.kind == k for c in j.cards)]
    used = persona_legend(w, j.personas, box, dry)
    used += kind_legend(w, kinds, Box(box.x, box.y, box.w, box.h - used), dry)
    lines = label_key(j, g) if g is not None else []
    if lines:
        if not dry:
            report_key(w, lines)
        entries: list[Entry] = []
        for line in ["Arrow labels:", *lines]:
            width = min(w.width(line, SIZE), box.w)

            def draw(x: float, y: float, line: str = line, width: float = width) -> None:
                w.line_of_text(line, Box(x, y - 2.5, width + 2, 11), SIZE, False, palette.TEXT, "legend")

            entries.append((width, draw))
        used += _rows(w, entries, Box(box.x, box.y, box.w, box.h - used), dry)
    return used


def label_key(j: Journey, g: MapGeometry) -> list[str]:
    """The key's lines for labels that did not fit beside their arrows: "3  label" for a numbered
    mark, "label (first card → second card)" for a label left off the map."""
    titles = {card.id: card.title for card in j.cards}
    lines = []
    keyed = (c for c in j.connections if c.id in g.marks)
    for conn in sorted(keyed, key=lambda c: (g.marks[c.id] == 0, g.marks[c.id])):
        if g.marks[conn.id]:
            lines.append(f"{g.marks[conn.id]}  {conn.label}")
        else:
            ends = f"{titles.get(conn.source_id, '?')[:30]} → {titles.get(conn.target_id, '?')[:30]}"
            lines.append(f"{conn.label} ({ends})")
    return lines


def report_key(w: Writer, lines: list[str]) -> None:
    """Say in the export report which labels are printed in a key (once each, however often drawn)."""
    for line in lines:
        if line not in w.report.keyed:
            w.report.keyed.append(line)
