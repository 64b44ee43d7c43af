"""Hostile map files: limits named in the error, repairs that settle after one open, data kept, one-line
errors, files that are not regular files. Each test stands for a family of the fuzzing corpus."""

from __future__ import annotations

import json
import os
import threading

import pytest

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError
from cjm_editor.model import limits
from cjm_editor.model.workshop import tally
from tests.conftest import MAP_FIXTURE
from tests.fuzz.corpus import as_bytes, base_map, json_cases

CASES = {c.name: c.data for c in json_cases()}


def _error(data: bytes) -> LoadError:
    with pytest.raises(LoadError) as info:
        cjm_json.loads(data, "h.cjm.json")
    text = str(info.value)
    assert text.startswith("h.cjm.json: ") and "\n" not in text
    return info.value


@pytest.mark.parametrize(
    ("case", "limit"),
    [
        ("int past 4300 digits", "(limit: number of digits)"),
        ("int past digit limit in a score", "(limit: number of digits)"),
        ("deep nesting", "(limit: nesting depth)"),
        ("deep nesting after a duplicate key", "(limit: nesting depth)"),
        ("deep nesting with a lone surrogate", "(limit: nesting depth)"),
        ("v1 deep copy of deep nesting", "(limit: nesting depth)"),
        ("text past the length limit", "(limit: text length)"),
        ("scale of a hundred million", "(limit: scale"),
        ("scale span past the limit", "(limit: scale span)"),
    ],
)
def test_a_limit_hit_is_an_error_naming_the_limit(case, limit):
    assert limit in _error(CASES[case]).message


def test_the_place_of_a_digit_limit_hit_is_named():
    err = _error(CASES["int past digit limit in a score"])
    assert err.location == "emotions[0].score"


def test_a_message_with_a_line_break_stays_on_one_line():
    err = _error(b'{"format": "cjm-editor/journey\\nsecond line"}')
    assert "\n" not in str(err) and "second line" in str(err)


def test_unknown_keys_in_the_scale_and_its_labels_survive_a_save():
    j = cjm_json.loads(CASES["scale extras and label extras"]).journey
    saved = json.loads(cjm_json.dumps(j))["scale"]
    assert saved["unit"] == "mood"
    assert saved["labels"] == [{"score": 0, "label": "Meh", "icon": "😐"}]


def test_a_second_label_for_the_same_score_is_reported_and_the_first_kept():
    result = cjm_json.loads(CASES["duplicate label scores"], "h.cjm.json")
    assert result.journey.scale.labels == {1: "A"}
    assert [i.location for i in result.report.issues] == ["scale.labels[1].score"]
    again = cjm_json.loads(cjm_json.dumps(result.journey).encode())
    assert not again.report


@pytest.mark.parametrize(
    "case", ["placeholder id taken by a card", "missing lane growing", "persona placeholder taken by a stage"]
)
def test_repairs_settle_after_one_open(case):
    first = cjm_json.loads(CASES[case], "h.cjm.json")
    assert first.report, "the case needs a repair"
    journey = first.journey
    for _ in range(4):  # open, save, open again: nothing new, nothing changed
        again = cjm_json.loads(cjm_json.dumps(journey).encode(), "h.cjm.json")
        assert not again.report, again.report.lines()
        assert again.journey == journey
        journey = again.journey


def test_a_placeholder_never_takes_another_kinds_id_so_no_connection_is_lost():
    first = cjm_json.loads(CASES["placeholder id taken by a card"]).journey
    ids = [e.id for name in ("stages", "lanes", "cards", "personas") for e in getattr(first, name)]
    assert len(ids) == len(set(ids))
    assert len(first.connections) == 2
    lost = next(c for c in first.cards if c.title == "lost")
    assert lost.stage_id != "c1" and lost.stage_id in {s.id for s in first.stages}


