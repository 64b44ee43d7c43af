"""Kits exported once per module and read back with pypdf, pdfplumber and pypdfium2."""

from __future__ import annotations

from datetime import date

import pytest

from cjm_editor.export.options import KitOptions
from cjm_editor.handouts import export_kit

FIXED = date(2026, 11, 24)


def font_size(char: dict) -> float:
    """A character's font size as printed. pdfminer's "size" is its box's height, which for a line
    turned upright (a lane name along a tall, narrow header) is the letter's advance instead."""
    return char["size"] if char["upright"] else char["x1"] - char["x0"]


@pytest.fixture(scope="module")
def make_kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kits")
    made = {}

    def make(journey, name: str, **options):
        if name not in made:
            out = folder / f"{name}.pdf"
            report = export_kit(journey, KitOptions(date=FIXED, **options), out)
            made[name] = (out, report)
        return made[name]

    return make
