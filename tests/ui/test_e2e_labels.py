"""End-to-end: on the real canvas, connection label items never cover a card item, and arrows into
one card meet it at different heights; also after a card moves and the map is laid out in part."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from cjm_editor.formats import cjm_json
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.items.connection import ConnectionItem, ConnectionLabelItem
from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from tests.labelled_maps import dense_map, labelled


@pytest.fixture(params=["sample", "dense"])
def labelled_window(request, qtbot, tmp_path, monkeypatch, journey):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    j = labelled(journey) if request.param == "sample" else dense_map()
    path = tmp_path / "labelled.cjm.json"
    cjm_json.save(j, path)
    w = MainWindow()
    w.ask.save_changes = lambda *args: Choice.DISCARD
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(path)
    return w


def _items(scene):
    labels = [i for i in scene.items() if isinstance(i, ConnectionLabelItem) and i.isVisible()]
    cards = [i for i in scene.items() if isinstance(i, CardItem) and i.isVisible()]
    return [i for i in labels if not i.boundingRect().isEmpty()], cards


def _collisions(scene) -> list[str]:
    labels, cards = _items(scene)
    out = []
    for label in labels:
        box: QRectF = label.sceneBoundingRect()
        text = label.owner.label_text
        out += [f"{text!r} over {c.card.title!r}" for c in cards if box.intersects(c.sceneBoundingRect())]
        out += [
            f"{text!r} over {o.owner.label_text!r}"
            for o in labels
            if o is not label and box.intersects(o.sceneBoundingRect())
        ]
    return out


def test_label_items_cover_no_card_item_and_no_other_label(labelled_window):
    scene = labelled_window.scene
    labels, cards = _items(scene)
    assert len(labels) >= 4 and cards
    assert _collisions(scene) == []


def test_labels_stay_clear_after_cards_move(labelled_window):
    w = labelled_window
    doc, scene = w.document, w.scene
    j = doc.journey
    touch = [c for c in j.cards if c.kind == "touchpoint"]
    for card, stage in zip(touch[:6], j.stages[1:] + j.stages[:1], strict=False):
        doc.move_card_to(card.id, stage.id, card.lane_id, 0)
    assert _collisions(scene) == []
    arrows = [i for i in scene.items() if isinstance(i, ConnectionItem) and i.isVisible()]
    tips: dict[str, list[float]] = {}
    for item in arrows:
        points = scene.geometry.connections[item.element_id]
        assert item._points == points, "the item shows the route layout gave"
        tips.setdefault(item.connection.target_id, []).append(points[-1].y)
    assert any(len(ys) > 1 for ys in tips.values())


def test_label_edits_on_the_canvas_match_a_full_layout(labelled_window):
    from cjm_editor.layout import compute
    from cjm_editor.model import Connection

    w = labelled_window
    doc, scene = w.document, w.scene
    j = doc.journey
    touch = [c for c in j.cards if c.kind == "touchpoint"]
    first = j.connections[0]
    doc.update("connections", first.id, label="a much longer label than before")
    doc.add("connections", Connection(touch[0].id, touch[-1].id, label="new one", id="added"))
    doc.remove("connections", j.connections[1].id)
    full = compute(doc.journey)
    g = scene.geometry
    assert (g.connections, g.labels, g.marks) == (full.connections, full.labels, full.marks)
    assert _collisions(scene) == []
