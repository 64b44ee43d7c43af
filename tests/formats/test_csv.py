"""CSV cards: round trip, spreadsheet dialects, bad rows, adding to a map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm_editor.formats import csv_cards
from cjm_editor.formats.csv_cards import CsvRowsError
from cjm_editor.formats.errors import LoadError
from cjm_editor.model import Journey
from cjm_editor.model.workshop import tally

FIELDS = ("kind", "title", "body", "channel", "owner", "tags", "source")


def cards_of(j: Journey) -> list[tuple]:
    stages = {s.id: s.name for s in j.stages}
    lanes = {lane.id: lane.name for lane in j.lanes}
    votes = tally(j)
    return [
        (stages[c.stage_id], lanes[c.lane_id], votes[c.id], *(getattr(c, f) for f in FIELDS)) for c in j.cards
    ]


def test_round_trip_keeps_every_card(journey):
    again = csv_cards.from_bytes(csv_cards.to_bytes(journey), "sample.csv").journey
    assert cards_of(again) == cards_of(journey)
    assert [s.name for s in again.stages] == [s.name for s in journey.stages]


def test_bom_semicolons_and_multi_line_cells():
    header = "\ufeffStage;Lane;Kind;Title;Tags\n"
    data = (header + 'Discover;Touchpoints;Touchpoint;"Ad;\nsecond line";"a; b"\n').encode()
    j = csv_cards.from_bytes(data, "excel.csv").journey
    card = j.cards[0]
    assert (card.kind, card.title, card.tags) == ("touchpoint", "Ad;\nsecond line", ("a", "b"))
    assert j.lanes[0].kind == "touchpoints"
    assert csv_cards.to_bytes(j, bom=True).startswith(b"\xef\xbb\xbf")


def test_personas_and_emotion():
    data = b"stage,title,personas,emotion\nBuy,Checkout,Ann; Bo,-1\nBuy,Receipt,,2\n"
    j = csv_cards.from_bytes(data, "e.csv").journey
    assert [p.name for p in j.personas] == ["Ann", "Bo"]
    points = sorted((e.anchor_id == j.cards[0].id, e.score) for e in j.emotions)
    assert points == [(False, 2), (False, 2), (True, -1), (True, -1)], "no personas named: every persona"
    row = next(line for line in csv_cards.to_text(j).splitlines() if ",Checkout," in line)
    assert f",Ann; Bo,Ann: -1; Bo: -1,,,,'-2..2,notes,{j.cards[0].id}," in row, "the scale, neutralised"


def test_bad_rows_are_all_reported_and_nothing_is_imported():
    data = b"stage,title,kind,votes,emotion\nA,Fine,note,1,0\nA,Minus,note,-1,\nB,Bad,widget,many,9\n"
    with pytest.raises(CsvRowsError) as info:
        csv_cards.from_bytes(data, "bad.csv")
    assert info.value.rows == [
        "bad.csv: row 3, votes: '-1' is not a whole number of votes",
        "bad.csv: row 4, kind: 'widget' is not a card kind "
        "(action, touchpoint, quote, pain-point, opportunity, metric, backstage, note)",
        "bad.csv: row 4, votes: 'many' is not a whole number of votes",
        "bad.csv: row 4, emotion: 9 is outside the scale -2..2",
    ]
    result = csv_cards.from_bytes(data, "bad.csv", skip_bad=True)
    assert [c.title for c in result.journey.cards] == ["Fine"]
    assert len(result.report.lines()) == 4


def test_into_adds_to_a_copy_of_the_map(journey):
    before = len(journey.cards)
    data = b"stage,lane,title\nDiscover,Touchpoints,Podcast ad\nAftercare,Touchpoints,Survey\n"
    j = csv_cards.from_bytes(data, "more.csv", into=journey).journey
    assert len(journey.cards) == before, "the map given is not changed"
    assert len(j.cards) == before + 2
    assert [s.name for s in j.stages][-1] == "Aftercare"
    assert j.cards[-2].stage_id == journey.stages[0].id


@pytest.mark.parametrize(
    ("data", "where", "fragment"),
    [
        (b"", "row 1", "header"),
        (b"title,body\nx,y\n", "row 1", "stage"),
        (b"stage,title\n\xff\xfe,x\n", "row 2", "not UTF-8"),
        (b'stage,title\n"unclosed,x\n', "$", "not valid CSV"),
    ],
)
def test_files_that_are_not_cards(data, where, fragment):
    with pytest.raises(LoadError) as info:
        csv_cards.from_bytes(data, "x.csv")
    assert info.value.location == where and fragment in info.value.message


@given(st.binary(max_size=400))
def test_random_bytes_give_cards_or_a_clear_error(data):
    try:
        result = csv_cards.from_bytes(data, "fuzz.csv", skip_bad=True)
    except LoadError as exc:
        assert str(exc).startswith("fuzz.csv: ")
    else:
        assert isinstance(result.journey, Journey)
