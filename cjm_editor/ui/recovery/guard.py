"""One writer per file, and changes made to it from outside.

- A QLockFile beside the map (`.NAME.lock`, beside the file a symlink points to). A second window or
  editor opening the same file is asked (through `window.ask.locked`) to open it read-only, open a
  copy, or take over. A lock left by a killed process is stale (its process is gone) and is cleared
  without asking.
- A QFileSystemWatcher on the file and its folder, so an atomic replace (a new file renamed over the
  old one, as sync clients do) and a deletion are both seen. With no local edits the map reloads,
  keeping the view and the selection; with local edits the user is asked (`window.ask.outside_change`)
  and "keep both" saves this window's map beside the other program's file. Saving over a file that
  changed since it was read, or that was deleted, always asks first.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QTimer, Signal

from cjm_editor.formats.errors import LoadError

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow


class Claim(Enum):
    """What to do with a file another editor holds."""

    OPEN = "open"  # nobody else had it: this window holds the lock
    READ_ONLY = "read-only"
    COPY = "copy"
    TAKE_OVER = "take-over"
    CANCEL = "cancel"


class Outside(Enum):
    """What to do when the file changed on disk while this window has unsaved edits."""

    KEEP_BOTH = "keep-both"  # save this window's map beside the other program's file
    RELOAD = "reload"  # drop the edits and show the file as it is now
    KEEP_MINE = "keep-mine"  # keep editing; the next save asks before replacing the file


Signature = tuple[int, int, int] | None


def signature(path: str) -> Signature:
    """What identifies a version of a file on disk: inode, size, modification time (None: gone)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def lock_path(path: str) -> str:
    """The lock of the file itself: beside where a symlink points (saves write through it), so two
    paths to one file share one lock."""
    p = Path(os.path.realpath(path))
    return str(p.with_name(f".{p.name}.lock"))


def sibling(path: str, words: str) -> str:
    """A free file name beside `path`: `map (words).cjm.json`, then `map (words 2).cjm.json`, ..."""
    p = Path(path)
    name = p.name
    stem, suffix = (
        (name[: -len(".cjm.json")], ".cjm.json") if name.endswith(".cjm.json") else (p.stem, p.suffix)
    )
    n = 1
    while True:
        label = words if n == 1 else f"{words} {n}"
        candidate = p.with_name(f"{stem} ({label}){suffix}")
        if not candidate.exists():
            return str(candidate)
        n += 1


