"""`cjm votes`, `cjm import ratings` and the workshop part of `cjm info --json`, on real files."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from cjm_editor.cli import main
from cjm_editor.formats import cjm_json
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Participant, Vote
from cjm_editor.model.workshop import spreads

SURVEY = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "freshbox-survey.csv"


@pytest.fixture
def map_file(tmp_path, sample_file) -> Path:
    out = tmp_path / "freshbox.cjm.json"
    shutil.copy(sample_file, out)
    return out


def test_votes_ranks_per_kind_with_who_voted(map_file, capsys):
    doc = JourneyDocument(cjm_json.load(map_file).journey)
    doc.journey.votes.clear()
    doc = JourneyDocument(doc.journey)
    doc.add("participants", Participant(id="u1", name="Ana"))
    doc.add("participants", Participant(id="u2", name="Ben"))
    for card, who in (("p-late", "u1"), ("p-late", "u2"), ("p-cancel", "u2"), ("o-express", "u1")):
        doc.add("votes", Vote(card, who))
    cjm_json.save(doc.journey, map_file)
    assert main(["votes", "--json", str(map_file)]) == 0
    out = json.loads(capsys.readouterr().out)
    pains = out["ranking"]["pain-point"]
    assert [(r["card"], r["votes"], r["voters"]) for r in pains[:2]] == [
        ("p-late", 2, ["Ana", "Ben"]),
        ("p-cancel", 1, ["Ben"]),
    ]
    assert out["ranking"]["opportunity"][0]["card"] == "o-express" and out["totalVotes"] == 4
    assert main(["votes", str(map_file)]) == 0
    text = capsys.readouterr().out
    assert (
        "4 votes from 2 participants" in text and "Delivery window too wide" in text and "(Ana, Ben)" in text
    )


def test_import_ratings_rescales_makes_respondents_participants_and_keeps_comments(map_file, capsys):
    before = cjm_json.load(map_file).journey
    assert main(["import", "ratings", str(SURVEY), "--into", str(map_file)]) == 0
    assert "7 ratings from 4 new respondents, 4 quotes" in capsys.readouterr().out
    j = cjm_json.load(map_file).journey
    assert [p.name for p in j.participants] == ["R-101", "R-102", "R-103", "R-104"]
    assert [p.name for p in j.personas][-1] == "Students", "an unknown segment becomes a persona"
    maya = next(p.id for p in j.personas if p.name.startswith("Maya"))
    # 1..5 onto -2..+2: 2 -> -1, 3 -> 0; the facilitator's own point at Sign up is no rating
    assert any((e.persona_id, e.anchor_id) == (maya, "s-signup") for e in before.emotions)
    s = spreads(j)[(maya, "stage", "s-signup")]
    assert (s.n, s.low, s.high, s.mean) == (2, -1, 0, -0.5)
    card_rating = next(r for r in j.ratings if r.anchor_kind == "card")
    assert card_rating.anchor_id == "p-late" and card_rating.score == -1.0
    quotes = [c for c in j.cards if c.kind == "quote" and c.source.startswith("freshbox-survey.csv")]
    assert {(c.title, c.source) for c in quotes} >= {
        ("Too many fields and tiny text", "freshbox-survey.csv, R-103"),
        ("Easy with Apple Pay", "freshbox-survey.csv, R-104"),
    }
    assert main(["info", "--json", str(map_file)]) == 0
    info = json.loads(capsys.readouterr().out)["workshop"]
    assert info["ratings"] == 7 and info["participants"][0] == "R-101"
    signup = next(
        r for r in info["ratingSpreads"] if r.get("stage") == "Sign up" and r["persona"] == "Students"
    )
    assert (signup["mean"], signup["n"]) == (2, 1)


def test_bad_survey_rows_are_each_reported_and_nothing_is_written(map_file, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "respondent,stage,persona,score\nA,Sign up,Maya,7\n,Nowhere,Maya,x\n"
        "B,Sign up,Maya,4\nB,Sign up,Maya,5\n",
        encoding="utf-8",
    )
    before = map_file.read_bytes()
    assert main(["import", "ratings", str(bad), "--into", str(map_file)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{bad}: row 2, score: 7 is outside the survey's scale 1..5" in err
    assert f"{bad}: row 3, respondent: empty; every rating needs a respondent" in err
    assert f"{bad}: row 3, stage: 'Nowhere' is not a stage of the map" in err
    assert f"{bad}: row 3, score: 'x' is not a number" in err
    assert f"{bad}: row 5, respondent: B already rated Maya, busy professional at the stage 'Sign up'" in err
    assert map_file.read_bytes() == before
    assert (
        main(["import", "ratings", str(bad), "--into", str(map_file), "--skip-bad", "--scale", "1..5"]) == 0
    )
    assert len(cjm_json.load(map_file).journey.ratings) == 1
    assert main(["import", "ratings", str(bad), "--into", str(map_file), "--scale", "5..1"]) == 2


def test_survey_personas_are_found_as_export_pdf_persona_finds_them(map_file, tmp_path, capsys):
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "respondent,stage,card,persona,score,comment\n"
        'r1,Sign up,Checkout,Maya,1,"Phone number, really?"\n'
        "r2,Sign up,,ROBERT,5,\n"
        "r3,Signup,,Maya,3,\n"
        "r4,First box,,Nobody,4,\n"
        "r5,Regular use,,Maya,9,\n",
        encoding="utf-8",
    )
    args = ["import", "ratings", str(survey), "--into", str(map_file), "--skip-bad"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    j = cjm_json.load(map_file).journey
    assert [p.name for p in j.personas] == ["Maya, busy professional", "Robert, retired home cook", "Nobody"]
    assert out.strip() == f"{map_file}: 3 ratings from 3 new respondents, 1 quote; new personas: Nobody"
    assert (
        f"warning: {survey}: row 5, persona: new persona 'Nobody': no persona of the map is named so "
        "(the map had: Maya, busy professional, Robert, retired home cook)"
    ) in err.splitlines()
    maya, robert = j.personas[0].id, j.personas[1].id
    assert sorted(
        (r.persona_id, r.anchor_id) for r in j.ratings if r.persona_id != j.personas[2].id
    ) == sorted([(maya, "t-checkout"), (robert, "s-signup")])


def test_a_start_several_personas_share_is_a_bad_row(map_file, tmp_path, capsys):
    doc = JourneyDocument(cjm_json.load(map_file).journey)
    doc.add("personas", dataclasses.replace(doc.journey.personas[0], id="p-mayan", name="Mayan shopper"))
    cjm_json.save(doc.journey, map_file)
    survey = tmp_path / "survey.csv"
    survey.write_text("respondent,stage,persona,score\nr1,Sign up,may,2\n", encoding="utf-8")
    assert main(["import", "ratings", str(survey), "--into", str(map_file)]) == 1
    assert (
        f"{survey}: row 2, persona: 'may' could be any of: Maya, busy professional, Mayan shopper; "
        "give more of the name"
    ) in capsys.readouterr().err
