"""Plurals come from one place (model/vocabulary.py), never from adding an "s"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cjm_editor.model.vocabulary import KIND_LABELS, KIND_PLURALS, counted, plural

PACKAGE = Path(__file__).resolve().parents[2] / "cjm_editor"


@pytest.mark.parametrize(
    ("word", "many"),
    [
        ("Opportunity", "Opportunities"),
        ("opportunity", "opportunities"),
        ("Pain point", "Pain points"),
        ("emotion point", "emotion points"),
        ("box", "boxes"),
        ("day", "days"),
        ("person", "people"),
        ("Backstage", "Backstages"),
    ],
)
def test_plural_known_answers(word, many):
    assert plural(word) == many


def test_counted_and_the_card_kinds_plurals():
    assert (counted(1, "vote"), counted(0, "vote"), counted(3, "opportunity")) == (
        "1 vote",
        "0 votes",
        "3 opportunities",
    )
    assert KIND_PLURALS["opportunity"] == "Opportunities" and set(KIND_PLURALS) == set(KIND_LABELS)


def test_no_code_makes_a_plural_by_adding_an_s():
    pattern = re.compile(r"""\+ ?["']s["']|["']s["'] \*|\{s\}s|format\(s=""")
    found = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "vocabulary.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_the_cli_says_one_quote_not_one_quotes(tmp_path, sample_file, capsys):
    import shutil

    from cjm_editor.cli import main

    target = tmp_path / "map.cjm.json"
    shutil.copy(sample_file, target)
    survey = tmp_path / "one.csv"
    survey.write_text(
        "respondent,stage,persona,score,comment\nr1,Sign up,Maya,2,Too long\n", encoding="utf-8"
    )
    assert main(["import", "ratings", str(survey), "--into", str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"{target}: 1 rating from 1 new respondent, 1 quote"
