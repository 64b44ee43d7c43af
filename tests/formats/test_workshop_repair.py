"""Damaged workshop data in a file is repaired visibly and every change reported."""

from __future__ import annotations

import json

from cjm_editor.formats import cjm_json
from cjm_editor.model import JourneyDocument
from cjm_editor.model.workshop import tally


def test_bad_votes_and_ratings_are_repaired_and_reported(sample_file):
    data = json.loads(sample_file.read_text(encoding="utf-8"))
    data["participants"] = [{"id": "u1", "order": "a0", "name": "Ana"}]
    data["votes"] = [
        {"id": "v1", "card": "p-late", "participant": "u1"},
        {"id": "v2", "card": "gone", "participant": "u1"},
        {"id": "v3", "card": "p-late", "participant": "u9"},
    ]
    data["ratings"] = [
        {"id": "r1", "participant": "u1", "persona": "p-maya", "stage": "s-signup", "score": 9},
        {"id": "r2", "participant": "u1", "persona": "p-maya", "stage": "s-signup", "score": 1},
        {"id": "r3", "persona": "p-nobody", "card": "p-late", "score": -1.5},
        {"id": "r4", "persona": "p-maya", "stage": "s-nowhere", "score": 0},
    ]
    result = cjm_json.loads(json.dumps(data), "room.cjm.json")
    lines = result.report.lines()
    j = result.journey
    expected = [
        "votes[1].card: card 'gone' does not exist; removed this vote",
        "votes[2].participant: participant 'u9' does not exist; added a placeholder participant",
        "ratings[0].score: score 9 is outside -2..2; set to 2",
        "ratings[1]: a second rating by the same participant there; removed it",
        "ratings[2].persona: persona 'p-nobody' does not exist; added a placeholder",
        "ratings[3].stage: stage 's-nowhere' does not exist; removed this rating (0)",
    ]
    for line in expected:
        assert any(line in got for got in lines), (line, lines)
    assert tally(j)["p-late"] == 2 and [r.id for r in j.ratings] == ["r1", "r3"]
    assert j.ratings[0].score == 2 and "Missing participant (u9)" in [p.name for p in j.participants]
    JourneyDocument(j).remove("participants", "u9")  # the repaired map obeys the document's rules
