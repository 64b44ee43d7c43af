"""Kits exported once per module and read back with pypdf, pdfplumber and pypdfium2."""

from __future__ import annotations

from datetime import date

import pytest

from cjm_editor.export.options import KitOptions
from cjm_editor.handouts import export_kit

FIXED = date(2026, 11, 24)


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
