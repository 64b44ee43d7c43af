"""Load and save .cjm.json maps.

Load: bytes -> strict JSON -> envelope check -> migrate -> build model -> repair references.
Result: a LoadResult (journey + report) or a LoadError naming the file, the JSON location and the fault.
Save: serialise in memory, re-parse, write atomically.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from cjm_editor.formats import strict_json
from cjm_editor.formats.atomic import sweep_stale, write_atomic
from cjm_editor.formats.errors import LoadError, LoadReport, SaveError, path_str
from cjm_editor.formats.journey_codec import journey_from_dict, journey_to_dict
from cjm_editor.formats.migrations import CURRENT_VERSION, FORMAT_NAME, READER_VERSION, file_version, upgrade
from cjm_editor.formats.repair import repair
from cjm_editor.model import limits
from cjm_editor.model.journey import Journey

SUFFIX = ".cjm.json"


@dataclass(slots=True)
class LoadResult:
    """A loaded map and what the loader had to repair (empty report for a clean file)."""

    journey: Journey
    report: LoadReport
    source_version: int


def load(path: str | os.PathLike[str]) -> LoadResult:
    """Open a map file. Raises LoadError; never changes the file. Sweeps the temp files that a
    killed save of it left behind (those whose process is gone)."""
    display = os.fspath(path)
    sweep_stale(path)
    return loads(strict_json.read_capped(path, display), display)


def loads(data: bytes | str, display: str = "<map>") -> LoadResult:
    """Parse a map from bytes (or text). Raises LoadError."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    value = strict_json.parse(raw, display, check_depth=False)
    report = LoadReport(display)
    surrogates = strict_json.has_lone_surrogates(raw)
    version = check_envelope(value, display)
    if surrogates or version < CURRENT_VERSION:  # the cleaning and the migrations walk the whole tree
        strict_json.check_depth(value, raw, display)
    if surrogates:
        value = _clean_tree(value, (), report)
    try:
        value = upgrade(value)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LoadError(display, "$", f"cannot upgrade this version {version} map: {exc}") from None
    journey = journey_from_dict(value, display, report)
    repair(journey, report)
    return LoadResult(journey, report, version)


def check_envelope(value: Any, display: str) -> int:
    """Check the envelope and return the file's format version."""
    if not isinstance(value, dict):
        raise LoadError(display, "$", "not a journey map: the file holds JSON but not an object")
    fmt = value.get("format")
    if fmt != FORMAT_NAME:
        found = "no 'format' field" if fmt is None else f"format {fmt!r}"
        raise LoadError(display, "format", f"not a cjm-editor journey map ({found})")
    version = file_version(value)
    if type(version) is not int or version < 1:
        raise LoadError(display, "formatVersion", "formatVersion must be a whole number from 1 up")
    needed = value.get("minReaderVersion", version if version <= READER_VERSION else None)
    if needed is None:
        needed = version
    if type(needed) is not int:
        raise LoadError(display, "minReaderVersion", "minReaderVersion must be a whole number")
    if needed > READER_VERSION:
        raise LoadError(
            display,
            "minReaderVersion",
            f"this map needs a newer cjm-editor (it needs format reader {needed}; this one reads up to "
            f"{READER_VERSION}). The file was not changed.",
        )
    return version


def _clean_tree(value: Any, path: tuple[str | int, ...], report: LoadReport) -> Any:
    if isinstance(value, str):
        if strict_json.has_surrogate(value):
            report.add(
                path_str(path), "text held an invalid character (lone surrogate); replaced it with \ufffd"
            )
            return strict_json.clean_surrogates(value)
        return value
    if isinstance(value, dict):
        return {strict_json.clean_surrogates(k): _clean_tree(v, (*path, k), report) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_tree(v, (*path, i), report) for i, v in enumerate(value)]
    return value


def dumps(journey: Journey) -> str:
    """Canonical text of a map: 2-space indent, fixed key order, trailing newline."""
    return json.dumps(journey_to_dict(journey), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "personas": ("name", "description"),
    "stages": ("name", "description"),
    "lanes": ("name",),
    "cards": ("title", "body", "channel", "owner", "source", "unit"),
    "emotions": ("note",),
    "connections": ("label",),
    "links": ("path", "label"),
}


def longest_text(journey: Journey) -> tuple[str, int]:
    """(where, length) of the longest of the map's main text fields: what a save checks against
    limits.MAX_TEXT, so that every saved map opens again."""
    best = ("title", len(journey.title))
    if len(journey.description) > best[1]:
        best = ("description", len(journey.description))
    for name, fields in _TEXT_FIELDS.items():
        items = getattr(journey, name)
        for f in fields:
            longest = max(map(len, map(attrgetter(f), items)), default=0)
            if longest > best[1]:
                best = (f"{name}[].{f}", longest)
    return best


def save(journey: Journey, path: str | os.PathLike[str]) -> None:
    """Save atomically. Raises SaveError; on failure the old file is untouched. A text longer than
    the loader accepts is refused, so what is saved opens again."""
    where, length = longest_text(journey)
    if length > limits.MAX_TEXT:
        raise SaveError(
            f"{os.fspath(path)}: {where}: text is {length:,} characters long; the limit is "
            f"{limits.MAX_TEXT:,} (limit: text length); the map was not saved"
        )
    try:
        text = dumps(journey)
        json.loads(text)  # a corrupt serialisation never reaches the disk
        data = text.encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise SaveError(f"{os.fspath(path)}: the map could not be written as JSON: {exc}") from None
    write_atomic(path, data)


def load_or_none(path: str | os.PathLike[str]) -> Journey | None:
    """A map, or None when it cannot be read: for following links, where a missing or broken
    linked map is reported by the caller rather than raised."""
    try:
        return load(path).journey
    except LoadError:
        return None