class FileGuard(QObject):
    """The lock and the watcher of one window's file. `outside_change(path)` after each change seen."""

    outside_change = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lock: QLockFile | None = None
        self.read_only = False
        self.deleted = False
        self.known: Signature = None  # the file as this window last read or wrote it
        self.watched: str | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._poke)
        self.watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self, singleShot=True, interval=150)  # a sync client writes in bursts
        self._settle.timeout.connect(self.check)
        self._asking = False

    # ------------------------------------------------------------------ the lock
    def claim(self, path: str) -> Claim:
        """Try to lock `path` for this window; ask what to do when another editor holds it."""
        if self.lock is not None and self.lock.fileName() == lock_path(path):
            return Claim.OPEN
        lock = QLockFile(lock_path(path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            self._hold(lock)
            return Claim.OPEN
        if lock.error() != QLockFile.LockError.LockFailedError:
            return Claim.OPEN  # cannot write a lock there (a read-only folder): nobody can hold it
        info = lock.getLockInfo()
        holder = f"process {info[-3]} on {info[-2]}" if len(info) >= 3 and info[-3] else "another editor"
        choice: Claim = self.window.ask.locked(self.window, Path(path).name, holder)
        if choice is Claim.TAKE_OVER:
            lock.removeStaleLockFile()
            if not lock.tryLock(0):
                os.remove(lock_path(path))
                lock.tryLock(0)
            self._hold(lock)
        return choice

    def hold_quietly(self, path: str) -> bool:
        """Lock a file this window just saved to, if nobody else holds it (a Save As)."""
        if self.lock is not None and self.lock.fileName() == lock_path(path):
            return True
        lock = QLockFile(lock_path(path))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._hold(lock)
            return True
        return False

    def _hold(self, lock: QLockFile) -> None:
        self.release()
        self.lock = lock

    def release(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    # ------------------------------------------------------------------ the watcher
    def follow(self, path: str | None) -> None:
        """Watch `path` (None: nothing) and remember it as it is now."""
        for old in self.watcher.files() + self.watcher.directories():
            self.watcher.removePath(old)
        self.watched = os.path.abspath(path) if path else None
        self.deleted = False
        self.known = signature(path) if path else None
        if self.watched:
            self.watcher.addPath(str(Path(self.watched).parent))
            if os.path.exists(self.watched):
                self.watcher.addPath(self.watched)

    def wrote(self) -> None:
        """This window just saved the file: what is on disk now is ours."""
        self.follow(self.watched)

    def _poke(self, _path: str) -> None:
        self._settle.start()

    def changed_on_disk(self) -> bool:
        return self.watched is not None and signature(self.watched) != self.known

    def check(self) -> None:
        """Look at the file now: reload, ask, or report a deletion."""
        path = self.watched
        if path is None or self._asking or not self.changed_on_disk():
            return
        if path not in self.watcher.files() and os.path.exists(path):
            self.watcher.addPath(path)  # an atomic replace: the watch went with the old file
        now = signature(path)
        if now is None:
            if not self.deleted:
                self.deleted = True
                self.window.show_message(
                    "The map's file was deleted",
                    f"{Path(path).name} was deleted or moved by another program.",
                    "The map stays open here. Saving it will ask before writing the file again.",
                )
                self.outside_change.emit(path)
            return
        self.deleted = False
        session = self.window.session
        if not session.is_modified():
            self.reload()
        else:
            self._asking = True
            try:
                answer: Outside = self.window.ask.outside_change(self.window, Path(path).name)
            finally:
                self._asking = False
            if answer is Outside.RELOAD:
                self.reload()
            elif answer is Outside.KEEP_BOTH:
                mine = sibling(path, "my changes")
                if self.window.files.save_as(mine):
                    self.window.statusBar().showMessage(
                        f"{Path(path).name} was changed by another program; your map is saved as "
                        f"{Path(mine).name}",
                        10000,
                    )
        self.outside_change.emit(path)

    def reload(self) -> bool:
        """Show the file as it is on disk, keeping the view and the selection where they still exist."""
        path = self.watched
        if path is None:
            return False
        w = self.window
        selected = [str(getattr(i, "element_id", "")) for i in w.scene.selectedItems()]
        transform = w.canvas.transform()
        h, v = w.canvas.horizontalScrollBar().value(), w.canvas.verticalScrollBar().value()
        try:
            w.session.load(path)
        except LoadError as exc:
            w.show_message(
                "Cannot reload the map", f"{Path(path).name} changed but cannot be read.", str(exc)
            )
            self.known = signature(path)
            return False
        self.known = signature(path)
        w.canvas.setTransform(transform)
        w.canvas.horizontalScrollBar().setValue(h)
        w.canvas.verticalScrollBar().setValue(v)
        keep = [i for i in selected if i and w.document.collection_of(i) is not None]
        if keep:
            w.scene.select_only(keep)
        w.statusBar().showMessage(f"Reloaded {Path(path).name}: it was changed by another program", 6000)
        return True

    def may_save(self, path: str) -> bool:
        """Before writing `path`: ask when the file changed since it was read, or was deleted."""
        if self.read_only and os.path.abspath(path) == self.watched:
            return False
        if self.watched is None or os.path.abspath(path) != self.watched:
            return True
        now = signature(path)
        if now == self.known:
            return True
        name = Path(path).name
        if now is None:
            return bool(
                self.window.ask.confirm(
                    self.window, "The file was deleted", f"{name} was deleted or moved. Save it there again?"
                )
            )
        return bool(
            self.window.ask.confirm(
                self.window,
                "The file changed on disk",
                f"{name} was changed by another program since you opened it. Replace it with this map?",
            )
        )
