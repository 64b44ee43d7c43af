"""File handling of the window: errors keep the open map, unsaved changes are never lost silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QMessageBox

from cjm_editor.commands.structure import RenameStage
from cjm_editor.formats import cjm_json
from cjm_editor.layout import compute
from cjm_editor.ui.dialogs import Choice


def test_load_error_shows_a_dialog_and_keeps_the_open_map(window, tmp_path):
    before = cjm_json.dumps(window.document.journey)
    bad = tmp_path / "broken.cjm.json"
    bad.write_text('{"format": "cjm-editor/journey", "formatVersion": 2, "title": NaN}', encoding="utf-8")
    assert not window.open_path(bad)
    box = window.last_message
    assert box is not None and box.isVisible()
    assert "broken.cjm.json: title: NaN is not allowed" in box.informativeText()
    assert cjm_json.dumps(window.document.journey) == before
    assert window.path.endswith("map.cjm.json")
    box.close()


def test_repaired_map_opens_marked_modified_with_a_report(window, tmp_path):
    text = Path(window.path).read_text(encoding="utf-8").replace('"stage": "s-renew"', '"stage": "s-gone"', 1)
    damaged = tmp_path / "damaged.cjm.json"
    damaged.write_text(text, encoding="utf-8")
    assert window.open_path(damaged)
    assert window.is_modified() and window.isWindowModified()
    assert window.last_message.icon() == QMessageBox.Icon.Warning
    assert "s-gone" in window.last_message.informativeText()
    assert damaged.read_text(encoding="utf-8") == text, "opening never rewrites the file"
    window.last_message.close()


def test_unsaved_changes_cancel_keeps_window_open(window, qtbot):
    window.undo_stack.push(RenameStage(window.document, "s-discover", "See the ad"))
    assert window.isWindowModified()
    asked = []
    window.ask.save_changes = lambda *a: (asked.append(a[1]), Choice.CANCEL)[1]
    assert not window.close()
    assert asked == ["map.cjm.json"] and window.isVisible()
    window.ask.save_changes = lambda *a: Choice.SAVE
    assert window.close()
    assert cjm_json.load(window.path).journey.stages[0].name == "See the ad"


def test_save_as_writes_a_new_file_and_clears_modified(window, tmp_path):
    window.undo_stack.push(RenameStage(window.document, "s-discover", "Notice"))
    out = tmp_path / "copy.cjm.json"
    assert window.save_as(out)
    assert not window.isWindowModified() and window.path == str(out)
    assert cjm_json.load(out).journey.stages[0].name == "Notice"


def test_scene_items_match_the_document_and_layout(window):
    g = compute(window.document.journey)
    for card in window.document.journey.cards:
        item = window.canvas.item_for(card.id)
        rect = g.cards[card.id]
        assert (item.x(), item.y()) == (rect.x, rect.y)
    for kind in ("stages", "lanes", "emotions", "connections"):
        for e in getattr(window.document.journey, kind):
            assert window.canvas.item_for(e.id) is not None


def test_render_of_the_map_is_not_blank(window):
    rect = window.scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    window.scene.render(painter)
    painter.end()
    assert (image.width(), image.height()) == (int(rect.width()), int(rect.height()))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 20, "the map draws cards, headers and curves in many colours"
