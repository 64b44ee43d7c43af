"""The PDF workshop kit: cover, overview, poster, stage worksheets, personas, curves, pains, insights.

Two passes: the first learns on which page each part starts (for the cover's index and the page
count in the footer), the second writes the file. With a fixed date the output is byte-identical
from run to run. The kit is made in memory: what runs the analysis and writes the file is the
caller's (cjm_editor/handouts.py), so export stands beside formats and analysis, not on them.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from cjm_editor import __version__
from cjm_editor.export import fonts
from cjm_editor.export.options import KitOptions, for_persona
from cjm_editor.export.pages import Pages
from cjm_editor.export.parts import (
    cover,
    curves,
    cutouts,
    insights,
    overview,
    pains,
    personas,
    poster,
    stages,
    voting,
)
from cjm_editor.export.report import ExportReport
from cjm_editor.export.writer import Writer
from cjm_editor.layout import MapGeometry, compute
from cjm_editor.model.journey import Card, Journey

Progress = Callable[[int, int, str], None]  # done, total, what
Analysis = Callable[[Journey], list[insights.Section]]
"""Runs the analysis of a map for the insights part (see analysis.report.Report.sections)."""


def blank_grid(j: Journey, notes_per_cell: int = 3) -> Journey:
    """The map's stages and lanes with room for sticky notes in every cell, and no cards."""
    phantom = [
        Card(s.id, lane.id, id=f"room-{s.id}-{lane.id}-{k}")
        for s in j.stages
        for lane in j.lanes
        if lane.kind != "emotions"
        for k in range(notes_per_cell)
    ]
    lanes = [dataclasses.replace(lane, collapsed=False) for lane in j.lanes]
    return dataclasses.replace(j, cards=phantom, lanes=lanes, connections=[], emotions=[])


def _render(
    j: Journey,
    options: KitOptions,
    out: BinaryIO,
    index: list[tuple[str, int, int]],
    total: int,
    progress: Progress | None,
    dry: bool = False,
    done_once: dict[str, object] | None = None,
    analysis: Analysis | None = None,
) -> tuple[Pages, ExportReport]:
    when = options.date or date.today()
    fonts.coverage()  # registers the fonts before the canvas names one
    c = Canvas(
        out,
        pagesize=options.page_size(),
        invariant=1 if options.date else 0,
        pageCompression=1,
        initialFontName=fonts.REGULAR,  # not Helvetica, which would be referenced but not embedded
    )
    c.setTitle(j.title)
    c.setAuthor(options.author or "cjm-editor")
    c.setSubject(f"Customer journey map workshop kit: {j.title}")
    c.setCreator(f"cjm-editor {__version__}")
    c.setKeywords("customer journey map, workshop")
    if options.date:  # the PDF's CreationDate and ModDate: that day, 00:00 UTC (no public API)
        stamp = c._doc._timeStamp  # noqa: SLF001
        stamp.t = datetime(when.year, when.month, when.day, tzinfo=UTC).timestamp()
        stamp.YMDhms = (when.year, when.month, when.day, 0, 0, 0)
        stamp.dhh = stamp.dmm = 0
    report = ExportReport()
    w = Writer(c, report, options.grayscale)
    w.dry = dry
    p = Pages(w, j, options, total=total, dry=dry)
    if options.blank or "poster" in options.kit:
        c.setViewerPreference("PrintScaling", "None")
    persona_ids = None if options.persona is None else {q.id for q in j.personas}
    if options.blank:
        grid = blank_grid(j)
        poster.draw(p, compute(grid), persona_ids, blank=True)
    else:
        once = {} if done_once is None else done_once  # work both passes share: layout, analysis
        g = once.get("geometry") or once.setdefault("geometry", compute(j))
        assert isinstance(g, MapGeometry)
        parts = options.ordered_parts()
        for done, part in enumerate(parts):
            if progress is not None:
                progress(done, len(parts), part)
            if part == "cover":
                cover.draw(p, when.strftime("%d %B %Y").lstrip("0"), index)
            elif part == "overview":
                overview.draw(p, g, persona_ids)
            elif part == "poster":
                poster.draw(p, g, persona_ids)
            elif part == "stages":
                stages.draw(p)
            elif part == "personas" and j.personas:
                personas.draw(p)
            elif part == "curves" and j.personas:
                curves.draw(p)
            elif part == "pains":
                pains.draw(p)
            elif part == "insights" and analysis is not None:
                if "analysis" not in once:
                    once["analysis"] = analysis(j)
                insights.draw(p, once["analysis"])  # type: ignore[arg-type]
            elif part == "voting":
                voting.draw(p)
            elif part == "cutouts":
                cutouts.draw(p)
    c.showOutline()
    if not dry:  # the counting pass needs no file
        c.save()
    report.pages = p.number
    return p, report


def build_kit(
    journey: Journey,
    options: KitOptions,
    progress: Progress | None = None,
    analysis: Analysis | None = None,
) -> tuple[bytes, ExportReport]:
    """The kit as PDF bytes and its report. The insights part needs `analysis` (without it, the part
    is left out). Raises OptionError for options that do not fit the map."""
    j, _ = for_persona(journey, options.persona)
    once: dict[str, object] = {}
    first, _ = _render(j, options, io.BytesIO(), [], 0, None, dry=True, done_once=once, analysis=analysis)
    starts, total = first.starts, first.number
    if "cover" in options.kit and not options.blank:  # an index too long for the cover goes on
        extra = cover.index_pages(first, starts) - 1
        starts = [(title, level, page + extra if page > 1 else page) for title, level, page in starts]
        total += extra
    data = io.BytesIO()
    _, report = _render(j, options, data, starts, total, progress, done_once=once, analysis=analysis)
    return data.getvalue(), report
