"""A joined shared map, as one thread (the GUI's, or a script's) sees it.

`SharedMap` owns the Y doc this thread edits, the `Binding` to its `JourneyDocument` and the `Peer`
whose worker thread does the networking. Updates from the worker wait in a queue until `pump()` runs
in the owning thread (the GUI wakes it through a queued Qt signal from `wake`).
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from typing import Any

from pycrdt import Doc

from cjm_editor.collab.binding import Binding
from cjm_editor.collab.peer import OFFLINE, REFUSED, SYNCED, Peer
from cjm_editor.collab.ystate import is_empty, read_journey
from cjm_editor.model.document import JourneyDocument
from cjm_editor.model.events import Event


class JoinError(Exception):
    """Joining failed: refused, or the host could not be reached in time."""


class SharedMap:
    """Join the room at `address` (HOST:PORT) with `code`; call `pump()` in this thread."""

    def __init__(
        self,
        address: str,
        code: str,
        wake: Callable[[], None] = lambda: None,
        display: str = "shared map",
    ) -> None:
        self.address, self.display = address, display
        self.ydoc: Doc[Any] = Doc()
        self.binding: Binding | None = None
        self.state, self.detail = "connecting", ""
        self.refused = ""
        self.people: dict[int, dict[str, Any]] = {}
        self.status_changed: Event[[str, str]] = Event()
        self.presence_changed: Event[[dict[int, dict[str, Any]]]] = Event()
        self.joined: Event[[JourneyDocument]] = Event()
        self.repaired: Event[[list[str]]] = Event()
        self._queue: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._wake = wake
        self._closed = False
        self.peer = Peer(
            address,
            code,
            on_update=lambda u: self._post("update", u),
            on_status=lambda s, d: self._post("status", (s, d)),
            on_presence=lambda p: self._post("presence", p),
        )

    def start(self) -> None:
        self.peer.start()

    def _post(self, kind: str, value: Any) -> None:
        self._queue.put((kind, value))
        self._wake()

    @property
    def doc(self) -> JourneyDocument | None:
        return self.binding.doc if self.binding is not None else None

    def pump(self) -> None:
        """Apply what the worker received (in the thread that owns the document)."""
        while True:
            try:
                kind, value = self._queue.get_nowait()
            except queue.Empty:
                return
            if kind == "update":
                if self.binding is not None:
                    self.binding.apply_remote(value)
                else:
                    self.ydoc.apply_update(value)
            elif kind == "status":
                self.state, self.detail = value
                if self.state == REFUSED:
                    self.refused = self.detail
                if self.state == SYNCED and self.binding is None and not is_empty(self.ydoc):
                    self._bind()
                self.status_changed.emit(self.state, self.detail)
            else:
                self.people = value
                self.presence_changed.emit(value)

    def _bind(self) -> None:
        journey, report = read_journey(self.ydoc, self.display)
        self.binding = Binding(JourneyDocument(journey), self.ydoc, self.display)
        self.binding.outgoing.connect(self.peer.send)
        self.binding.repaired.connect(self.repaired.emit)
        if report:
            self.binding.write_document()
            self.repaired.emit(report.lines())
        self.joined.emit(self.binding.doc)

    def wait(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Pump until `condition()` holds or `timeout` seconds pass (for scripts and tests)."""
        end = time.monotonic() + timeout
        while True:
            self.pump()
            if condition():
                return True
            if time.monotonic() > end:
                return False
            time.sleep(0.005)

    def join(self, timeout: float = 30.0) -> JourneyDocument:
        """Start and wait until the map is here; JoinError when refused or out of time."""
        self.start()
        self.wait(lambda: self.binding is not None or bool(self.refused), timeout)
        if self.binding is None:
            self.close()
            why = self.refused or (self.detail if self.state == OFFLINE else "no answer from the host")
            raise JoinError(f"{self.address}: {why}")
        return self.binding.doc

    def set_presence(self, name: str, colour: str, selection: list[str] | None = None) -> None:
        self.peer.set_presence({"name": name, "colour": colour, "selection": selection or []})

    def undo(self) -> bool:
        return self.binding.undo() if self.binding is not None else False

    def redo(self) -> bool:
        return self.binding.redo() if self.binding is not None else False

    def close(self) -> None:
        """Send what is queued and disconnect (again: nothing)."""
        if self._closed:
            return
        self._closed = True
        self.peer.stop()
        if self.binding is not None:
            self.binding.close()
