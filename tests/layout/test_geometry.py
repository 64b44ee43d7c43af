"""Layout: lane heights, stage widths, and incremental relayout agreeing with a full layout."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synth import synthetic_map
from cjm_editor.layout import compute
from cjm_editor.layout.geometry import MAX_STAGE_W, MIN_STAGE_W, STAGE_W, insert_position
from cjm_editor.layout.incremental import relayout_cells
from cjm_editor.model import JourneyDocument
from tests.labelled_maps import labelled


def test_stage_width_is_the_users_choice_within_bounds(doc):
    first, second = doc.journey.stages[:2]
    doc.update("stages", first.id, width=400.0)
    doc.update("stages", second.id, width=5.0)
    g = compute(doc.journey)
    assert g.stages[first.id].w == 400.0
    assert g.stages[second.id].w == MIN_STAGE_W
    doc.update("stages", second.id, width=10_000.0)
    assert compute(doc.journey).stages[second.id].w == MAX_STAGE_W
    doc.update("stages", second.id, width=None)
    assert compute(doc.journey).stages[second.id].w == STAGE_W


def test_cards_fill_their_cell_and_lanes_grow_to_fit(doc):
    g = compute(doc.journey)
    for card in doc.journey.cards:
        rect = g.cards.get(card.id)
        if rect is None:
            continue
        cell = g.cells[(card.stage_id, card.lane_id)]
        assert cell.x < rect.x and rect.right < cell.right
        assert cell.y < rect.y and rect.bottom < cell.bottom


def test_insert_position_is_clamped_to_the_cell():
    g = compute(synthetic_map(40, stages=2))
    cell = next(iter(g.cells.values()))
    assert insert_position(cell, cell.y - 500, 3) == 0
    assert insert_position(cell, cell.bottom + 500, 3) == 3


def _equal_to_full_layout(doc: JourneyDocument, g) -> None:
    full = compute(doc.journey)
    assert g.cards == full.cards
    assert g.connections == full.connections
    assert g.labels == full.labels
    assert g.marks == full.marks
    assert g.emotion_points == full.emotion_points
    assert (g.lanes, g.rows, g.cells, g.columns) == (full.lanes, full.rows, full.cells, full.columns)
    assert (g.width, g.height) == (full.width, full.height)
    assert g.counts == {k: v for k, v in full.counts.items()} | {
        k: 0 for k in g.counts if k not in full.counts
    }


@given(
    moves=st.lists(st.tuples(st.integers(0, 59), st.integers(0, 3), st.integers(0, 6), st.integers(0, 12)))
)
def test_relayout_of_moved_cards_matches_a_full_layout(moves):
    doc = JourneyDocument(synthetic_map(60, stages=4))
    for conn in doc.journey.connections[::2]:
        doc.update("connections", conn.id, label="next")
    g = compute(doc.journey)
    for card_index, stage, lane, position in moves:
        card = doc.journey.cards[card_index]
        old = (card.stage_id, card.lane_id)
        new = (doc.journey.stages[stage].id, doc.journey.lanes[lane].id)
        doc.move_card_to(card.id, *new, position)
        assert relayout_cells(g, doc.journey, {old, new}) is not None
        _equal_to_full_layout(doc, g)


@settings(max_examples=25, deadline=None)
@given(moves=st.lists(st.tuples(st.integers(0, 119), st.integers(0, 3), st.integers(0, 12)), max_size=8))
def test_labels_placed_again_after_moves_match_a_full_layout_on_a_crowded_map(moves):
    """Only labels an edit can touch are placed again; the result must not differ from placing all."""
    doc = JourneyDocument(labelled(synthetic_map(120, stages=4, connections=40)))
    g = compute(doc.journey)
    assert g.marks, "crowded enough that some labels are numbered"
    touch = [c for c in doc.journey.cards if c.kind == "touchpoint"]
    for card_index, stage, position in moves:
        card = touch[card_index % len(touch)]
        card = doc.card(card.id)
        old = (card.stage_id, card.lane_id)
        new = (doc.journey.stages[stage].id, card.lane_id)
        doc.move_card_to(card.id, *new, position)
        assert relayout_cells(g, doc.journey, {old, new}) is not None
        _equal_to_full_layout(doc, g)


@given(
    moves=st.lists(st.tuples(st.integers(0, 59), st.integers(0, 3), st.integers(0, 6), st.integers(0, 12)))
)
def test_relayout_finding_cells_through_the_document_is_the_same(moves):
    """With the document's cell_cards, the cards of the lanes that move are found cell by cell
    instead of by a walk over the map: the same relayout either way."""
    doc = JourneyDocument(synthetic_map(60, stages=4))
    walked, listed = compute(doc.journey), compute(doc.journey)
    for card_index, stage, lane, position in moves:
        card = doc.journey.cards[card_index]
        old = (card.stage_id, card.lane_id)
        new = (doc.journey.stages[stage].id, doc.journey.lanes[lane].id)
        doc.move_card_to(card.id, *new, position)
        by_walk = relayout_cells(walked, doc.journey, {old, new})
        by_cells = relayout_cells(listed, doc.journey, {old, new}, cell_cards=doc.cell_cards)
        assert by_cells == by_walk
        _equal_to_full_layout(doc, listed)


def test_relayout_grows_a_lane_and_shifts_the_lanes_below(doc):
    for conn in doc.journey.connections[:3]:
        doc.update("connections", conn.id, label=f"label {conn.id}")
    g = compute(doc.journey)
    (stage_id, lane_id), _ = max(g.counts.items(), key=lambda kv: kv[1])
    source = next(c for c in doc.journey.cards if c.lane_id == lane_id and c.stage_id != stage_id)
    old = (source.stage_id, source.lane_id)
    height = g.lanes[lane_id].h
    doc.move_card_to(source.id, stage_id, lane_id)
    result = relayout_cells(g, doc.journey, {old, (stage_id, lane_id)})
    assert result is not None and g.lanes[lane_id].h > height
    below = doc.journey.lanes[[lane.id for lane in doc.journey.lanes].index(lane_id) + 1 :]
    assert set(result.lanes) == {lane_id} | {lane.id for lane in below}
    assert result.curves == (doc.journey.lanes[3].id in result.lanes)  # the emotion lane moved
    _equal_to_full_layout(doc, g)


def test_relayout_shrinks_a_lane_when_its_fullest_cell_empties(doc):
    g = compute(doc.journey)
    stage_id, lane_id = ("s-regular", "l-thoughts")  # the only cell of its lane with two cards
    last = doc.cell_cards(stage_id, lane_id)[-1]
    doc.move_card_to(last.id, "s-discover", lane_id)
    height = g.lanes[lane_id].h
    assert relayout_cells(g, doc.journey, {(stage_id, lane_id), ("s-discover", lane_id)}) is not None
    assert g.lanes[lane_id].h < height
    _equal_to_full_layout(doc, g)


def test_relayout_within_a_cell_moves_only_that_cells_cards(doc):
    g = compute(doc.journey)
    stage_id, lane_id = next(k for k, n in g.counts.items() if n >= 2)
    first = doc.cell_cards(stage_id, lane_id)[0]
    doc.move_card_to(first.id, stage_id, lane_id, 1)
    result = relayout_cells(g, doc.journey, {(stage_id, lane_id)})
    assert result is not None
    assert set(result.cards) == {c.id for c in doc.cell_cards(stage_id, lane_id)[:2]}
    _equal_to_full_layout(doc, g)


def test_relayout_forgets_removed_cards(doc):
    g = compute(doc.journey)
    stage_id, lane_id = next(k for k, n in g.counts.items() if n >= 2)
    last = doc.cell_cards(stage_id, lane_id)[-1]
    doc.remove_card(last.id)
    result = relayout_cells(g, doc.journey, {(stage_id, lane_id)}, gone=[last.id])
    assert result is not None and last.id in result.cards
    _equal_to_full_layout(doc, g)
