"""The workshop handouts as a file: the analysis (following linked micro maps through the map
loader), the kit made in memory by export, and an atomic write. This is where the three independent
parts of the core meet, for the `cjm` command and the editor alike. Qt-free."""

from __future__ import annotations

import os
from collections.abc import Callable

from cjm_editor.export.kit import Progress, build_kit
from cjm_editor.export.options import KitOptions
from cjm_editor.export.parts.insights import Section
from cjm_editor.export.report import ExportReport
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.cjm_json import load_or_none
from cjm_editor.model.journey import Journey


def analysis_for(source: str | os.PathLike[str] | None) -> Callable[[Journey], list[Section]]:
    """The insights of a map for print; with the map's file, its linked micro maps are checked too."""

    def run(journey: Journey) -> list[Section]:
        from cjm_editor.analysis.report import analyze  # networkx loads only when insights are printed

        report = analyze(journey, source, load_or_none) if source else analyze(journey)
        return report.sections()

    return run


def export_kit(
    journey: Journey, options: KitOptions, path: str | os.PathLike[str], progress: Progress | None = None
) -> ExportReport:
    """Write the kit to `path` atomically. Raises OptionError for options that do not fit the map,
    and SaveError when the file cannot be written (the old file then stays as it was)."""
    data, report = build_kit(journey, options, progress, analysis_for(options.source_path))
    if progress is not None:
        progress(1, 1, "saving")
    write_atomic(path, data)
    return report
