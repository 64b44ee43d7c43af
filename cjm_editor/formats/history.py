"""The saved versions of each map file, for File → History.

Versions are kept per file, under the user data folder: `history/KEY/TIME.json`, KEY being
`recovery.file_key(path)` (the file's name and a hash of its resolved path), with `file.json` saying
which file that is, its documentId when last saved, and which versions came from another file. A
copy of a map (`cp`, a sync client) shares the original's documentId but never its versions. A Save
As made in the editor carries the versions over: the new file's History starts with the ones that
led to it, labelled with the file they were saved as; the old file keeps its own.

Older editors kept versions per documentId (`history/ID/`, no `file.json`). Those folders are never
moved or deleted: `others()` lists them, with the versions of files that had the same documentId and
are gone (moved or deleted outside the editor), as versions that may belong to the map.

Each folder keeps the last KEEP_LAST versions plus the newest of each day for KEEP_DAYS days; older
ones are pruned on every save. Versions are written atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cjm_editor.formats import cjm_json
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.recovery import data_folder, file_key, safe_key
from cjm_editor.model.journey import Journey

KEEP_LAST = 20
KEEP_DAYS = 30
INFO = "file.json"
LEGACY = "saved before History was kept per file"
_STAMP = "%Y%m%dT%H%M%S.%fZ"


@dataclass(frozen=True, slots=True)
class Version:
    """One saved version of a map. `origin` is empty for a version of the file asked about, else
    where it came from (the file it was saved as, or LEGACY)."""

    file: Path
    time: datetime
    size: int
    origin: str = ""

    def load(self) -> Journey:
        return cjm_json.load(self.file).journey


class HistoryStore:
    """Saved versions per file, pruned to the last KEEP_LAST plus one a day for KEEP_DAYS days."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root if root is not None else data_folder()) / "history"

    def folder(self, path: str | os.PathLike[str]) -> Path:
        return self.root / file_key(path)

    def add(
        self, path: str | os.PathLike[str], text: str, document_id: str = "", when: datetime | None = None
    ) -> Version:
        """Keep a copy of `path` as just saved (not twice the same text), then prune. Raises SaveError."""
        when = when if when is not None else datetime.now(UTC)
        data = text.encode("utf-8")
        folder = self.folder(path)
        info = _info(folder)
        if info.get("path") != os.path.realpath(path) or info.get("documentId") != document_id:
            info.update(path=os.path.realpath(path), documentId=document_id)
            _write_info(folder, info)
        versions = self.versions(path)
        if versions and versions[0].size == len(data) and versions[0].file.read_bytes() == data:
            return versions[0]
        file = folder / f"{when.astimezone(UTC).strftime(_STAMP)}.json"
        write_atomic(file, data)
        self.prune(path, now=when)
        return Version(file, when, len(data))

    def versions(self, path: str | os.PathLike[str]) -> list[Version]:
        """The file's saved versions, newest first."""
        folder = self.folder(path)
        return _newest_first(_versions(folder, _info(folder).get("from", {})))

    def carry(self, old: str | os.PathLike[str], new: str | os.PathLike[str]) -> int:
        """A Save As from `old` to `new`: `new` gets copies of `old`'s versions (labelled with the file
        they were saved as). Returns how many were copied."""
        if os.path.realpath(old) == os.path.realpath(new):
            return 0
        target = self.folder(new)
        info = _info(target)
        origins: dict[str, str] = info.setdefault("from", {})
        info.setdefault("path", os.path.realpath(new))
        copied = 0
        for v in self.versions(old):
            if (target / v.file.name).exists():
                continue
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(v.file, target / v.file.name)
            origins[v.file.name] = v.origin or os.path.realpath(old)
            copied += 1
        if copied:
            _write_info(target, info)
            self.prune(new)
        return copied

    def others(self, path: str | os.PathLike[str] | None, document_id: str) -> list[Version]:
        """Versions that may belong to this map without being its file's: the documentId's folder of
        older editors, and those of files with this documentId that no longer exist. Newest first."""
        if not document_id or not self.root.is_dir():
            return []
        mine = self.folder(path) if path is not None else None
        found: list[Version] = []
        legacy = self.root / safe_key(document_id)
        if legacy.is_dir() and not (legacy / INFO).exists():
            found += [_relabel(v, LEGACY) for v in _versions(legacy, {})]
        for folder in self.root.iterdir():
            if folder == mine or not (folder / INFO).is_file():
                continue
            info = _info(folder)
            gone = str(info.get("path", ""))
            if info.get("documentId") == document_id and gone and not os.path.exists(gone):
                found += [_relabel(v, v.origin or gone) for v in _versions(folder, info.get("from", {}))]
        return _newest_first(found)

    def prune(self, path: str | os.PathLike[str], now: datetime | None = None) -> list[Path]:
        """Remove versions beyond the last KEEP_LAST that are not the newest of their day within
        KEEP_DAYS days. Returns the removed files."""
        now = now if now is not None else datetime.now(UTC)
        versions = self.versions(path)
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


def _info(folder: Path) -> dict[str, Any]:
    try:
        value = json.loads((folder / INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_info(folder: Path, info: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / INFO, json.dumps(info, indent=2, sort_keys=True).encode("utf-8"))


def _relabel(v: Version, origin: str) -> Version:
    return Version(v.file, v.time, v.size, origin)


def _newest_first(versions: Iterator[Version] | list[Version]) -> list[Version]:
    return sorted(versions, key=lambda v: v.time, reverse=True)


def _versions(folder: Path, origins: dict[str, str]) -> Iterator[Version]:
    if not folder.is_dir():
        return
    for f in folder.glob("*.json"):
        if f.name == INFO:
            continue
        try:
            when = datetime.strptime(f.stem, _STAMP).replace(tzinfo=UTC)
            yield Version(f, when, f.stat().st_size, str(origins.get(f.name, "")))
        except (ValueError, OSError):
            continue
