"""Autosave: a snapshot of the open map in the recovery folder, never over the user's file.

A snapshot is taken AUTOSAVE_DELAY_MS after edits stop, and at least every AUTOSAVE_MAX_MS while
editing goes on. On the UI thread only an immutable copy of the map is made (`model.journey.snapshot`,
list copies sharing the value entities); serialising and the atomic write run on a worker thread of
the global QThreadPool, so typing never waits on the disk. Works for any DocumentSession (it reads
`session.document`); co-editing calls `note_change()` when a remote change lands.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import SaveError
from cjm_editor.formats.recovery import RecoveryStore
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Journey, snapshot
from cjm_editor.ui.session import DocumentSession

AUTOSAVE_DELAY_MS = 3000
AUTOSAVE_MAX_MS = 60_000


class _Signals(QObject):
    written = Signal(object, int)  # the time of the snapshot, its generation
    failed = Signal(str)


class _Write(QRunnable):
    """Serialise a map copy and write it to the recovery store (runs on a pool thread)."""

    def __init__(
        self,
        store: RecoveryStore,
        journey: Journey,
        path: str | None,
        generation: int,
        signals: _Signals,
        lock: threading.Lock,
    ) -> None:
        super().__init__()
        self.store, self.journey, self.path, self.generation = store, journey, path, generation
        self.signals, self.lock = signals, lock

    def run(self) -> None:
        try:
            text = cjm_json.dumps(self.journey)
            with self.lock:  # snapshots of one map land in the order they were taken
                self.store.write(self.journey.id, text, self.path, self.journey.title)
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

    def _replaced(self, doc: JourneyDocument) -> None:
        if doc.journey.id != self._was_id:
            self.store.remove(self._was_id)  # the map we showed before is closed (its file or a choice)
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
    def take(self) -> _Write:
        """The UI-thread part of a snapshot: an immutable copy of the map, ready for a worker."""
        self._idle.stop()
        self._longest.stop()
        return _Write(
            self.store,
            snapshot(self.session.document.journey),
            self.session.path,
            self._generation,
            self._signals,
            self._lock,
        )

    def snapshot_now(self) -> None:
        """Write a snapshot on a worker thread (nothing to do when the map is saved as it is)."""
        if not self.session.is_modified():
            self.pending = False
            return
        QThreadPool.globalInstance().start(self.take())

    def flush(self) -> bool:
        """Write a snapshot now, on this thread (the emergency save, and before a crash test)."""
        job = self.take()
        try:
            text = cjm_json.dumps(job.journey)
            with self._lock:
                self.store.write(job.journey.id, text, job.path, job.journey.title)
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
        QThreadPool.globalInstance().waitForDone(2000)  # no snapshot in flight recreates it
        self.store.remove(self.session.document.journey.id)

    def closed_cleanly(self) -> None:
        """The window closed after its changes were saved or discarded: remove the snapshot."""
        self._idle.stop()
        self._longest.stop()
        QThreadPool.globalInstance().waitForDone(2000)
        self.store.remove(self.session.document.journey.id)
