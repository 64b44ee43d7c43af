"""Strict JSON decoding: bytes -> Python values, or LoadError with a precise location.

Refuses NaN, Infinity, numbers that overflow to infinity or have too many digits, duplicate keys,
invalid UTF-8, nesting past limits.MAX_DEPTH, files over the size cap and anything that is not a
regular file (a FIFO would block the reader). Error paths re-parse to find the JSON location of the
fault; the happy path is one json.loads call and a depth walk.
"""

from __future__ import annotations

import json
import os
import re
import stat
from typing import Any

from cjm_editor.formats.errors import LoadError, path_str
from cjm_editor.model import limits

MAX_BYTES = limits.MAX_FILE_BYTES

_LONE_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Fault:
    """Marks where a parse hook met something invalid, so the error can name the location."""

    def __init__(self, message: str) -> None:
        self.message = message


class _Strict(Exception):
    pass


def _size_error(display: str, size: str) -> LoadError:
    return LoadError(display, "$", f"file is {size}; the limit is {MAX_BYTES // 2**20} MB (limit: file size)")


def read_capped(path: str | os.PathLike[str], display: str) -> bytes:
    """Read a regular file, refusing one over MAX_BYTES without reading it whole. Never blocks on a
    FIFO or a device: those are refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LoadError(display, "$", f"cannot read the file: {reason}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(display, "$", "cannot read the file: it is not a regular file")
        if info.st_size > MAX_BYTES:
            raise _size_error(display, f"{info.st_size / 2**20:.0f} MB")
        with os.fdopen(fd, "rb") as f:
            fd = -1
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(display, "$", f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_BYTES:
        raise _size_error(display, f"larger than {MAX_BYTES // 2**20} MB")
    return data


def _line_col(text: str | bytes, offset: int) -> str:
    nl = "\n" if isinstance(text, str) else b"\n"
    line = text.count(nl, 0, offset) + 1  # type: ignore[arg-type]
    col = offset - (text.rfind(nl, 0, offset) + 1) + 1  # type: ignore[arg-type]
    return f"line {line}, column {col}"


def decode_text(data: bytes, display: str) -> str:
    """UTF-8 (an initial BOM is allowed) -> str, or LoadError at the first bad byte."""
    if len(data) > MAX_BYTES:
        raise _size_error(display, f"larger than {MAX_BYTES // 2**20} MB")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(display, _line_col(data, exc.start), "the file is not valid UTF-8 text") from None


def _reject_constant(name: str) -> Any:
    raise _Strict(name)


def _checked_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Strict(text)
    return value


def _checked_int(text: str) -> int:
    if limits.digits(text) is not None:
        raise _Strict(text)
    return int(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Strict("duplicate")
    return result


def parse(data: bytes, display: str, check_depth: bool = True) -> Any:
    """Decode and parse strictly. Returns plain dicts, lists, str, int, float, bool, None. With
    `check_depth` False the caller runs `check_depth` itself before anything recursive walks the
    value (the map loader reads known fields by type and checks the depth of unknown ones)."""
    text = decode_text(data, display)
    try:
        value = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_checked_float,
            parse_int=_checked_int,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise _syntax_error(text, exc, display) from None
    except RecursionError:
        raise _too_deep(text, display) from None
    except _Strict:
        raise _locate_fault(text, display) from None
    if check_depth and limits.depth_of(value) > limits.MAX_DEPTH:
        raise _too_deep(text, display)
    return value


def check_depth(value: Any, data: bytes, display: str) -> None:
    """Refuse a value nested deeper than the limit (LoadError naming the line)."""
    if limits.depth_of(value) > limits.MAX_DEPTH:
        raise _too_deep(decode_text(data, display), display)


def _too_deep(text: str, display: str) -> LoadError:
    return LoadError(
        display,
        _deep_place(text, limits.MAX_DEPTH),
        f"nesting is too deep: more than {limits.MAX_DEPTH} levels (limit: nesting depth)",
    )


def _syntax_error(text: str, exc: json.JSONDecodeError, display: str) -> LoadError:
    msg = exc.msg.removesuffix(" at") + (" here" if exc.msg.endswith(" at") else "")  # the place is in front
    if exc.pos >= len(text.rstrip()):
        msg = "the file ends too early (truncated?)" if text.strip() else "the file is empty"
    elif not text.lstrip().startswith(("{", "[")) and exc.pos == len(text) - len(text.lstrip()):
        msg = "this is not a JSON file"
    return LoadError(display, _line_col(text, exc.pos), f"invalid JSON: {msg}")


def _deep_place(text: str, limit: int) -> str:
    depth = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        tok = m.group()
        if tok in "[{":
            depth += 1
            if depth > limit:
                return _line_col(text, m.start())
        elif tok in "]}":
            depth -= 1
    return "$"


def _locate_fault(text: str, display: str) -> LoadError:
    """Re-parse, marking faults instead of raising, and name the JSON path of the first one."""

    def constant(name: str) -> _Fault:
        return _Fault(f"{name} is not allowed in a map file")

    def number(s: str) -> float | _Fault:
        value = float(s)
        return _Fault(f"number {s} is too large") if value in (float("inf"), float("-inf")) else value

    def whole(s: str) -> int | _Fault:
        hit = limits.digits(s)
        return int(s) if hit is None else _Fault(str(hit))

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                return {"\0fault": _Fault(f"duplicate key {key!r}"), **dict(items)}
            seen.add(key)
        return dict(items)

    try:
        value = json.loads(
            text, parse_constant=constant, parse_float=number, parse_int=whole, object_pairs_hook=pairs
        )
    except json.JSONDecodeError as exc:  # the file also has a syntax error further on
        return _syntax_error(text, exc, display)
    except RecursionError:  # the fault comes before nesting that is too deep
        return _too_deep(text, display)
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, _Fault):
            return LoadError(display, path_str(path), node.message)
        if isinstance(node, dict):
            fault = node.get("\0fault")
            if isinstance(fault, _Fault):
                return LoadError(display, path_str(path), fault.message)
            stack.extend(((*path, k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))
    return LoadError(display, "$", "invalid JSON value")  # pragma: no cover


def has_lone_surrogates(data: bytes) -> bool:
    """Cheap pre-check: only a \\uD8xx-\\uDFxx escape can produce a lone surrogate after parsing."""
    return _LONE_SURROGATE_ESCAPE.search(data) is not None


def clean_surrogates(s: str) -> str:
    """Replace lone surrogates (which cannot be saved as UTF-8) with U+FFFD."""
    return _SURROGATE.sub("\ufffd", s)


def has_surrogate(s: str) -> bool:
    return _SURROGATE.search(s) is not None
