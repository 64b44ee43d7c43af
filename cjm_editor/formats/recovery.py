"""Where the editor keeps what it must never lose: recovery snapshots and saved versions.

Both live under the user data folder (platformdirs; XDG_DATA_HOME on Linux), never beside the
user's file, and both are keyed by the map's documentId.

- RecoveryStore: one snapshot per open map (`recovery/ID.snapshot.json`, the map in its file format)
  and a small manifest (`recovery/ID.manifest.json`: original path, title, time, pid, clean flag,
  format version). A clean close removes both; what is left after a crash is offered on the next start.
- HistoryStore: the saved versions of each map (`history/ID/TIME.json`): the last KEEP_LAST, plus the
  newest of each day for KEEP_DAYS days; older ones are pruned on every save.

Snapshots and versions are written atomically; a torn write is never read back.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs

from cjm_editor.formats import cjm_json
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.migrations import CURRENT_VERSION
from cjm_editor.model.journey import Journey

APP = "cjm-editor"
KEEP_LAST = 20
KEEP_DAYS = 30
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


def data_folder() -> Path:
    """The user data folder of the editor (XDG_DATA_HOME/cjm-editor on Linux)."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def _key(document_id: str) -> str:
    return _SAFE_ID.sub("_", document_id) or "map"


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

    document_id: str
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
    """Recovery snapshots of open maps, one per documentId."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root if root is not None else data_folder()) / "recovery"

    def snapshot_file(self, document_id: str) -> Path:
        return self.root / f"{_key(document_id)}.snapshot.json"

    def manifest_file(self, document_id: str) -> Path:
        return self.root / f"{_key(document_id)}.manifest.json"

    def write(
        self, document_id: str, text: str, path: str | None, title: str, pid: int | None = None
    ) -> None:
        """Store a snapshot (the map's file text) and its manifest, each atomically. Raises SaveError."""
        self.root.mkdir(parents=True, exist_ok=True)
        write_atomic(self.snapshot_file(document_id), text.encode("utf-8"))
        manifest = {
            "documentId": document_id,
            "path": os.path.abspath(path) if path else None,
            "title": title,
            "time": datetime.now(UTC).isoformat(),
            "pid": os.getpid() if pid is None else pid,
            "clean": False,
            "formatVersion": CURRENT_VERSION,
        }
        write_atomic(self.manifest_file(document_id), json.dumps(manifest, indent=2).encode("utf-8"))

    def remove(self, document_id: str) -> None:
        """Forget a snapshot (a clean close, a discard, a save that made it pointless)."""
        for f in (self.snapshot_file(document_id), self.manifest_file(document_id)):
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
        document_id = str(value["documentId"])
        return Snapshot(
            document_id=document_id,
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


# ---------------------------------------------------------------------- history
@dataclass(frozen=True, slots=True)
class Version:
    """One saved version of a map."""

    file: Path
    time: datetime
    size: int

    def load(self) -> Journey:
        return cjm_json.load(self.file).journey


_STAMP = "%Y%m%dT%H%M%S.%fZ"


class HistoryStore:
    """The saved versions of each map, pruned to the last KEEP_LAST plus one a day for KEEP_DAYS days."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root if root is not None else data_folder()) / "history"

    def folder(self, document_id: str) -> Path:
        return self.root / _key(document_id)

    def add(self, document_id: str, text: str, when: datetime | None = None) -> Version:
        """Keep a copy of a saved map (not twice the same text), then prune. Raises SaveError."""
        when = when if when is not None else datetime.now(UTC)
        data = text.encode("utf-8")
        versions = self.versions(document_id)
        if versions and versions[0].size == len(data) and versions[0].file.read_bytes() == data:
            return versions[0]
        folder = self.folder(document_id)
        folder.mkdir(parents=True, exist_ok=True)
        file = folder / f"{when.astimezone(UTC).strftime(_STAMP)}.json"
        write_atomic(file, data)
        self.prune(document_id, now=when)
        return Version(file, when, len(data))

    def versions(self, document_id: str) -> list[Version]:
        """Saved versions, newest first."""
        return sorted(_versions(self.folder(document_id)), key=lambda v: v.time, reverse=True)

    def prune(self, document_id: str, now: datetime | None = None) -> list[Path]:
        """Remove versions beyond the last KEEP_LAST that are not the newest of their day within
        KEEP_DAYS days. Returns the removed files."""
        now = now if now is not None else datetime.now(UTC)
        versions = self.versions(document_id)
        keep = {v.file for v in versions[:KEEP_LAST]}
        days: set[str] = set()
        for v in versions:  # newest first, so the first seen of a day is its newest
            day = v.time.date().isoformat()
            if now - v.time <= timedelta(days=KEEP_DAYS) and day not in days:
                days.add(day)
                keep.add(v.file)
        removed = [v.file for v in versions if v.file not in keep]
        for f in removed:
            with contextlib.suppress(FileNotFoundError):
                f.unlink()
        return removed


def _versions(folder: Path) -> Iterator[Version]:
    if not folder.is_dir():
        return
    for f in folder.glob("*.json"):
        try:
            when = datetime.strptime(f.stem, _STAMP).replace(tzinfo=UTC)
            yield Version(f, when, f.stat().st_size)
        except (ValueError, OSError):
            continue
