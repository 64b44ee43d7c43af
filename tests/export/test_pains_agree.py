"""The pains page and the insights pair opportunities with pain points by one rule (model/pairing.py),
so the kit never says two things: read back from the PDF with pdfplumber."""

from __future__ import annotations

import dataclasses

import pdfplumber

from cjm_editor.analysis.report import analyze
from cjm_editor.export.options import KitOptions
from cjm_editor.handouts import export_kit
from cjm_editor.model import Connection
from cjm_editor.model.pairing import RULE
from tests.export.conftest import FIXED


def _pages(journey, tmp_path) -> str:
    out = tmp_path / "kit.pdf"
    export_kit(journey, KitOptions(kit=("pains", "insights"), date=FIXED), out)
    with pdfplumber.open(out) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_sample_pairs_each_pain_with_its_stage_s_opportunity_on_both_pages(journey, tmp_path):
    text = _pages(journey, tmp_path)
    assert _flat(RULE) in _flat(text)
    assert "Express checkout with wallet payments [4 votes] (same stage)" in _flat(text)
    assert _flat(text).count("(same stage)") == 5
    assert "not paired" not in text and "has no opportunity" not in text
    assert "addresses no pain point" not in text
    kinds = {f.kind for f in analyze(journey).findings}
    assert not kinds & {"unaddressed-pain", "idea-without-pain"}


def test_a_connection_to_another_pain_unpairs_the_same_on_both_pages(journey, tmp_path):
    j = dataclasses.replace(journey, connections=[Connection("o-referral-reward", "p-hidden-fees")])
    text = _flat(_pages(j, tmp_path))
    assert "Opportunities not paired with a pain point" in text
    assert "Opportunity “Show total price on the plans page” in “Consider” addresses no pain point" in text
    assert "Pain point “Cancelling needs a phone call” in “Renew & refer” has no opportunity yet" in text
    found = {(f.kind, f.elements) for f in analyze(j).findings if "pain" in f.kind}
    assert found == {("unaddressed-pain", ("p-cancel",)), ("idea-without-pain", ("o-price-upfront",))}
