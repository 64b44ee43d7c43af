"""Bad input: each gives a clear error (or a repair report) naming the place, and nothing else."""

from __future__ import annotations

import json
import os
import re

import pytest

from cjm_editor.formats import cjm_json, strict_json
from cjm_editor.formats.errors import LoadError

GOOD = {
    "format": "cjm-editor/journey",
    "formatVersion": 2,
    "minReaderVersion": 2,
    "documentId": "d1",
    "title": "Bad inputs",
    "scale": {"min": -2, "max": 2},
    "personas": [{"id": "p1", "name": "P", "colour": "#112233"}],
    "stages": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
    "lanes": [{"id": "l1", "name": "Touchpoints", "kind": "touchpoints"}],
    "cards": [
        {"id": "c1", "stage": "s1", "lane": "l1", "kind": "touchpoint", "title": "A", "value": 1.5},
        {"id": "c2", "stage": "s2", "lane": "l1", "kind": "touchpoint", "title": "B"},
    ],
    "emotions": [{"id": "e1", "persona": "p1", "stage": "s1", "score": 1}],
    "connections": [{"id": "k1", "from": "c1", "to": "c2"}],
}


def good_text() -> str:
    return json.dumps(GOOD)


def with_change(**changes) -> bytes:
    value = json.loads(good_text())
    value.update(changes)
    return json.dumps(value, indent=2).encode()


ERRORS = [
    ("truncated", good_text()[:200].encode(), r"line \d+, column \d+", "ends too early"),
    ("empty", b"", "line 1, column 1", "the file is empty"),
    ("not JSON", b"Stage 1, Stage 2\n", "line 1, column 1", "not a JSON file"),
    ("not a map", b"[1, 2, 3]", "$", "not a journey map"),
    ("wrong format", with_change(format="drawio"), "format", "not a cjm-editor journey map"),
    ("no format", json.dumps({"title": "x"}).encode(), "format", "no 'format' field"),
    (
        "newer reader",
        with_change(formatVersion=9, minReaderVersion=5),
        "minReaderVersion",
        "needs a newer cjm-editor",
    ),
    (
        "colour not #rrggbb",
        good_text().replace('"colour": "#112233"', '"colour": "red"').encode(),
        "personas[0].colour",
        "expected a colour like #3b6fd1",
    ),
    (
        "NaN",
        good_text().replace('"value": 1.5', '"value": NaN').encode(),
        "cards[0].value",
        "NaN is not allowed",
    ),
    (
        "Infinity",
        good_text().replace('"value": 1.5', '"value": -Infinity').encode(),
        "cards[0].value",
        "-Infinity",
    ),
    (
        "1e999",
        good_text().replace('"value": 1.5', '"value": 1e999').encode(),
        "cards[0].value",
        "1e999 is too large",
    ),
    (
        "duplicate key",
        good_text().replace('"title": "B"', '"title": "B", "title": "C"').encode(),
        "cards[1]",
        "duplicate key 'title'",
    ),
    (
        "deep nesting",
        b'{"format": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
        r"line 1, column \d+",
        "too deep",
    ),
    (
        "invalid UTF-8",
        good_text().replace('"B"', '"B\udcff"').encode("utf-8", "surrogateescape"),
        r"line 1, column \d+",
        "UTF-8",
    ),
    ("wrong type", with_change(title=12), "title", "expected text, found a number"),
    (
        "bad card kind",
        good_text().replace('"kind": "touchpoint"', '"kind": "sticker"', 1).encode(),
        "cards[0].kind",
        "unknown card kind 'sticker'",
    ),
    ("bad scale", with_change(scale={"min": 3, "max": 1}), "scale", "must be above its min"),
    (
        "both anchors",
        good_text().replace('"stage": "s1", "score"', '"stage": "s1", "card": "c1", "score"').encode(),
        "emotions[0]",
        "exactly one anchor",
    ),
    (
        "missing stage field",
        good_text().replace('"stage": "s2", ', "").encode(),
        "cards[1]",
        "missing field 'stage'",
    ),
]


