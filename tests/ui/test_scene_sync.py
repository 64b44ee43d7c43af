"""After every command, its undo and its redo, the scene shows exactly the document."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QUndoStack

from cjm_editor.formats.cjm_json import dumps, loads
from cjm_editor.layout import compute
from cjm_editor.model import JourneyDocument
from cjm_editor.model.errors import ModelError
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem
from cjm_editor.ui.canvas.items.emotion import EmotionPointItem
from cjm_editor.ui.canvas.items.headers import HeaderItem
from cjm_editor.ui.canvas.scene import JourneyScene
from tests.commands.test_undo_law import COMMANDS


def assert_mirrors(scene: JourneyScene) -> None:
    j = scene.doc.journey
    g = compute(j)
    ids = set()
    for card in j.cards:
        item = scene.item_for(card.id)
        assert isinstance(item, CardItem) and item.card is card
        rect = g.cards.get(card.id)
        assert item.isVisible() == (rect is not None)
        if rect is not None:
            assert (item.x(), item.y()) == (rect.x, rect.y)
        ids.add(card.id)
    for collection, rects in (("stages", g.stages), ("lanes", g.lanes)):
        for entity in getattr(j, collection):
            item = scene.item_for(entity.id)
            assert isinstance(item, HeaderItem) and item.entity is entity
            r = rects[entity.id]
            assert (item.x(), item.y(), item.boundingRect().width() - 2) == (r.x, r.y, r.w)
            ids.add(entity.id)
    for point in j.emotions:
        item = scene.item_for(point.id)
        assert isinstance(item, EmotionPointItem)
        pos = g.emotion_points.get(point.id)
        if pos is not None:
            assert (item.x(), item.y()) == (pos.x, pos.y)
        ids.add(point.id)
    for conn in j.connections:
        item = scene.item_for(conn.id)
        assert isinstance(item, ConnectionItem) and item.connection is conn
        assert item._points == g.connections.get(conn.id, [])
        label = g.labels.get(conn.id)
        shown = item.label_item.boundingRect() if item.label_item.isVisible() else None
        assert (shown.x(), shown.y(), shown.width()) == (label.x, label.y, label.w) if label else not shown
        assert item.label_text == (str(g.marks[conn.id]) if g.marks.get(conn.id) else conn.label)
        ids.add(conn.id)
    assert set(scene._items) == ids, "no item outlives its element"
    assert set(scene._curves) == {p.id for p in j.personas}


@pytest.mark.parametrize("make", COMMANDS.values(), ids=COMMANDS.keys())
def test_scene_follows_command_undo_and_redo(doc, qapp, make):
    stack = QUndoStack()
    scene = JourneyScene(doc, stack)
    stack.push(make(doc))
    assert_mirrors(scene)
    stack.undo()
    assert_mirrors(scene)
    stack.redo()
    assert_mirrors(scene)
    scene.detach()


def test_scene_follows_a_long_random_edit_session(doc, qapp):
    rng = random.Random(7)
    stack = QUndoStack()
    scene = JourneyScene(doc, stack)
    makers = list(COMMANDS.values())
    for _ in range(60):
        action = rng.random()
        if action < 0.6:
            make = rng.choice(makers)
            scratch = JourneyDocument(loads(dumps(doc.journey)).journey)
            try:  # skip commands whose elements an earlier step removed
                make(scratch).redo()
            except ModelError:
                continue
            stack.push(make(doc))
        elif action < 0.8:
            stack.undo()
        else:
            stack.redo()
        assert_mirrors(scene)
    scene.detach()
