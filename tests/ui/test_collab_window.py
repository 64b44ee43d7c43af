"""Two editor windows on one host: presence, edits both ways, undo of your own edit only, the
offline banner and the merge after the host comes back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cjm_editor.collab.peer import OFFLINE, SYNCED
from cjm_editor.commands.cards import EditCard
from cjm_editor.ui.dialogs import Choice
from cjm_editor.ui.main_window import MainWindow
from tests.collab.hosting import free_port, serve
from tests.ui.helpers import click

pytestmark = pytest.mark.timeout(180)


def _window(qtbot, address: str, code: str, name: str) -> MainWindow:
    w = MainWindow()
    w.ask.save_changes = lambda *args: Choice.DISCARD
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.collab.join(address, code, name)
    qtbot.waitUntil(lambda: w.collab.shared is not None and w.document is w.collab.shared.doc, timeout=30000)
    w.canvas.zoom_reset()
    w.canvas.centerOn(0, 0)
    return w


def test_two_windows_edit_one_shared_map(qtbot, tmp_path, sample_file, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    port = free_port()
    host = serve(map_path, tmp_path / "store.sqlite", port=port)
    try:
        ann = _window(qtbot, host.address, host.code, "Ann")
        bob = _window(qtbot, host.address, host.code, "Bob")
        assert "shared" in ann.windowTitle()
        card = ann.document.journey.cards[0]

        # Ann clicks a card: Bob sees her selection outlined and her name in his status bar
        item = ann.scene.item_for(card.id)
        click(ann.canvas, item.sceneBoundingRect().center())
        qtbot.waitUntil(lambda: "Ann" in bob.collab.status.text(), timeout=10000)
        qtbot.waitUntil(lambda: len(bob.collab._outlines) >= 2, timeout=10000)
        assert "Bob" in ann.collab.status.text() or qtbot.waitUntil(
            lambda: "Bob" in ann.collab.status.text(), timeout=10000
        )

        # Ann edits the card; Bob then changes its title; Ann's undo leaves Bob's title
        ann.undo_stack.push(EditCard(ann.document, card.id, "Edit card", title="Ann's", body="Ann's body"))
        qtbot.waitUntil(lambda: bob.document.card(card.id).body == "Ann's body", timeout=10000)
        bob.undo_stack.push(EditCard(bob.document, card.id, "Edit card", title="Bob's"))
        qtbot.waitUntil(lambda: ann.document.card(card.id).title == "Bob's", timeout=10000)
        ann.raise_()
        ann.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is ann, timeout=5000)
        ann.canvas.setFocus()
        QTest.keySequence(ann.canvas.viewport(), "Ctrl+Z")  # Edit > Undo, as a person presses it
        qtbot.waitUntil(lambda: bob.document.card(card.id).body == card.body, timeout=10000)
        assert ann.document.card(card.id).title == "Bob's" and bob.document.card(card.id).title == "Bob's"

        # the host goes away: a banner; Ann keeps editing; the host comes back and the edit merges
        host.stop()
        qtbot.waitUntil(
            lambda: ann.collab.banner.isVisible() and bob.collab.banner.isVisible(), timeout=20000
        )
        assert ann.collab.shared.state == OFFLINE
        ann.undo_stack.push(EditCard(ann.document, card.id, "Edit card", title="written offline"))
        host = serve(map_path, tmp_path / "store.sqlite", port=port, code=host.code)
        qtbot.waitUntil(
            lambda: ann.collab.shared.state == SYNCED and not ann.collab.banner.isVisible(), timeout=30000
        )
        qtbot.waitUntil(lambda: bob.document.card(card.id).title == "written offline", timeout=20000)

        # a participant saves a local copy at any time
        copy = tmp_path / "bob-copy.cjm.json"
        assert bob.save_as(copy)
        assert "written offline" in copy.read_text()
        bob.collab.leave()  # Bob says goodbye: Ann no longer lists him
        qtbot.waitUntil(lambda: "Bob" not in ann.collab.status.text(), timeout=10000)
        ann.collab.leave()
        assert "shared" not in ann.windowTitle()
    finally:
        host.stop()


def test_share_on_network_from_the_window(qtbot, window, tmp_path, monkeypatch):
    """File > Share on Network… with a click on Share: the dialog shows the code; a second window
    joins; its edit reaches the host's window, which saves it to the map file."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the shared history goes there
    dialog = window.collab.open_share_dialog()
    dialog.interface.setCurrentText("127.0.0.1")
    dialog.port.setValue(free_port())
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    info = window.collab.host.info
    assert info.code in dialog.message.text() and not dialog.qr.pixmap().isNull()
    qtbot.waitUntil(lambda: window.collab.shared.doc is window.document, timeout=30000)
    assert window.path and window.windowTitle().startswith("map.cjm.json")
    guest = _window(qtbot, f"{info.address}:{info.port}", info.code, "Guest")
    card = guest.document.journey.cards[0]
    guest.undo_stack.push(EditCard(guest.document, card.id, "Edit card", title="from the guest"))
    qtbot.waitUntil(lambda: window.document.card(card.id).title == "from the guest", timeout=10000)
    assert window.is_modified()  # a peer's edit: the host's file needs saving (autosave sees it)
    assert window.save()
    assert "from the guest" in Path(window.path).read_text(encoding="utf-8")
    dialog.close()
    guest.collab.leave()
    window.collab.leave()
    assert window.collab.host is None
