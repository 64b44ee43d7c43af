"""The editor's side of the autosave writer process (`formats/snapshot_writer.py`).

Document events become small messages on a queue; a sender thread pickles them and writes them to
the process's stdin (blocking there, if it must, without the GIL); a reader thread turns its answers
into `written(generation)` / `failed(text)` signals. The UI thread only puts tuples on a queue.
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from cjm_editor.formats.snapshot_writer import frame
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import snapshot
from cjm_editor.model.registry import COLLECTIONS

_JOURNEY_FIELDS = ("title", "description", "scale", "workshop", "extra")
_running: weakref.WeakSet[WriterProcess] = weakref.WeakSet()


class _Answers(QObject):
    written = Signal(int)
    failed = Signal(str)
    died = Signal()


class WriterProcess:
    """One writer process following one document at a time."""

    def __init__(self, data_folder: Path, editor_pid: int) -> None:
        self.answers = _Answers()
        self._queue: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._acked = 0
        self._asked = 0
        self._done = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cjm_editor.formats.snapshot_writer", str(data_folder), str(editor_pid)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.alive = True
        self._doc: JourneyDocument | None = None
        self._handlers: list[tuple[Any, Any]] = []
        threading.Thread(target=self._send, daemon=True, name="cjm-autosave-send").start()
        threading.Thread(target=self._receive, daemon=True, name="cjm-autosave-receive").start()
        _running.add(self)

    # ------------------------------------------------------------------ following a document
    def follow(self, doc: JourneyDocument) -> None:
        """Send the whole map, then every change to it."""
        self.unfollow()
        self._doc = doc
        self._queue.put(("reset", snapshot(doc.journey)))
        for c in COLLECTIONS:
            events = doc.events.of(c.name)
            name = c.name
            put = self._putter(name)
            delete = self._deleter(name)
            for event, handler in (
                (events.inserted, put),
                (events.removed, delete),
                (events.changed, self._replacer(put)),
                (events.moved, self._replacer(put)),
            ):
                event.connect(handler)
                self._handlers.append((event, handler))
        fields = self._map_fields
        doc.events.journey_changed.connect(fields)
        self._handlers.append((doc.events.journey_changed, fields))

    def unfollow(self) -> None:
        for event, handler in self._handlers:
            with contextlib.suppress(ValueError):
                event.disconnect(handler)
        self._handlers.clear()
        self._doc = None

    def _putter(self, name: str) -> Any:
        return lambda entity: self._queue.put(("put", name, entity))

    def _deleter(self, name: str) -> Any:
        return lambda entity: self._queue.put(("del", name, entity.id))

    @staticmethod
    def _replacer(put: Any) -> Any:
        return lambda _old, new: put(new)

    def _map_fields(self) -> None:
        if self._doc is not None:
            j = self._doc.journey
            self._queue.put(("map", {k: getattr(j, k) for k in _JOURNEY_FIELDS} | {"id": j.id}))

    def write(self, generation: int, path: str | None, key: str) -> None:
        """Ask for a snapshot of the map as it is now, stored under `key` (the window's)."""
        with self._done:
            self._asked = max(self._asked, generation)
        self._queue.put(("write", generation, path, key))

    def wait(self, timeout: float = 10.0) -> bool:
        """Until every write asked for is done (or the process died)."""
        with self._done:
            return self._done.wait_for(lambda: self._acked >= self._asked or not self.alive, timeout)

    @property
    def busy(self) -> bool:
        with self._done:
            return self._acked < self._asked and self.alive

    # ------------------------------------------------------------------ threads
    def _send(self) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            while (message := self._queue.get()) is not None:
                stdin.write(frame(message))
                if message[0] == "write":
                    stdin.flush()
        except (OSError, ValueError):
            self._died()
        finally:
            with contextlib.suppress(OSError, ValueError):
                stdin.close()

    def _receive(self) -> None:
        stdout = self.proc.stdout
        assert stdout is not None
        for raw in stdout:
            word, _, rest = raw.decode("utf-8", "replace").strip().partition(" ")
            generation_text, _, text = rest.partition(" ")
            generation = int(generation_text) if generation_text.isdigit() else 0
            with self._done:
                self._acked = max(self._acked, generation)
                self._done.notify_all()
            if word == "written":
                self.answers.written.emit(generation)
            else:
                self.answers.failed.emit(text)
        self._died()

    def _died(self) -> None:
        with self._done:
            was, self.alive = self.alive, False
            self._done.notify_all()
        if was:
            self.answers.died.emit()

    def stop(self) -> None:
        """Close the process's input (it ends) and reap it."""
        with self._done:
            self.alive = False  # an end asked for, not a death to report
        self.unfollow()
        self._queue.put(None)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        if self.proc.stdout is not None:
            with contextlib.suppress(OSError):
                self.proc.stdout.close()
        _running.discard(self)


@atexit.register
def _stop_all() -> None:
    for writer in list(_running):
        writer.stop()
