"""Every user text the editor shows in Qt shows as typed: a name like "<i>INJ</i>" never turns into
markup, and "&" or ">" never shows as "&amp;" or "&gt;" (an escaped text Qt took for plain text).
The window, the present mode's bar and the F1 sheet are walked: every widget's and item's tooltip,
every label's text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from cjm_editor.model.journey import Connection, Participant

TAG = "<i>INJ</i>"
AMP = "R&D > ops"


def _shown(text: str, rich: bool) -> str:
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _texts(widgets: list[QWidget], scene) -> list[tuple[str, str, bool]]:  # noqa: ANN001
    out = []
    for w in widgets:
        for child in [w, *w.findChildren(QWidget)]:
            tip = child.toolTip()
            if tip:
                out.append((f"tooltip of {type(child).__name__}", tip, GuiQt.mightBeRichText(tip)))
            if isinstance(child, QLabel) and child.text():
                fmt = child.textFormat()
                rich = fmt == Qt.TextFormat.RichText or (
                    fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(child.text())
                )
                out.append((f"text of {type(child).__name__}", child.text(), rich))
            if isinstance(child, QAbstractButton) and child.text():
                out.append((f"text of {type(child).__name__}", child.text().replace("&&", "&"), False))
    for item in scene.items():
        tip = item.toolTip()
        if tip:
            out.append((f"tooltip of {type(item).__name__}", tip, GuiQt.mightBeRichText(tip)))
    return out


def test_user_text_shows_as_typed_everywhere(window, qtbot):
    doc = window.document
    j = doc.journey
    for i, stage in enumerate(j.stages):
        doc.update("stages", stage.id, name=f"{TAG} {AMP} s{i}", description=AMP)
    for i, lane in enumerate(j.lanes):
        doc.update("lanes", lane.id, name=f"{TAG} l{i}" if i % 2 else f"{AMP} l{i}")
    for i, persona in enumerate(j.personas):
        doc.update("personas", persona.id, name=f"{TAG} p{i}" if i % 2 else f"{AMP} p{i}")
    cards = j.cards
    for i, card in enumerate(cards[:6]):
        doc.update("cards", card.id, title=f"{TAG} {AMP} c{i}" if i % 2 else AMP)
    for c in list(j.connections):
        doc.update("connections", c.id, label=AMP)
    if not j.connections and len(cards) > 1:
        doc.add("connections", Connection(cards[0].id, cards[1].id, label=AMP))
    doc.add("participants", Participant(id="u-hostile", name=f"{TAG} {AMP}"))
    present = window.workshop.present()
    sheet = window.menus.show_shortcuts()
    qtbot.wait(50)
    widgets = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    found = _texts(widgets, window.scene)
    assert any(TAG in _shown(t, rich) for _, t, rich in found), "the hostile names are shown somewhere"
    bad = []
    for where, text, rich in found:
        shown = _shown(text, rich)
        if rich and "<i>" not in shown and "INJ" in shown and TAG not in shown:
            bad.append((where, "markup taken from user text", text[:120]))
        for entity in ("&amp;", "&gt;", "&lt;"):
            if entity in shown:
                bad.append((where, f"shows {entity}", text[:120]))
    assert not bad, "\n".join(map(str, bad))
    present.close()
    if sheet is not None:
        sheet.close()
