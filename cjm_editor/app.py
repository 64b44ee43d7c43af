"""Entry point of the desktop editor (`cjm-editor`)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from cjm_editor.ui.application import run

    status: int = run(sys.argv[1:] if argv is None else argv)
    return status
