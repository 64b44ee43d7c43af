"""Atomic file replacement: a reader sees the old file or the new one, never a mix.

Write a temp file in the same folder, flush, fsync, copy the old file's permissions, os.replace,
then fsync the folder. A failure removes the temp file and leaves the old file untouched.
Temp files left by a killed process are swept by the next write to the same file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from cjm_editor.formats.errors import SaveError

TEMP_SUFFIX = ".cjm-tmp"


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically. Raises SaveError; the old file then stays as it was."""
    target = Path(os.path.realpath(path))  # write through a symlink, keep the link
    folder = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise SaveError(f"{path}: cannot read the file's permissions: {exc.strerror}") from None
    _sweep(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise SaveError(f"{path}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SaveError(
            f"{path}: the save failed and the file was left as it was: {exc.strerror or exc}"
        ) from None
    _fsync_folder(folder)


def _sweep(target: Path) -> None:
    """Remove temp files an interrupted save of this file left behind."""
    prefix = _temp_prefix(target)
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
