"""Connection labels: beside their own arrow, never over a card, a header or another label; a label
with no room is a numbered mark whose text goes to the key."""

from __future__ import annotations

import pytest

from bench.synth import synthetic_map
from cjm_editor.layout import compute
from cjm_editor.layout.labels import LABEL_H, place_labels, text_width
from tests.labelled_maps import collisions, dense_map, distance, labelled


@pytest.fixture(params=["sample", "dense"])
def labelled_map(request, journey):
    return labelled(journey) if request.param == "sample" else dense_map()


def test_no_label_covers_a_card_a_header_or_another_label(labelled_map):
    g = compute(labelled_map)
    assert g.labels, "the map has labels to place"
    assert collisions(g) == []


def test_every_label_sits_beside_its_own_arrow_or_is_in_the_key(labelled_map):
    g = compute(labelled_map)
    for conn in labelled_map.connections:
        rect = g.labels.get(conn.id)
        if rect is None:
            assert conn.id in g.marks, f"{conn.label!r} is neither on the map nor in the key"
            continue
        assert distance(rect, g.connections[conn.id]) <= 2.0, conn.label
        wanted = str(g.marks[conn.id]) if conn.id in g.marks else conn.label
        assert rect.w >= text_width(wanted) and rect.h == LABEL_H


def test_the_sample_map_has_room_for_every_label_and_only_a_gutter_is_too_narrow(journey):
    assert compute(journey).marks == {}, "the sample's own labels all fit beside their arrows"
    g = compute(labelled(journey))
    for conn_id in g.marks:  # a label wider than the gap between two side-by-side cards
        assert len(g.connections[conn_id]) == 2, conn_id


def test_labels_that_find_no_room_become_numbered_marks():
    j = labelled(synthetic_map(200, stages=3, connections=120))
    g = compute(j)
    assert g.marks, "120 arrows along three stages leave no room for every label"
    numbers = sorted(n for n in g.marks.values() if n)
    assert numbers == list(range(1, len(numbers) + 1)), "the marks on the map are numbered 1, 2, 3..."
    assert all((n != 0) == (c in g.labels) for c, n in g.marks.items()), "0: in the key only"
    assert collisions(g) == []


def test_placement_is_deterministic_and_needs_no_previous_state():
    j = dense_map()
    g = compute(j)
    again = compute(j)
    place_labels(j, again)
    place_labels(j, again)
    assert again.labels == g.labels and again.marks == g.marks
