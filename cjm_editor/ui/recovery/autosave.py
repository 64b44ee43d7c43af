"""Autosave: a snapshot of the open map in the recovery folder, never over the user's file.

A snapshot is taken AUTOSAVE_DELAY_MS after edits stop, and at least every AUTOSAVE_MAX_MS while
editing goes on. Serialising a big map is pure Python: a worker thread doing it holds the GIL and
made every drag step three times slower (bench/bench_autosave.py). So a writer process keeps its own
copy of the map in step through the document's events and writes the snapshot (`ui/recovery/writer.py`,
`formats/snapshot_writer.py`); the UI thread only queues small messages. Should that process not
start or die, the UI thread makes an immutable copy (`model.journey.snapshot`: list copies sharing
the value entities) and a QThreadPool worker serialises and writes it. Either way the write is
atomic and typing never waits on the disk.

Works for any DocumentSession (it reads `session.document`); co-editing calls `note_change()` when a
remote change lands (events of the document already reach the writer process).

Each Autosave (one per window) writes under a key of its own (`RecoveryStore.new_key()`), never the
map's documentId: two windows on copies of one map (same documentId) keep two snapshots.
"""

from __future__ import annotations

import os
import sys
import threading
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import SaveError
from cjm_editor.formats.recovery import RecoveryStore
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Journey, snapshot
from cjm_editor.ui.recovery.writer import WriterProcess
from cjm_editor.ui.session import DocumentSession

AUTOSAVE_DELAY_MS = 3000
AUTOSAVE_MAX_MS = 60_000
USE_PROCESS = os.environ.get("CJM_AUTOSAVE_PROCESS", "1") != "0" and not getattr(sys, "frozen", False)
"""The writer process runs `python -m`; a frozen build (one binary) uses the thread."""


class _Signals(QObject):
    written = Signal(object, int)  # the time of the snapshot, its generation
    failed = Signal(str)


class _Write(QRunnable):
    """Serialise a map copy and write it to the recovery store (the fallback: on a pool thread)."""

    def __init__(
        self,
        store: RecoveryStore,
        key: str,
        journey: Journey,
        path: str | None,
        generation: int,
        signals: _Signals,
        lock: threading.Lock,
    ) -> None:
        super().__init__()
        self.store, self.key, self.journey, self.path = store, key, journey, path
        self.generation = generation
        self.signals, self.lock = signals, lock

    def run(self) -> None:
        try:
            text = cjm_json.dumps(self.journey)
            with self.lock:  # snapshots of one map land in the order they were taken
                self.store.write(self.key, text, self.path, self.journey.title, document_id=self.journey.id)
            self.signals.written.emit(datetime.now(UTC), self.generation)
        except (SaveError, OSError, ValueError) as exc:
            self.signals.failed.emit(str(exc))


