"""Every command: push changes the file content; undo restores it exactly; redo repeats it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from cjm_editor.commands.cards import AddCard, EditCard, MoveCard, RemoveElements
from cjm_editor.commands.elements import AddElement
from cjm_editor.commands.emotions import AddEmotion, SetEmotion
from cjm_editor.commands.structure import (
    EditMap,
    MoveLane,
    MoveStage,
    RenameLane,
    RenameStage,
    ResizeStage,
    SetLaneCollapsed,
    UpdateElement,
)
from cjm_editor.formats.cjm_json import dumps
from cjm_editor.model import Card, Connection, EmotionPoint, Lane, Persona, Stage

COMMANDS = {
    "add card": lambda d: AddCard(d, Card("s-discover", "l-touchpoints", "touchpoint", "Podcast"), 0),
    "move card": lambda d: MoveCard(d, "t-checkout", "s-consider", "l-touchpoints", 1),
    "edit card": lambda d: EditCard(d, "t-checkout", title="Pay", body="Card or wallet"),
    "delete cards": lambda d: RemoveElements(d, ["t-checkout", "t-landing", "c-01"]),
    "delete stage": lambda d: RemoveElements(d, ["s-signup"]),
    "delete persona": lambda d: RemoveElements(d, ["p-robert"]),
    "set emotion": lambda d: SetEmotion(d, "e-maya-discover", -2),
    "add emotion": lambda d: AddEmotion(d, EmotionPoint("p-robert", "card", "t-checkout", 2)),
    "rename stage": lambda d: RenameStage(d, "s-discover", "See"),
    "move stage": lambda d: MoveStage(d, "s-renew", 0),
    "rename lane": lambda d: RenameLane(d, "l-metrics", "KPIs"),
    "move lane": lambda d: MoveLane(d, "l-backstage", 0),
    "collapse lane": lambda d: SetLaneCollapsed(d, "l-backstage", True),
    "resize stage": lambda d: ResizeStage(d, "s-signup", 420),
    "add stage": lambda d: AddElement(d, "stages", Stage(name="Return"), 2),
    "add lane": lambda d: AddElement(d, "lanes", Lane(name="Ideas", kind="notes"), 1),
    "add persona": lambda d: AddElement(d, "personas", Persona(name="Ana", colour="#00798c")),
    "connect cards": lambda d: AddElement(d, "connections", Connection("t-reviews", "t-checkout")),
    "label connection": lambda d: UpdateElement(d, "connections", "c-01", "Label", label="clicks"),
    "persona colour": lambda d: UpdateElement(d, "personas", "p-maya", "Colour", colour="#000000"),
    "emotion note": lambda d: UpdateElement(d, "emotions", "e-maya-discover", "Note", note="curious"),
    "edit map": lambda d: EditMap(d, "Title", title="FreshBox 2027", description=""),
}


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.mark.parametrize("make", COMMANDS.values(), ids=COMMANDS.keys())
def test_undo_redo_restore_exact_state(doc, stack, make):
    before = dumps(doc.journey)
    stack.push(make(doc))
    after = dumps(doc.journey)
    assert after != before
    stack.undo()
    assert dumps(doc.journey) == before
    stack.redo()
    assert dumps(doc.journey) == after


def test_emotion_drag_merges_into_one_step_and_back_to_start_is_no_step(doc, stack):
    for score in (0, 1, 2):
        stack.push(SetEmotion(doc, "e-robert-consider", score, gesture=1))
    assert stack.count() == 1 and doc.emotion("e-robert-consider").score == 2
    stack.push(SetEmotion(doc, "e-robert-consider", 1, gesture=2))
    assert stack.count() == 2, "a second drag is a second step"
    for score in (0, 1):
        stack.push(SetEmotion(doc, "e-maya-discover", score, gesture=3))
    assert stack.count() == 2, "dragged back to where it started: no step"


def _cell_ids(doc, card_id: str) -> list[str]:
    card = doc.card(card_id)
    return [c.id for c in doc.cell_cards(card.stage_id, card.lane_id)]


def test_undo_of_a_removal_after_removals_outside_the_stack(doc, stack):
    """Reproduction: with list positions this undo raised `ModelError: index 40 out of range`."""
    cell = _cell_ids(doc, "t-checkout")
    i = cell.index("t-checkout")
    neighbours = cell[max(0, i - 1) : i] + cell[i + 1 : i + 2]
    stack.push(RemoveElements(doc, ["t-checkout"]))
    outside = [c.id for c in doc.journey.cards if c.id not in neighbours][:5]
    for card_id in outside:
        doc.remove_card(card_id)
    stack.undo()
    now = _cell_ids(doc, "t-checkout")
    j = now.index("t-checkout")
    assert now[max(0, j - 1) : j] + now[j + 1 : j + 2] == neighbours


def test_redo_of_an_add_puts_the_card_back_between_the_same_neighbours(doc, stack):
    cell = [c.id for c in doc.cell_cards("s-discover", "l-touchpoints")]
    stack.push(AddCard(doc, Card("s-discover", "l-touchpoints", "touchpoint", "Podcast", id="new"), 1))
    stack.undo()
    doc.remove_card(cell[-1])  # a change outside the stack, e.g. a co-editor's
    stack.redo()
    assert [c.id for c in doc.cell_cards("s-discover", "l-touchpoints")] == [cell[0], "new", *cell[1:-1]]


def test_crowded_spot_respacing_is_undone_with_the_command(doc, stack):
    before = dumps(doc.journey)
    for k in range(80):  # always second in the cell: keys would grow without respacing
        stack.push(AddCard(doc, Card("s-discover", "l-touchpoints", "touchpoint", f"P{k}"), 1))
    assert max(len(c.order) for c in doc.journey.cards) <= 12
    while stack.canUndo():
        stack.undo()
    assert dumps(doc.journey) == before
