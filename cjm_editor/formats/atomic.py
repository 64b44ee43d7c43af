"""Atomic file replacement: a reader sees the old file or the new one, never a mix.

Write a temp file in the same folder, flush, fsync, copy the old file's permissions, os.replace,
then fsync the folder. A failure removes the temp file and leaves the old file untouched.

Only a regular file is replaced: a FIFO, a device, a folder, a read-only file or a file with several
hard links (which a replace would split) is refused with a SaveError, and left as it is.

A temp file's name holds the id of the process writing it (`.NAME.PID.RANDOM.cjm-tmp`). Temp files
whose process is gone (a save killed mid-way) are swept when a map is opened or saved; another
process's save in progress is never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from cjm_editor.formats.errors import SaveError

TEMP_SUFFIX = ".cjm-tmp"
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[^.]+" + re.escape(TEMP_SUFFIX) + r"\Z", re.S)


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _check_target(path: str | os.PathLike[str], target: Path) -> int | None:
    """The permissions to give the new file (None: a new file), or SaveError if it must not be
    replaced."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SaveError(f"{os.fspath(path)}: cannot read the file's permissions: {reason}") from None
    where = os.fspath(path)
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe or a device?)"
        raise SaveError(f"{where}: it is {kind}; nothing was written")
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise SaveError(f"{where}: the file is read-only; nothing was written")
    if info.st_nlink > 1:
        raise SaveError(
            f"{where}: the file has {info.st_nlink} hard links, which saving would split; nothing was "
            "written (save under another name)"
        )
    return mode


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically. Raises SaveError; the old file then stays as it was."""
    try:
        target = Path(os.path.realpath(path))  # write through a symlink, keep the link
    except (OSError, ValueError) as exc:
        raise SaveError(f"{os.fspath(path)!r}: not a usable file name: {exc}") from None
    folder = target.parent
    mode = _check_target(path, target)
    sweep_stale(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=folder)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SaveError(f"{os.fspath(path)}: cannot write in {folder}: {reason}") from None
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
            f"{os.fspath(path)}: the save failed and the file was left as it was: {exc.strerror or exc}"
        ) from None
    _fsync_folder(folder)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process (or an id we cannot check): leave its file alone
    except OSError:
        return True
    return True


def sweep_stale(target: str | os.PathLike[str]) -> list[str]:
    """Remove temp files an interrupted save of `target` left behind: only those whose process is
    gone. Returns the names removed."""
    try:
        target = Path(os.path.realpath(target))
    except (OSError, ValueError):
        return []
    removed: list[str] = []
    with contextlib.suppress(OSError, ValueError):
        for entry in os.scandir(target.parent):
            m = _TEMP_NAME.match(entry.name)
            if m is None or m.group("name") != target.name or _alive(int(m.group("pid"))):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


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
