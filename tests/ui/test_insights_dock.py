"""The Insights dock: refreshed after edits, clicking a finding selects it, the overlay shows the path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cjm_editor.commands.elements import AddElement
from cjm_editor.model import Connection
from cjm_editor.ui.panels.insights import ELEMENTS_ROLE


def leaf(window, text: str):
    return next(i for i in window.docks.insights.leaf_items() if text in i.text(0))


def test_dock_lists_the_findings_of_the_open_map(window):
    panel = window.docks.insights
    assert "findings" in panel.status.text()
    assert leaf(window, "leads nowhere").data(0, ELEMENTS_ROLE) == ["t-support-chat"]


def test_clicking_a_finding_selects_and_shows_its_elements(window, qtbot):
    panel = window.docks.insights
    window.docks.all[5].raise_()  # its tab in front, as the user clicks it
    qtbot.waitUntil(lambda: window.docks.all[5].geometry().left() > 0)
    item = leaf(window, "leads nowhere")
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(panel.tree.viewport(), left, none, rect.center())
    assert [i.element_id for i in window.scene.selectedItems()] == ["t-support-chat"]
    card = window.canvas.item_for("t-support-chat")
    visible = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    assert visible.contains(card.sceneBoundingRect())


def test_findings_refresh_after_an_edit(window, qtbot):
    window.undo_stack.push(
        AddElement(window.document, "connections", Connection("t-support-chat", "t-renewal"), text="Connect")
    )
    qtbot.waitUntil(lambda: not any("leads nowhere" in i.text(0) for i in window.docks.insights.leaf_items()))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: any("leads nowhere" in i.text(0) for i in window.docks.insights.leaf_items()))


def test_overlay_highlights_the_main_path_and_dead_ends(window):
    overlay = window.scene.overlay
    assert not overlay.isVisible()
    window.docks.insights.overlay.setChecked(True)
    assert overlay.isVisible()
    assert overlay.path[:3] == ["t-social-ad", "t-landing", "t-checkout"]
    assert overlay.dead_ends == ["t-support-chat"]
    card = window.scene.geometry.cards["t-checkout"]
    assert overlay.boundingRect().contains(card.x, card.y)
