"""Where the editor keeps what it must never lose: recovery snapshots (saved versions are in
`formats/history.py`).

Both live under the user data folder (platformdirs; XDG_DATA_HOME on Linux), never beside the
user's file, and neither is keyed by the map's documentId alone: copies of a map share that id.

- RecoveryStore: one snapshot per editor window (`recovery/KEY.snapshot.json`, the map in its file
  format, KEY a fresh `new_key()` of the window) and a small manifest (`recovery/KEY.manifest.json`:
  the map's path, title, documentId, time, pid, clean flag, format version). Two windows never share a
  snapshot, whatever their maps' ids. A clean close removes both; what is left after a crash is
  offered on the next start. Snapshots of older editors (KEY was the documentId) read the same way.

Snapshots are written atomically; a torn write is never read back.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from cjm_editor.formats import cjm_json
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.migrations import CURRENT_VERSION
from cjm_editor.model.journey import Journey

APP = "cjm-editor"
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


def data_folder() -> Path:
    """The user data folder of the editor (XDG_DATA_HOME/cjm-editor on Linux)."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def safe_key(text: str) -> str:
    """`text` as a file name part (what older editors named their folders by a documentId with)."""
    return _SAFE_ID.sub("_", text) or "map"


def file_key(path: str | os.PathLike[str]) -> str:
    """What the editor files per-file state under: the file's name (for people) and a hash of its
    resolved path (so two files, copies or not, never share it, and two paths to one file do)."""
    resolved = os.path.realpath(path)
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:16]
    return f"{safe_key(os.path.basename(resolved))[:60]}-{digest}"


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (on this machine)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A recovery snapshot left on disk, described by its manifest."""

    key: str  # the name its files are stored under
    document_id: str  # the map's documentId (a label: copies share it)
    path: str | None  # the map's file when the snapshot was taken; None for a map never saved
    title: str
    time: datetime
    pid: int
    clean: bool
    format_version: int
    file: Path

    def load(self) -> Journey:
        """The map the snapshot holds (upgraded when it was written by an older format). Raises LoadError."""
        return cjm_json.load(self.file).journey

    def file_is_newer(self) -> bool:
        """Whether the map's own file changed after the snapshot was taken (restoring must then ask)."""
        if not self.path:
            return False
        try:
            return datetime.fromtimestamp(os.stat(self.path).st_mtime, UTC) > self.time
        except OSError:
            return False


class RecoveryStore:
    """Recovery snapshots of open maps, one per window (its `new_key()`)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root if root is not None else data_folder()) / "recovery"

    @staticmethod
    def new_key() -> str:
        """A key of its own for one window's snapshots."""
        return f"window-{uuid.uuid4().hex}"

    def snapshot_file(self, key: str) -> Path:
        return self.root / f"{safe_key(key)}.snapshot.json"

    def manifest_file(self, key: str) -> Path:
        return self.root / f"{safe_key(key)}.manifest.json"

    def write(
        self,
        key: str,
        text: str,
        path: str | None,
        title: str,
        pid: int | None = None,
        document_id: str = "",
    ) -> None:
        """Store a snapshot (the map's file text) under `key` with its manifest, each atomically.
        Raises SaveError."""
        self.root.mkdir(parents=True, exist_ok=True)
        write_atomic(self.snapshot_file(key), text.encode("utf-8"))
        manifest = {
            "key": key,
            "documentId": document_id or key,
            "path": os.path.abspath(path) if path else None,
            "title": title,
            "time": datetime.now(UTC).isoformat(),
            "pid": os.getpid() if pid is None else pid,
            "clean": False,
            "formatVersion": CURRENT_VERSION,
        }
        write_atomic(self.manifest_file(key), json.dumps(manifest, indent=2).encode("utf-8"))

    def remove(self, key: str) -> None:
        """Forget a snapshot (a clean close, a discard, a save that made it pointless)."""
        for f in (self.snapshot_file(key), self.manifest_file(key)):
            with contextlib.suppress(FileNotFoundError):
                f.unlink()

    def all(self) -> list[Snapshot]:
        """Every snapshot whose manifest and map can be read, newest first."""
        out = []
        for manifest in sorted(self.root.glob("*.manifest.json")) if self.root.is_dir() else []:
            snap = _read_manifest(manifest)
            if snap is not None and snap.file.is_file():
                out.append(snap)
        return sorted(out, key=lambda s: s.time, reverse=True)

    def pending(self) -> list[Snapshot]:
        """Snapshots of maps that were not closed cleanly and whose editor is no longer running."""
        me = os.getpid()
        return [s for s in self.all() if not s.clean and s.pid != me and not process_alive(s.pid)]


def _read_manifest(manifest: Path) -> Snapshot | None:
    try:
        value: Any = json.loads(manifest.read_text(encoding="utf-8"))
        key = manifest.name.removesuffix(".manifest.json")  # older editors: the documentId
        return Snapshot(
            key=key,
            document_id=str(value.get("documentId") or key),
            path=value.get("path") or None,
            title=str(value.get("title", "")),
            time=datetime.fromisoformat(value["time"]),
            pid=int(value.get("pid", 0)),
            clean=bool(value.get("clean", False)),
            format_version=int(value.get("formatVersion", 0)),
            file=manifest.with_name(manifest.name.replace(".manifest.json", ".snapshot.json")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
