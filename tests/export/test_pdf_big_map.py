"""The default kit of a generated map of 1,000 cards and 12 stages in ten scripts, read back page by
page: every character on its page and off the footer, no card text below 6 pt, every card title on
its stage's worksheet pages (right-to-left titles in right-to-left order), no �."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pdfplumber
import pytest

from cjm_editor.export.options import MARGIN, KitOptions
from cjm_editor.handouts import export_kit
from tests.export.conftest import FIXED, font_size
from tests.export.scripts_map import scripts_map

FOOTER = set("cjm-editor0123456789/ ")
RTL = ("R", "AL")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    journey = scripts_map(1_000, 12)
    out = tmp_path_factory.mktemp("big") / "big.pdf"
    report = export_kit(journey, KitOptions(date=FIXED), out)
    pages = []
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            keys = ("text", "x0", "x1", "top", "bottom", "size", "upright")
            chars = [{k: c[k] for k in keys} for c in page.chars]
            pages.append((float(page.width), float(page.height), chars, _text(page.chars)))
    return journey, report, pages


def test_every_character_is_on_its_page_and_off_the_footer(big):
    _, report, pages = big
    assert report.pages == len(pages)
    for n, (width, height, chars, _) in enumerate(pages, 1):
        for c in chars:
            assert c["x0"] >= 0 and c["x1"] <= width + 0.5 and c["top"] >= 0 and c["bottom"] <= height, (n, c)
            if c["bottom"] > height - MARGIN - 6:  # the footer band: only the footer's own text
                assert c["text"] in FOOTER and c["size"] == pytest.approx(7.5), (n, c)


def test_no_text_below_6_pt_and_no_replacement_characters(big):
    _, report, pages = big
    assert not report.missing
    for n, (_, _, chars, _) in enumerate(pages, 1):
        assert min(font_size(c) for c in chars) >= 5.99, n
        assert not any(c["text"] in ("\ufffd", "\x00") for c in chars), n


def _text(chars: list[dict]) -> str:
    """The page's text line by line, each line's characters left to right as printed (lines by
    baseline, so that scripts whose fonts differ in height stay on one line)."""
    lines: dict[float, list[dict]] = defaultdict(list)
    for c in chars:
        lines[round(c["matrix"][5])].append(c)
    out = []
    for _, line in sorted(lines.items(), key=lambda kv: -kv[0]):
        line.sort(key=lambda c: c["x0"])
        text, last = "", None
        for c in line:
            if last is not None and c["x0"] - last > 1.0:
                text += " "
            text += c["text"]
            last = c["x1"]
        out.append(text)
    return "\n".join(out)


def _letters(text: str, visual: bool = False) -> str:
    """Letters only, compatibility forms (Arabic presentation forms, ligatures) unfolded; `visual`:
    text printed right to left, whose ligatures unfold into logical order, put back as printed."""
    out = []
    for ch in text:
        unfolded = unicodedata.normalize("NFKC", ch)
        out.append(unfolded[::-1] if visual else unfolded)
    return "".join(ch for ch in "".join(out) if unicodedata.category(ch) in ("Lo", "Lu", "Ll", "So"))


def _found(title: str, lines: list[str]) -> bool:
    """The title on one line of its stage's pages, with its card number: letters in reading order
    for left-to-right scripts, reversed (printed right to left) for Arabic and Hebrew, and as a set
    of letters for Devanagari and Thai (whose vowel signs print before or above their consonant)."""
    number = title.rsplit(" ", 1)[1]
    letters = _letters(title)
    rtl = any(unicodedata.bidirectional(ch) in RTL for ch in title)
    reordering = any("\u0900" <= ch <= "\u0e7f" for ch in title)
    for line in lines:
        if number not in re.findall(r"\d+", line):
            continue
        if reordering:
            if not Counter(letters) - Counter(_letters(line)):
                return True
        elif (letters[::-1] if rtl else letters) in _letters(line, visual=rtl):
            return True
    return False


def test_every_card_title_is_on_its_stage_worksheet_pages(big):
    journey, _, pages = big
    lines_of: dict[int, list[str]] = defaultdict(list)
    for _, _, _, text in pages:
        heading = re.search(r"^Stage (\d+): ", "\n".join(text.splitlines()[:3]), re.MULTILINE)
        if heading:
            lines_of[int(heading.group(1))] += text.splitlines()
    assert len(lines_of) == 12
    index = {s.id: i for i, s in enumerate(journey.stages, 1)}
    missing = [c.title for c in journey.cards if not _found(c.title, lines_of[index[c.stage_id]])]
    assert missing == []


def test_right_to_left_titles_read_right_to_left(big):
    journey, _, pages = big
    text = "\n".join(t for *_, t in pages)
    hebrew = [c.title for c in journey.cards if any("\u05d0" <= ch <= "\u05ea" for ch in c.title)]
    assert hebrew
    letters = _letters(text, visual=True)
    for title in hebrew[:20]:
        assert _letters(title)[::-1] in letters and _letters(title) not in letters, title


def test_the_report_leads_with_its_summary(big):
    _, report, _ = big
    lines = report.lines()
    summary = report.summary()
    assert report.continued and any("continuation page" in line for line in summary)
    assert lines[: len(summary)] == [f"summary: {line}" for line in summary]
    assert len(lines) > len(summary), "then the details"
