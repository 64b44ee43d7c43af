"""What the `cjm` commands say on stderr, and their exit codes (0 ok, 1 invalid input, 2 usage)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from cjm_editor.formats.errors import LoadError, LoadReport, SaveError

if TYPE_CHECKING:  # the CSV readers load only for the commands that read CSV (`cjm` starts fast)
    from cjm_editor.formats.csv_cards import CsvRowsError

OK, INVALID, USAGE = 0, 1, 2


def err(message: str) -> None:
    print(message, file=sys.stderr)


def import_refused(exc: CsvRowsError | LoadError | SaveError, source: str) -> int:
    """Say why an import wrote nothing: every bad row of a CSV, or the file's error."""
    from cjm_editor.formats.csv_cards import CsvRowsError

    if isinstance(exc, CsvRowsError):
        for line in exc.rows:
            err(line)
        err(f"{source}: $: nothing was written; fix the rows or use --skip-bad")
    else:
        err(str(exc))
    return INVALID


def warnings(report: LoadReport) -> None:
    """What an import repaired or left out, as warnings."""
    for line in report.lines():
        err(f"warning: {line}")
