"""CSV cards carry what the format can hold (personas of each score, stage-level scores, order and
kinds of stages and lanes, empty ones, ids, metrics, micro-map links) and the export lists the rest."""

from __future__ import annotations

import pytest

from cjm_editor.cli import main
from cjm_editor.formats import cjm_json, csv_cards
from cjm_editor.formats.csv_cards import CsvRowsError
from cjm_editor.formats.csv_losses import losses
from cjm_editor.model.workshop import tally

CARD_FIELDS = ("id", "kind", "title", "body", "channel", "owner", "source", "value", "target", "unit", "tags")


def _points(j):
    return sorted((e.persona_id, e.anchor_kind, e.anchor_id, e.score) for e in j.emotions)


def test_the_sample_comes_back_with_every_score_stage_lane_and_card(journey):
    back = csv_cards.from_bytes(csv_cards.to_bytes(journey), "fb.csv").journey
    assert [(p.id, p.name, p.description) for p in back.personas] == [
        (p.id, p.name, p.description) for p in journey.personas
    ]
    assert [(s.id, s.name, s.description, s.link) for s in back.stages] == [
        (s.id, s.name, s.description, s.link) for s in journey.stages
    ]
    assert [(x.id, x.name, x.kind) for x in back.lanes] == [(x.id, x.name, x.kind) for x in journey.lanes]
    assert "emotions" in {x.kind for x in back.lanes}, "the Emotions lane has no card and still comes back"
    assert len(journey.emotions) == 13 and _points(back) == _points(journey)
    maya_checkout = [e for e in back.emotions if e.anchor_id == "t-checkout"]
    assert [(e.persona_id, e.score) for e in maya_checkout] == [("p-maya", -2)]
    assert [tuple(getattr(c, f) for f in CARD_FIELDS) for c in back.cards] == [
        tuple(getattr(c, f) for f in CARD_FIELDS) for c in journey.cards
    ]
    assert [(c.personas, c.link, c.stage_id, c.lane_id) for c in back.cards] == [
        (c.personas, c.link, c.stage_id, c.lane_id) for c in journey.cards
    ]
    assert tally(back) == tally(journey)
    flow = sorted((c.source_id, c.target_id) for c in journey.connections)
    assert len(flow) == 11 and sorted((c.source_id, c.target_id) for c in back.connections) == flow


def test_the_export_lists_what_csv_cannot_hold(journey):
    assert losses(journey) == [
        "not in CSV: the map's title and description (an import takes the file's name)",
        "not in CSV: 4 connection labels",
        "not in CSV: 11 connection ids (the connections come back as new ones)",
        "not in CSV: 1 link to related maps",
        "not in CSV: the goals, needs, pain points and channels of 2 personas",
        "not in CSV: 1 emotion note",
        "not in CSV: 13 emotion point ids (the scores come back as new points)",
    ]


def test_cli_export_says_what_it_left_out(sample_file, tmp_path, capsys):
    out = tmp_path / "fb.csv"
    assert main(["export", "csv", str(sample_file), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"{out}: 41 cards"
    assert f"warning: {sample_file}: not in CSV: 4 connection labels" in captured.err.splitlines()
    back = tmp_path / "back.cjm.json"
    assert main(["import", "csv", str(out), "-o", str(back)]) == 0
    assert _points(cjm_json.load(back).journey) == _points(cjm_json.load(sample_file).journey)


def test_into_the_same_map_makes_fresh_card_ids_and_keeps_the_map_s_stage_scores(journey):
    result = csv_cards.from_bytes(csv_cards.to_bytes(journey), "fb.csv", into=journey)
    j = result.journey
    assert len(j.cards) == 2 * len(journey.cards) and len({c.id for c in j.cards}) == len(j.cards)
    assert [s.id for s in j.stages] == [s.id for s in journey.stages], "stages matched by id"
    assert len(j.personas) == len(journey.personas) and len(j.lanes) == len(journey.lanes)
    kept = [line for line in result.report.lines() if "kept the map's own score" in line]
    assert len(kept) == 12, "the twelve stage-level points were there already"


def test_named_scores_are_checked():
    data = b"stage,title,emotion\nA,One,Ann: 1; Bo: -1\nA,Two,Ann: 9\nA,Three,Ann 1\nA,Four,Ann: 1; Ann: 2\n"
    with pytest.raises(CsvRowsError) as info:
        csv_cards.from_bytes(data, "s.csv")
    assert info.value.rows == [
        "s.csv: row 3, emotion: 9 is outside the scale -2..2",
        "s.csv: row 4, emotion: 'Ann 1' is not a whole number",
        "s.csv: row 5, emotion: 'Ann' has two scores here",
    ]
    j = csv_cards.from_bytes(data, "s.csv", skip_bad=True).journey
    assert [p.name for p in j.personas] == ["Ann", "Bo"]
    assert sorted((e.persona_id == j.personas[0].id, e.score) for e in j.emotions) == [(False, -1), (True, 1)]


def test_connects_to_finds_cards_by_their_file_id_and_reports_the_rest():
    data = b"stage,title,id,connects to\nA,One,c1,c2; nowhere\nB,Two,c2,c2\n"
    result = csv_cards.from_bytes(data, "c.csv")
    j = result.journey
    assert [(c.source_id, c.target_id) for c in j.connections] == [("c1", "c2")]
    assert result.report.lines() == [
        "c.csv: row 2, connects to: no card has the id 'nowhere'; that connection was left out",
        "c.csv: row 3, connects to: a card cannot connect to itself; that connection was left out",
    ]
    again = csv_cards.from_bytes(data, "c.csv", into=j).journey  # the ids are taken: fresh ones
    fresh = [c for c in again.cards if c.id not in ("c1", "c2")]
    assert len(fresh) == 2 and (fresh[0].id, fresh[1].id) in {
        (c.source_id, c.target_id) for c in again.connections
    }
