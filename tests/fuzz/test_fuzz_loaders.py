"""Generated inputs for the three loaders and the repair pass: a map or one clear error, and a map
that loads saves and loads again unchanged (idempotent repairs)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import check, strategies
from tests.fuzz.conftest import budget

pytestmark = pytest.mark.timeout(3600)


@budget(60, 5000)
@given(strategies.maps)
def test_json_maps_with_colliding_ids_and_odd_references(data):
    check.check_json(data)


@budget(40, 4000)
@given(strategies.mutated(strategies.seeds("json") | strategies.maps))
def test_json_mutations_of_the_corpus(data):
    check.check_json(data)


@budget(30, 3000)
@given(st.binary(max_size=600))
def test_json_random_bytes(data):
    check.check_json(data)


@budget(60, 7000)
@given(strategies.mermaid_texts)
def test_mermaid_texts_from_the_lexers_pieces(data):
    check.check_mermaid(data)


@budget(40, 5000)
@given(strategies.mutated(strategies.seeds("mermaid") | strategies.mermaid_texts))
def test_mermaid_mutations_of_the_corpus(data):
    check.check_mermaid(data)


@budget(60, 7000)
@given(strategies.csv_files(), st.booleans())
def test_csv_files_with_formula_cells(data, skip_bad):
    check.check_csv(data, skip_bad=skip_bad)


@budget(40, 5000)
@given(strategies.mutated(strategies.seeds("csv") | strategies.csv_files()))
def test_csv_mutations_of_the_corpus(data):
    check.check_csv(data, skip_bad=True)


@budget(80, 5000)
@given(strategies.keyed_map_values())
def test_order_keys_workshop_data_and_unknown_fields(value):
    import json

    journey = check.check_json(json.dumps(value).encode())
    if journey is not None:
        check.unknown_fields_survive(value, journey)