class Autosave(QObject):
    """Keeps a recovery snapshot of a session's map current. `autosaved(time)` after each write."""

    autosaved = Signal(object)
    failed = Signal(str)

    def __init__(
        self, session: DocumentSession, store: RecoveryStore | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent if parent is not None else session)
        self.session = session
        self.store = store if store is not None else RecoveryStore()
        self.key = self.store.new_key()  # this window's snapshot, whichever map it shows
        self.last_autosaved: datetime | None = None
        self.last_saved: datetime | None = None
        self._generation = 0  # edits seen
        self._written = 0  # the generation the last snapshot holds
        self._lock = threading.Lock()
        self._signals = _Signals(self)
        self._signals.written.connect(self._on_written)
        self._signals.failed.connect(self.failed)
        self._idle = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._idle.timeout.connect(self.snapshot_now)
        self._longest = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_MS)
        self._longest.timeout.connect(self.snapshot_now)
        self._writer: WriterProcess | None = None  # started with the first snapshot
        self._broken = False  # the writer process died: use the thread
        self._doc: JourneyDocument | None = None
        self._bind(session.document)
        session.document_replaced.connect(self._replaced)
        session.modified_changed.connect(self._modified_changed)
        self._was_id = session.document.journey.id

    # ------------------------------------------------------------------ what happens to the map
    def _bind(self, doc: JourneyDocument) -> None:
        if self._doc is not None:
            self._doc.events.changed.disconnect(self.note_change)
        self._doc = doc
        doc.events.changed.connect(self.note_change)
        if self._writer is not None:
            self._writer.follow(doc)

    def _replaced(self, doc: JourneyDocument) -> None:
        if doc.journey.id != self._was_id:  # another map, not the same one reloaded or shared
            self.wait()
            self.store.remove(self.key)  # the map shown before is closed (saved or let go)
        self._was_id = doc.journey.id
        self._bind(doc)
        if self.session.is_modified():  # an import or a recovery: cover it at once
            self.note_change()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:  # back to what the file holds (undone to the save point, or saved)
            self.pending = False

    def note_change(self) -> None:
        """The map changed: snapshot once edits pause, and no later than AUTOSAVE_MAX_MS from now."""
        self._generation += 1
        self._idle.start()
        if not self._longest.isActive():
            self._longest.start()

    @property
    def pending(self) -> bool:
        """Edits not yet in a snapshot."""
        return self._generation != self._written

    @pending.setter
    def pending(self, value: bool) -> None:
        if not value:
            self._idle.stop()
            self._longest.stop()
            self._written = self._generation

    # ------------------------------------------------------------------ writing
    def _process(self) -> WriterProcess | None:
        """The writer process, started on first use; None when it cannot run (the thread is used)."""
        if not USE_PROCESS or self._broken:
            return None
        if self._writer is None:
            try:
                self._writer = WriterProcess(self.store.root.parent, os.getpid())
            except OSError:
                return None
            self._writer.answers.written.connect(lambda g: self._on_written(datetime.now(UTC), g))
            self._writer.answers.failed.connect(self.failed)
            self._writer.answers.died.connect(self._writer_died)
            self._writer.follow(self.session.document)
        return self._writer

    def _writer_died(self) -> None:
        """The writer process ended by itself: snapshots go through the thread from now on."""
        self._broken = True
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        if self.pending:
            self.snapshot_now()

    def take(self) -> _Write:
        """The UI-thread part of a snapshot on the fallback path: an immutable copy of the map."""
        self._idle.stop()
        self._longest.stop()
        return _Write(
            self.store,
            self.key,
            snapshot(self.session.document.journey),
            self.session.path,
            self._generation,
            self._signals,
            self._lock,
        )

    def snapshot_now(self) -> None:
        """Write a snapshot off the UI thread (nothing to do when the map is saved as it is)."""
        if not self.session.is_modified():
            self.pending = False
            return
        writer = self._process()
        if writer is not None:
            self._idle.stop()
            self._longest.stop()
            writer.write(self._generation, self.session.path, self.key)
            return
        QThreadPool.globalInstance().start(self.take())

    @property
    def writing(self) -> bool:
        """A snapshot is being written."""
        busy = self._writer is not None and self._writer.busy
        return busy or QThreadPool.globalInstance().activeThreadCount() > 0

    def wait(self) -> None:
        """Until no snapshot is being written (before removing it; at the end of a bench)."""
        if self._writer is not None:
            self._writer.wait()
        QThreadPool.globalInstance().waitForDone(5000)

    def flush(self) -> bool:
        """Write a snapshot now, on this thread (the emergency save)."""
        job = self.take()
        try:
            text = cjm_json.dumps(job.journey)
            self.wait()
            with self._lock:
                self.store.write(self.key, text, job.path, job.journey.title, document_id=job.journey.id)
        except (SaveError, OSError, ValueError):
            return False
        self._on_written(datetime.now(UTC), job.generation)
        return True

    def _on_written(self, when: datetime, generation: int) -> None:
        self._written = max(self._written, generation)
        self.last_autosaved = when
        self.autosaved.emit(when)

    def saved(self) -> None:
        """The map was saved to its file: its snapshot is no longer needed."""
        self.pending = False
        self.last_saved = datetime.now(UTC)
        self.wait()  # no snapshot in flight recreates it
        self.store.remove(self.key)

    def closed_cleanly(self) -> None:
        """The window closed after its changes were saved or discarded: remove the snapshot."""
        self._idle.stop()
        self._longest.stop()
        self.wait()
        self.store.remove(self.key)
        self.stop()

    def stop(self) -> None:
        """End the writer process (it also ends by itself when this process goes away)."""
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
