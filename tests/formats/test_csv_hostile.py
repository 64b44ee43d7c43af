"""CSV cards and survey ratings held to the loaders' promises by a reviewer's cases: long cells,
messages on one line, text limits, personas found by the most exact name."""

from __future__ import annotations

from cjm_editor.formats import csv_cards, csv_ratings
from cjm_editor.formats.csv_cards import CsvRowsError
from cjm_editor.formats.csv_losses import losses
from cjm_editor.formats.errors import LoadError, LoadReport, one_line
from cjm_editor.model import limits
from cjm_editor.model.journey import Card, EmotionPoint, Journey, Lane, Persona, Stage
from cjm_editor.model.naming import match_persona


def _map(
    personas: list[Persona], lanes: list[Lane] | None = None, card_personas: tuple[str, ...] = ()
) -> Journey:
    lanes = lanes or [Lane(id="l1", name="Notes")]
    card = Card("s1", lanes[0].id, "note", "x", id="c1", personas=card_personas)
    points = [EmotionPoint(p, "card", "c1", 1) for p in card_personas]
    return Journey(
        personas=personas, stages=[Stage(id="s1", name="S")], lanes=lanes, cards=[card], emotions=points
    )


def test_a_card_longer_than_csv_s_own_field_limit_comes_back():
    j = _map([])
    j.cards[0].body = "b" * 200_000
    back = csv_cards.from_bytes(csv_cards.to_bytes(j), "long.csv").journey
    assert back.cards[0].body == j.cards[0].body


def test_report_lines_and_errors_stay_on_one_line_whatever_the_break():
    report = csv_cards.from_bytes('stage,title,"a\nb\x85c\u2029d"\nS,t,x\n'.encode(), "h.csv").report
    assert report.lines() and all(len(line.splitlines()) == 1 for line in report.lines())
    for brk in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029":
        assert len(one_line(f"a{brk}b").splitlines()) == 1
        assert len(str(LoadError(f"f{brk}", "$", "m")).splitlines()) == 1
        report = LoadReport(f"f{brk}")
        report.add("$", f"x{brk}y")
        assert len(report.lines()[0].splitlines()) == 1


def test_personas_differing_in_case_or_named_like_an_id_come_back_as_themselves():
    for personas in (
        [Persona(id="pa", name="Ann"), Persona(id="pb", name="ANN")],
        [Persona(id="pb2", name="Alice"), Persona(id="pb", name="pb2")],
    ):
        j = _map(personas, card_personas=("pb",))
        back = csv_cards.from_bytes(csv_cards.to_bytes(j), "c.csv").journey
        names = {p.id: p.name for p in back.personas}
        assert [names[p] for p in back.cards[0].personas] == ["ANN" if personas[1].name == "ANN" else "pb2"]
        assert [names[e.persona_id] for e in back.emotions] == [names[back.cards[0].personas[0]]]
    people = [Persona(id="x", name="Ann"), Persona(id="y", name="ANN")]
    assert match_persona(people, "ANN").persona is people[1]
    assert match_persona(people, "ann").persona is people[0]
    assert match_persona(people, "y").persona is people[1]


def test_a_lane_without_a_name_keeps_its_cards():
    j = _map([], lanes=[Lane(id="l0", name=""), Lane(id="l1", name="Notes")])
    back = csv_cards.from_bytes(csv_cards.to_bytes(j), "c.csv").journey
    assert [x.name for x in back.lanes] == ["", "Notes"]
    assert back.cards[0].lane_id == back.lanes[0].id
    plain = csv_cards.from_bytes(b"stage,lane,title\nS,,a\n", "plain.csv").journey
    assert [x.name for x in plain.lanes] == ["Notes"], "without a declared unnamed lane: the kind's lane"


def test_names_the_csv_cannot_keep_are_listed():
    j = _map(
        [Persona(id="pa", name="Ann"), Persona(id="pb", name=" Ann"), Persona(id="pc", name="")],
        card_personas=("pc",),
    )
    said = losses(j)
    assert "not in CSV: 1 name with spaces around it (read back without them)" in said
    assert "1 persona shares a name with another: an import merges them" in said
    assert any(line.startswith("not in CSV: 1 persona of a card whose name is empty") for line in said)


def test_survey_text_past_the_limit_is_a_bad_row_naming_the_limit():
    j = _map([Persona(id="pa", name="Ann")])
    data = (
        "respondent,stage,persona,score,comment\nR1,S,Ann,3," + "c" * (limits.MAX_TEXT + 1) + "\n"
    ).encode()
    try:
        csv_ratings.from_bytes(data, "survey.csv", j)
    except CsvRowsError as exc:
        assert "row 2, comment" in str(exc) and "(limit: text length)" in str(exc)
    else:
        raise AssertionError("a comment past the text limit was imported")
    long_score = ("respondent,stage,persona,score\nR1,S,Ann," + "9" * 5000 + "\n").encode()
    try:
        csv_ratings.from_bytes(long_score, "survey.csv", j)
    except CsvRowsError as exc:
        assert len(str(exc)) < 300


def test_two_personas_of_one_name_scored_at_one_card_export_a_file_that_imports():
    j = _map([Persona(id="pa", name="Ann"), Persona(id="pb", name="Ann")], card_personas=("pa", "pb"))
    back = csv_cards.from_bytes(csv_cards.to_bytes(j), "same.csv").journey
    assert [p.name for p in back.personas] == ["Ann"] and len(back.emotions) == 1
    assert "1 persona shares a name with another: an import merges them" in losses(j)
