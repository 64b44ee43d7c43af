"""Fuzzing the loader: it returns a map or raises LoadError, and whatever loads saves and reloads equal."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError
from cjm_editor.model import JourneyDocument
from tests.conftest import MAP_FIXTURE

with open(MAP_FIXTURE, "rb") as _f:
    SAMPLE = _f.read()
SAMPLE_VALUE = json.loads(SAMPLE)


def _check(data: bytes) -> None:
    try:
        result = cjm_json.loads(data, "fuzz.cjm.json")
    except LoadError as err:
        assert str(err).startswith("fuzz.cjm.json: ")
        return
    JourneyDocument(result.journey)  # the repaired map satisfies the document's invariants
    text = cjm_json.dumps(result.journey)
    again = cjm_json.loads(text.encode())
    assert again.journey == result.journey and not again.report


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(data):
    _check(data)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_random_byte_edits_of_a_valid_file(data):
    raw = bytearray(SAMPLE)
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        op = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if op == "flip":
            raw[pos] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del raw[pos : pos + data.draw(st.integers(1, 40))]
        else:
            raw[pos:pos] = data.draw(
                st.sampled_from([b"{", b"]", b'"', b",", b"null", b"-1", b"\\u", b"\xff"])
            )
    _check(bytes(raw))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(SAMPLE_VALUE) if p]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_structured_mutations_of_a_valid_file(data):
    value = json.loads(SAMPLE)
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(ALL_PATHS))
        parent = value
        try:
            for key in path[:-1]:
                parent = parent[key]
            op = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if op == "replace":
                parent[path[-1]] = data.draw(json_values)
            elif op == "delete":
                del parent[path[-1]]
            elif isinstance(parent, list):
                parent.append(parent[path[-1]])
        except (KeyError, IndexError, TypeError):
            continue
    _check(json.dumps(value).encode())
