"""User text shows as typed wherever Qt could read it as HTML: tooltips of headers, cards, arrows,
emotion points, the outline, the insights, the persona legend and the recent files."""

from __future__ import annotations

from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QToolButton

from cjm_editor.model import Connection

TEXT = "<b>Bold</b> & <i>co</i>"


def shown(tip: str) -> str:
    """What a tooltip shows: Qt reads it as HTML when it looks like HTML."""
    if not Qt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_user_text_in_tooltips_is_shown_as_typed(window, qtbot):
    doc = window.document
    j = doc.journey
    stage, lane, card, persona = j.stages[0], j.lanes[0], j.cards[0], j.personas[0]
    point = next(e for e in j.emotions if e.persona_id == persona.id)
    doc.update("stages", stage.id, name=TEXT, description=TEXT)
    doc.update("lanes", lane.id, name=TEXT)
    doc.update_card(card.id, title=TEXT, body=TEXT)
    doc.update("personas", persona.id, name=TEXT)
    doc.update_emotion(point.id, note=TEXT)
    other = next(c for c in j.cards if c.id != card.id and c.stage_id != card.stage_id)
    doc.add_connection(conn := Connection(card.id, other.id, label=TEXT))
    canvas = window.canvas
    for element_id in (stage.id, lane.id, card.id, conn.id, point.id):
        item = canvas.item_for(element_id)
        assert item is not None and TEXT in shown(item.toolTip()), element_id
    outline = window.docks.outline
    outline.rebuild()
    assert TEXT in shown(outline.item_for(card.id).toolTip(0))
    buttons = canvas.legend.findChildren(QToolButton)
    assert any(TEXT in shown(b.toolTip()) for b in buttons)


def test_a_recent_file_path_is_shown_as_typed(window, tmp_path):
    odd = tmp_path / "<b>map<i> & co.cjm.json"
    odd.write_bytes((tmp_path / "map.cjm.json").read_bytes())
    assert window.open_path(odd)
    menu = window.menus.recent_menu
    menu.aboutToShow.emit()
    tips = [shown(a.toolTip()) for a in menu.actions()]
    assert str(odd) in tips