def test_the_placeholder_lane_is_added_once():
    first = cjm_json.loads(CASES["missing lane growing"]).journey
    lanes = len(first.lanes)
    for _ in range(3):
        first = cjm_json.loads(cjm_json.dumps(first).encode()).journey
    assert len(first.lanes) == lanes == 2


@pytest.mark.timeout(20)
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "map-pipe"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        cjm_json.load(fifo)


def test_a_name_with_a_nul_byte_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="cannot read the file"):
        cjm_json.load(f"{tmp_path}/a\0b.cjm.json")


def test_a_map_at_every_limit_still_opens():
    value = base_map(
        title="t" * limits.MAX_TEXT,
        scale={"min": -limits.MAX_SCALE_SPAN // 2, "max": limits.MAX_SCALE_SPAN // 2},
        x=json.loads("[" * (limits.MAX_EXTRA_DEPTH - 1) + "]" * (limits.MAX_EXTRA_DEPTH - 1)),
    )
    value["cards"][0]["votes"] = limits.MAX_VOTES
    result = cjm_json.loads(as_bytes(value))
    assert not result.report and tally(result.journey)["c1"] == limits.MAX_VOTES  # anonymous votes


def test_loading_in_threads_while_the_limits_are_hit_is_safe():
    """The digit and depth checks hold no shared state."""
    errors: list[str] = []

    def work() -> None:
        for _ in range(20):
            try:
                cjm_json.loads(CASES["int past 4300 digits"])
            except LoadError as exc:
                errors.append(exc.message)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(errors) == 80 and all("(limit: number of digits)" in e for e in errors)


def test_a_save_refuses_text_the_loader_would_refuse_and_keeps_the_file(tmp_path):
    from cjm_editor.formats.errors import SaveError
    from cjm_editor.model import Card, Journey, Lane, Stage

    path = tmp_path / "m.cjm.json"
    j = Journey(title="ok")
    j.stages, j.lanes = [Stage(id="s", name="S")], [Lane(id="l", name="L", kind="notes")]
    j.cards = [Card("s", "l", "note", "c")]
    cjm_json.save(j, path)
    before = path.read_bytes()
    j.cards[0].body = "x" * (limits.MAX_TEXT + 1)
    with pytest.raises(SaveError, match=r"cards\[\]\.body: .*\(limit: text length\)"):
        cjm_json.save(j, path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(("name", "field"), [("stages", "stage"), ("lanes", "lane")])
def test_a_repair_keeps_the_order_of_stages_and_lanes_whose_ids_do_not_sort_as_they_do(name, field):
    """A file lists stages and lanes by id; their keys, not that list, say the order. A broken
    reference adds a placeholder after them and re-keys nothing else."""
    sample = json.loads(MAP_FIXTURE.read_text(encoding="utf-8"))
    order = [e.id for e in getattr(cjm_json.loads(MAP_FIXTURE.read_bytes()).journey, name)]
    assert order != sorted(order), "the case needs ids that do not sort in the map's order"
    sample["cards"][0][field] = "ghost"
    result = cjm_json.loads(json.dumps(sample).encode(), "m.cjm.json")
    assert result.report.lines() == [
        f"m.cjm.json: cards[0].{field}: {field} 'ghost' does not exist; added a placeholder {field}"
    ]
    repaired = [e.id for e in getattr(result.journey, name)]
    assert repaired == [*order, "ghost"]
    again = cjm_json.loads(cjm_json.dumps(result.journey).encode(), "m.cjm.json")
    assert not again.report and again.journey == result.journey


def test_an_invalid_order_key_is_quoted_as_the_file_had_it():
    sample = json.loads(MAP_FIXTURE.read_text(encoding="utf-8"))
    sample["personas"][0]["order"] = "z" * 70
    lines = cjm_json.loads(json.dumps(sample).encode(), "m.cjm.json").report.lines()
    assert any("personas[0].order: the invalid key 'zzzz" in line for line in lines), lines