@pytest.mark.parametrize(("name", "data", "where", "what"), ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_input_raises_load_error_naming_the_place(name, data, where, what):
    with pytest.raises(LoadError) as info:
        cjm_json.loads(data, "bad.cjm.json")
    err = info.value

    assert re.fullmatch(where, err.location) or where == err.location, err.location
    assert what in err.message, err.message
    assert str(err).startswith(f"bad.cjm.json: {err.location}: ")
    assert "\n" not in str(err)


def _text_with(old: str, new: str) -> bytes:
    text = good_text()
    assert old in text
    return text.replace(old, new).encode()


REPAIRS = [
    ("duplicate ids", _text_with('"id": "k1"', '"id": "c1"'), "connections[0].id", "duplicate id 'c1'"),
    (
        "card in missing stage",
        _text_with('"stage": "s2"', '"stage": "s9"'),
        "cards[1].stage",
        "stage 's9' does not exist",
    ),
    (
        "card in missing lane",
        _text_with(
            '"lane": "l1", "kind": "touchpoint", "title": "B"',
            '"lane": "l7", "kind": "touchpoint", "title": "B"',
        ),
        "cards[1].lane",
        "lane 'l7' does not exist",
    ),
    (
        "connection to missing card",
        _text_with('"to": "c2"', '"to": "c404"'),
        "connections[0]",
        "card 'c404' does not exist",
    ),
    ("score outside scale", _text_with('"score": 1', '"score": 7'), "emotions[0].score", "outside -2..2"),
    (
        "lone surrogate",
        _text_with('"title": "Bad inputs"', '"title": "Bad \\ud800 inputs"'),
        "title",
        "lone surrogate",
    ),
]


@pytest.mark.parametrize(("name", "data", "where", "what"), REPAIRS, ids=[r[0] for r in REPAIRS])
def test_repairable_input_loads_with_one_report_line(name, data, where, what):
    result = cjm_json.loads(data, "bad.cjm.json")
    assert len(result.report.issues) == 1, result.report.lines()
    issue = result.report.issues[0]
    assert (issue.location, what in issue.message) == (where, True), issue
    # the repaired map is valid for the document and saves and reloads clean
    again = cjm_json.loads(cjm_json.dumps(result.journey).encode())
    assert not again.report and again.journey == result.journey


def test_missing_stage_becomes_a_visible_placeholder():
    result = cjm_json.loads(_text_with('"stage": "s2"', '"stage": "s9"'))
    stage = result.journey.stages[-1]
    assert stage.id == "s9" and "Missing stage" in stage.name
    assert result.journey.cards[1].stage_id == "s9"


def test_oversized_file_is_refused_without_reading(tmp_path):
    big = tmp_path / "huge.cjm.json"
    with open(big, "wb") as f:
        f.truncate(strict_json.MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(LoadError, match="limit is 64 MB") as info:
        cjm_json.load(big)
    assert info.value.location == "$"


def test_unreadable_path_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="cannot read the file"):
        cjm_json.load(tmp_path / "absent.cjm.json")
    with pytest.raises(LoadError, match="cannot read the file"):
        cjm_json.load(tmp_path)


def test_bad_file_is_never_changed_by_loading(tmp_path):
    path = tmp_path / "bad.cjm.json"
    data = good_text()[:300].encode()
    path.write_bytes(data)
    before = os.stat(path)
    with pytest.raises(LoadError):
        cjm_json.load(path)
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_duplicate_key_followed_by_a_syntax_error():
    # found by fuzzing: the strict hook fires first, then the locating re-parse meets the syntax error
    data = good_text().replace('"title": "B"', '"title": "B", "title": "C"') + "}"
    with pytest.raises(LoadError, match="invalid JSON: Extra data"):
        cjm_json.loads(data.encode(), "bad.cjm.json")
