"""Sharing a map on the network and joining one, in the window.

File > Share on network… starts a host (cjm_editor.collab.host) in a worker thread for the open map
and joins it like any participant; File > Join… joins another host's map. Either way the window's
session shows the shared document, the title and status bar say it is shared and who is there
(names in their colours), others' selections show as coloured outlines, a banner says when the
connection is lost (edits go on offline and merge when it is back), and Edit > Undo undoes your own
edits through the Y undo manager (a peer's later value of the same field stays). Save As keeps a
local copy at any time; the host's map file stays its saved copy (and is autosaved like any map).
"""

from __future__ import annotations

import getpass
import io
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cjm_editor.collab.network import lan_address
from cjm_editor.collab.states import OFFLINE, REFUSED, SYNCED
from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import SaveError
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import PERSONA_COLOURS, Journey, snapshot
from cjm_editor.ui.session import Modified

if TYPE_CHECKING:  # the network stack loads when a map is shared or joined (the editor starts fast)
    import asyncio

    from cjm_editor.collab.host import Host, HostInfo
    from cjm_editor.collab.shared import SharedMap
    from cjm_editor.ui.main_window import MainWindow

DEFAULT_PORT = 8765


class HostThread:
    """A Host running in its own thread with its own asyncio loop (pycrdt objects stay in it)."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.info: HostInfo | None = None
        self.error: BaseException | None = None
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._main, name="cjm-collab-host", daemon=True)

    def _main(self) -> None:
        import asyncio  # only a shared map needs it: not imported at the editor's start

        async def run() -> None:
            self._loop = asyncio.get_running_loop()
            await self.host.run(self._started)

        try:
            asyncio.run(run())
        except BaseException as exc:  # reported to the window by start()
            self.error = exc
        self._ready.set()

    def _started(self, info: HostInfo) -> None:
        self.info = info
        self._ready.set()

    def start(self, timeout: float = 20.0) -> HostInfo:
        self.host.listen()  # OSError here, in the caller's thread, for an address taken or not ours
        self._thread.start()
        self._ready.wait(timeout)
        if self.info is None:
            raise OSError(str(self.error) if self.error else "the host did not start")
        return self.info

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving; the store is flushed before this returns."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.host.stop.set)
        self._thread.join(timeout)


class _Wake(QObject):
    """Rung from the network thread; queued to the GUI thread, which then pumps the shared map."""

    ring = Signal()


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    import segno

    pixmap = QPixmap()
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=2)
    pixmap.loadFromData(out.getvalue(), "PNG")
    return pixmap


class ShareDialog(QDialog):
    """Which interface and port to share on; then the address, the code and a QR code of both."""

    def __init__(self, parent: QWidget, share: Callable[[str, int], HostInfo | None]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Share on network")
        self.setMinimumWidth(440)
        self._share = share
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.interface = QComboBox()
        for address in dict.fromkeys([lan_address(), "127.0.0.1"]):
            self.interface.addItem(address)
        self.interface.setEditable(True)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        form.addRow("Interface:", self.interface)
        form.addRow("Port:", self.port)
        layout.addLayout(form)
        self.message = QLabel("Only this interface listens; people join with the address and the code.")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start_button = self.buttons.addButton("Share", QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        info = self._share(self.interface.currentText().strip(), self.port.value())
        if info is None:
            return
        self.show_info(info)

    def show_info(self, info: HostInfo) -> None:
        self.start_button.setEnabled(False)
        self.message.setText(
            f"<p>Shared at <b>{info.address}:{info.port}</b></p><p>Join code: <b>{info.code}</b></p>"
            "<p>In the editor: File › Join…, then this address and code.</p>"
        )
        self.qr.setPixmap(qr_pixmap(info.invitation))


class JoinDialog(QDialog):
    """The host's address and code, and the name others see."""

    def __init__(self, parent: QWidget, name: str, join: Callable[[str, str, str], object]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Join a shared map")
        form = QFormLayout(self)
        self.address = QLineEdit()
        self.address.setPlaceholderText(f"192.168.1.20:{DEFAULT_PORT}")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-IJKL-MNOP")
        self.name = QLineEdit(name)
        form.addRow("Address:", self.address)
        form.addRow("Join code:", self.code)
        form.addRow("Your name:", self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Join", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.accepted.connect(lambda: join(self.address.text().strip(), self.code.text(), self.name.text()))


class CollabController(QObject):
    """The window's sharing: menu entries, the shared session, presence and the offline banner."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shared: SharedMap | None = None
        self.host: HostThread | None = None
        self.name = getpass.getuser() or "Someone"
        self.colour = PERSONA_COLOURS[0]
        self._wake = _Wake(self)
        self._wake.ring.connect(self._pump, Qt.ConnectionType.QueuedConnection)
        self._outlines: list[QGraphicsItem] = []
        self._path: str | None = None
        self._before: Journey | None = None
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        window.statusBar().addPermanentWidget(self.status)
        self.status.hide()
        self.banner = QToolBar("Connection", window)
        self.banner.setObjectName("collab-banner")
        self.banner.setMovable(False)
        self.banner_text = QLabel()
        self.banner_text.setStyleSheet("QLabel { background: #f6d365; color: #3a2a00; padding: 6px 12px; }")
        self.banner.addWidget(self.banner_text)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        window.insertToolBarBreak(self.banner)
        self.banner.hide()
        self._add_actions()
        self._reroute_undo()
        window.session.document_replaced.connect(self._document_replaced)

    # ------------------------------------------------------------------ menus
    def _add_actions(self) -> None:
        file_menu = self.window.menus.file_menu
        before = next((a for a in file_menu.actions() if a.text() == "&Close"), file_menu.actions()[-1])
        self.share_action = QAction("S&hare on Network…", self.window)
        self.share_action.setStatusTip("Let others on this network edit this map with you")
        self.share_action.triggered.connect(self.open_share_dialog)
        self.join_action = QAction("&Join…", self.window)
        self.join_action.setStatusTip("Edit a map someone shares on this network")
        self.join_action.triggered.connect(self.open_join_dialog)
        self.leave_action = QAction("Stop Sharing", self.window)
        self.leave_action.triggered.connect(self.leave)
        self.leave_action.setEnabled(False)
        for action in (self.share_action, self.join_action, self.leave_action):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)

    def _reroute_undo(self) -> None:
        """Edit > Undo and Redo: the session's undo stack alone, the Y undo manager when shared."""
        menus, stack = self.window.menus, self.window.session.undo_stack
        menus.undo_action.triggered.disconnect()
        menus.undo_action.triggered.connect(lambda: self.shared.undo() if self.shared else stack.undo())
        menus.redo_action.triggered.disconnect()
        menus.redo_action.triggered.connect(lambda: self.shared.redo() if self.shared else stack.redo())

    def open_share_dialog(self) -> ShareDialog:
        dialog = ShareDialog(self.window, self.share)
        if self.host is not None and self.host.info is not None:
            dialog.show_info(self.host.info)
        self.share_dialog = dialog
        dialog.open()
        return dialog

    def open_join_dialog(self) -> JoinDialog:
        dialog = JoinDialog(self.window, self.name, self.join)
        self.join_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ sharing and joining
    def share(self, bind: str, port: int) -> HostInfo | None:
        """Host the open map on one interface and join it; None (and a message) when that fails."""
        from cjm_editor.collab.host import Host, HostOptions, default_store, legacy_store

        if self.host is not None:
            return self.host.info
        session = self.window.session
        journey = snapshot(session.document.journey)
        store, legacy = default_store(session.path, journey.id), legacy_store(journey.id)
        thread = HostThread(Host(journey, store, HostOptions(bind=bind, port=port), legacy))
        try:
            info = thread.start()
        except OSError as exc:
            self.window.show_message("Share on network", f"Cannot share on {bind}:{port}.", str(exc))
            return None
        self.host = thread
        self._path = session.path
        self._before = journey
        self.join(f"{info.address}:{info.port}", info.code, self.name)
        return info

    def join(self, address: str, code: str, name: str = "") -> SharedMap:
        from cjm_editor.collab.shared import SharedMap

        if self.shared is not None:
            self.shared.close()
        self.name = name.strip() or self.name
        shared = SharedMap(address, code, wake=self._wake.ring.emit, display=address)
        self.colour = PERSONA_COLOURS[shared.ydoc.client_id % len(PERSONA_COLOURS)]  # differs per person
        shared.joined.connect(self._joined)
        shared.status_changed.connect(self._status_changed)
        shared.presence_changed.connect(lambda _people: self._show_presence())
        shared.repaired.connect(self._repaired)
        self.shared = shared
        shared.start()
        self._show_status()
        return shared

    def _pump(self) -> None:
        if self.shared is not None:
            self.shared.pump()

    def _joined(self, doc: JourneyDocument) -> None:
        session = self.window.session
        if self.host is not None:
            session.replace(doc, self._path)
        else:
            session.replace(doc, None, Modified.IMPORTED)
        self.leave_action.setEnabled(True)
        self.window.scene.selectionChanged.connect(self._selection_changed)
        doc.events.changed.connect(self._show_presence)
        doc.events.changed.connect(session.mark_edited)  # peers' edits are not on the undo stack
        self._selection_changed()
        self._keep_what_was_open(doc)
        self._show_status()

    def _keep_what_was_open(self, doc: JourneyDocument) -> None:
        """A host that resumed its shared history shows the room's map; if the map that was open
        differs from it, that version is kept as a file beside the history and the host is told."""
        before, self._before = self._before, None
        info = self.host.info if self.host is not None else None
        if before is None or info is None or not info.resumed:
            return
        if cjm_json.dumps(before) == cjm_json.dumps(doc.journey):
            return
        kept = Path(info.store).with_name(
            f"{Path(info.store).stem}-before-sharing-{int(time.time())}.cjm.json"
        )
        try:
            cjm_json.save(before, kept)
        except SaveError as exc:
            kept = Path(str(exc))
        self.window.show_message(
            "Share on network",
            "This map's shared history was resumed, so the window now shows the shared map.",
            f"The map as it was open differed from it; that version is kept in {kept}.",
            QMessageBox.Icon.Information,
        )

    def _document_replaced(self, doc: JourneyDocument) -> None:
        if self.shared is not None and self.shared.doc is not None and doc is not self.shared.doc:
            self.leave()  # another map is shown: this window no longer takes part

    def leave(self) -> None:
        """Disconnect (and stop hosting); the map stays open as a normal map."""
        shared, self.shared = self.shared, None
        if shared is not None:
            if shared.doc is not None:
                shared.doc.events.changed.disconnect(self._show_presence)
                shared.doc.events.changed.disconnect(self.window.session.mark_edited)
                if shared.doc is self.window.session.document:
                    # the local history was planned against a map peers also changed: start afresh
                    self.window.session.undo_stack.clear()
            shared.close()
        if self.host is not None:
            self.host.stop()
            self.host = None
        self.leave_action.setEnabled(False)
        self._clear_outlines()
        self.banner.hide()
        self._show_status()

    def close(self) -> None:
        self.leave()

    # ------------------------------------------------------------------ what the window shows
    def _status_changed(self, state: str, detail: str) -> None:
        if state == OFFLINE and self.shared is not None and self.shared.doc is not None:
            self.banner_text.setText(
                "Connection to the shared map lost — keep editing: your changes merge when it is back."
            )
            self.banner.show()
        elif state == SYNCED:
            self.banner.hide()
            self._selection_changed()
        elif state == REFUSED:
            self.window.show_message("Join a shared map", "The host refused to let you in.", detail)
            self.leave()
        self._show_status()

    def _repaired(self, lines: list[str]) -> None:
        self.window.statusBar().showMessage("Repaired after a merge: " + "; ".join(lines), 10000)

    def _show_status(self) -> None:
        shared = self.shared
        if shared is None:
            self.status.hide()
            self.window.title_note = ""
            self.window._update_title()
            return
        people = [
            (str(s.get("name", "?")), str(s.get("colour", "#888888")))
            for s in shared.people.values()
            if isinstance(s, dict)
        ]
        names = ", ".join(f'<span style="color:{c}">●</span> {_escape(n)}' for n, c in people)
        state = {SYNCED: "shared", OFFLINE: "offline"}.get(shared.state, shared.state)
        role = "hosting" if self.host is not None else "joined"
        self.status.setText(f"<b>{role}, {state}</b> · you + {len(people)}: {names or 'nobody else yet'}")
        self.status.show()
        self.window.title_note = f" (shared, {len(people) + 1} people)"
        self.window._update_title()

    def _selection_changed(self) -> None:
        shared = self.shared
        if shared is None:
            return
        selected = [str(getattr(i, "element_id", "")) for i in self.window.scene.selectedItems()]
        shared.set_presence(self.name, self.colour, [s for s in selected if s])

    def _clear_outlines(self) -> None:
        for item in self._outlines:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self._outlines = []

    def _show_presence(self) -> None:
        """Others' selections as outlines in their colours, with their names."""
        self._clear_outlines()
        self._show_status()
        shared = self.shared
        if shared is None:
            return
        scene = self.window.scene
        for state in shared.people.values():
            if not isinstance(state, dict):
                continue
            colour = QColor(str(state.get("colour", "#888888")))
            for element_id in state.get("selection", []) or []:
                item = scene.item_for(str(element_id))
                if item is None:
                    continue
                rect = item.sceneBoundingRect().adjusted(-4, -4, 4, 4)
                outline = QGraphicsRectItem(rect)
                outline.setPen(QPen(colour, 3))
                outline.setZValue(1000)
                label = QGraphicsSimpleTextItem(str(state.get("name", "")))
                label.setBrush(colour)
                label.setPos(rect.left(), rect.top() - 16)
                label.setZValue(1000)
                for extra in (outline, label):
                    extra.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                    scene.addItem(extra)
                    self._outlines.append(extra)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
