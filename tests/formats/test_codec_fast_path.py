"""The loader reads a well-formed card in one pass and anything else field by field: whatever
the one-pass reader accepts, the field-by-field reader reads as the same element (and whatever it
turns down, the field-by-field reader reads or refuses naming the fault)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm_editor.formats import journey_codec as codec
from cjm_editor.formats.errors import LoadError
from cjm_editor.model import limits

READER = codec._Reader("map.cjm.json")
PATH: tuple[str | int, ...] = ("cards", 0)

words = st.sampled_from(["", "s1", "l1", "c1", "touchpoint", "note", "metric", "bogus", "a0", "V"])
values = st.one_of(
    words,
    st.text(max_size=5),
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(words, max_size=3),
    st.lists(st.one_of(words, st.integers()), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _checked(read: Any, raw: Any) -> Any:
    try:
        return read(READER, raw, PATH)
    except LoadError:
        return None


def test_the_one_pass_card_knows_every_card_field() -> None:
    keys = codec._CARD_TEXTS | codec._CARD_NUMBERS | {"tags", "personas"}
    assert keys == codec.CARD_KEYS


@settings(max_examples=1000, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(codec.CARD_KEYS | {"votes", "extra"})), values, max_size=10),
    st.booleans(),
)
def test_a_card_read_in_one_pass_is_the_card_read_field_by_field(raw: dict[str, Any], complete: bool) -> None:
    if complete:  # mostly valid: the required fields well-formed
        raw.update(id="c1", stage="s1", lane="l1", kind="note")
    assert _checked(codec._card, raw) == _checked(codec._checked_card, raw)


def test_well_formed_cards_take_the_one_pass_path() -> None:
    raw = {"id": "c1", "stage": "s1", "lane": "l1", "kind": "metric", "title": "T", "value": 2.5}
    raw |= {"target": 3, "unit": "%", "tags": ["a"], "personas": ["p1"], "link": "m.cjm.json", "order": "a0"}
    assert codec._plain_card(raw) == codec._checked_card(READER, raw, PATH)


def test_texts_past_the_limit_take_the_checked_path() -> None:
    long = "x" * (limits.MAX_TEXT + 1)
    at_limit = "x" * limits.MAX_TEXT
    card = {"id": "c1", "stage": "s1", "lane": "l1", "kind": "note"}
    for key in ("title", "body", "order", "link", "id"):
        assert codec._plain_card({**card, key: at_limit}) is not None
        assert codec._plain_card({**card, key: long}) is None
    assert codec._plain_card({**card, "tags": ["a", long]}) is None
    assert codec._plain_card({**card, "personas": ["p1", ""]}) is None
