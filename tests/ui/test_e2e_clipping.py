"""End-to-end: nothing in the docks and the vote results is cut off on the right, a long title shows
from its start, the View menu shows or hides every dock, and the Workshop menu shows the canvas's
mode (review defects)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QLineEdit, QScrollBar

from cjm_editor.commands.elements import AddElement
from cjm_editor.model.journey import Participant, Vote
from cjm_editor.ui.canvas.interactions import EDIT_MODE, RATE_MODE, VOTE_MODE

WHO = 4  # the "Who voted" column


def cut_off(dock: QDockWidget) -> list[str]:
    """The labels and buttons of a dock that do not show whole inside it."""
    out = []
    for w in dock.findChildren(QLabel) + dock.findChildren(QAbstractButton):
        if not w.isVisible() or not w.text() or isinstance(w.parent(), QScrollBar):
            continue
        right = w.mapTo(dock, w.rect().topRight()).x()
        if isinstance(w, QLabel) and w.wordWrap():
            whole = w.height() >= w.heightForWidth(w.width())
        else:
            whole = w.width() >= w.sizeHint().width()
        if right > dock.width() or not whole:
            out.append(w.text())
    return out


def test_the_insights_dock_wraps_its_text_and_scrolls_no_sideways(window, qtbot):
    dock = window.docks.all[5]
    dock.show()
    dock.raise_()
    window.resizeDocks([dock], [240], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: "findings" in window.docks.insights.status.text())
    QTest.qWait(20)
    assert dock.width() <= 300
    assert cut_off(dock) == []
    assert not any(
        b.isVisible() for b in dock.findChildren(QScrollBar) if b.orientation() == Qt.Orientation.Horizontal
    )
    QTest.mouseClick(window.docks.insights.overlay_label, Qt.MouseButton.LeftButton)
    assert window.docks.insights.overlay.isChecked(), "the checkbox's text still ticks it"


def test_a_long_title_shows_from_its_start_in_the_inspector(window):
    title = window.docks.inspector.forms["map"].widget("title")
    assert isinstance(title, QLineEdit)
    assert title.text() == "FreshBox meal-kit subscription" and title.cursorPosition() == 0
    window.scene.select_only(["p-cancel"])
    window.scene.select_only([])
    assert title.cursorPosition() == 0
    card_title = window.docks.inspector.forms["cards"].widget("title")
    window.scene.select_only(["p-forgot-skip"])
    assert card_title.text() == "Charged for unwanted boxes" and card_title.cursorPosition() == 0


def test_vote_results_show_every_voter_whole(window, qtbot):
    doc, stack = window.document, window.undo_stack
    names = ["Ana from Marketing", "Ben from Customer Support", "Chloé from Product", "Dmitri from Ops"]
    for name in names:
        person = Participant(name=name)
        stack.push(AddElement(doc, "participants", person))
        stack.push(AddElement(doc, "votes", Vote("p-cancel", person.id)))
    results = window.workshop.show_results()
    qtbot.addWidget(results)
    results.resize(760, 420)
    qtbot.waitUntil(lambda: results.width() == 760)
    QTest.qWait(20)
    tree = results.tree
    assert tree.header().sectionViewportPosition(WHO) + tree.columnWidth(WHO) <= tree.viewport().width()
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if names[0] in tree.topLevelItem(i).text(WHO)
    )
    text, width = row.text(WHO), tree.columnWidth(WHO) - 8
    needed = tree.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
    assert tree.visualItemRect(row).height() >= needed.height(), "the voters wrap onto more lines"
    assert all(n in text for n in names)
    for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())):
        for col in range(WHO):  # the card, its votes and stage stay on one line, whole
            assert tree.fontMetrics().horizontalAdvance(item.text(col)) < tree.columnWidth(col), item.text(
                col
            )


def test_the_view_menu_shows_or_hides_every_dock(window):
    view = window.menus.view_menu
    for dock in window.findChildren(QDockWidget):
        assert dock.toggleViewAction() in view.actions(), dock.windowTitle()
    workshop = window.workshop.dock
    workshop.toggleViewAction().trigger()
    assert workshop.isHidden()
    workshop.toggleViewAction().trigger()
    assert not workshop.isHidden()


def test_the_workshop_menu_shows_the_mode_however_it_was_chosen(window, qtbot):
    actions = window.workshop.mode_actions
    assert all(a.isCheckable() for a in actions.values())
    assert [n for n, a in actions.items() if a.isChecked()] == ["edit"]
    actions["vote"].trigger()
    assert window.scene.mode is VOTE_MODE
    assert [n for n, a in actions.items() if a.isChecked()] == ["vote"]
    actions["vote"].trigger()  # choosing the mode it is in keeps it
    assert window.scene.mode is VOTE_MODE and actions["vote"].isChecked()
    panel = window.workshop.panel
    rate = next(b for b in panel.findChildren(QAbstractButton) if b.text() == "Rate")
    QTest.mouseClick(rate, Qt.MouseButton.LeftButton)
    assert window.scene.mode is RATE_MODE
    assert [n for n, a in actions.items() if a.isChecked()] == ["rate"]
    present = window.workshop.present()
    qtbot.addWidget(present)
    assert not any(a.isChecked() for a in actions.values()), "Present is none of them"
    QTest.keyClick(present.view.viewport(), Qt.Key.Key_Escape)
    assert [n for n, a in actions.items() if a.isChecked()] == ["rate"]
    actions["edit"].trigger()
    assert window.scene.mode is EDIT_MODE
