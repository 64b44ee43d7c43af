"""The emotion-curve charts (curves part, persona sheets), read back: each stage name sits centred
under its stage's point, on the chart's vertical line for that stage."""

from __future__ import annotations

import pdfplumber
import pytest

CENTRED = 1.5  # points


def _words(page) -> list[dict]:
    return page.extract_words(keep_blank_chars=True, use_text_flow=True)


@pytest.mark.parametrize(("paper", "orientation"), [("A4", "landscape"), ("Letter", "portrait")])
def test_stage_names_are_centred_under_their_points(journey, make_kit, paper, orientation):
    path, _ = make_kit(
        journey, f"chart-{paper}", kit=("personas", "curves"), paper=paper, orientation=orientation
    )
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == len(journey.personas) + 1
        for page in pdf.pages:
            # the chart's vertical lines, one through each stage's point
            stage_x = sorted({round(ln["x0"], 2) for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.01})
            assert len(stage_x) == len(journey.stages)
            words = _words(page)
            for x, stage in zip(stage_x, journey.stages, strict=True):
                found = [w for w in words if w["text"].strip() == stage.name]
                assert found, stage.name
                word = min(found, key=lambda w: abs((w["x0"] + w["x1"]) / 2 - x))
                assert (word["x0"] + word["x1"]) / 2 == pytest.approx(x, abs=CENTRED), stage.name
