"""Errors and reports of the loaders: each names the file, the place and the fault."""

from __future__ import annotations

from dataclasses import dataclass, field

_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
"""Every character str.splitlines() breaks a line at (a terminal or a dialog may too)."""


def one_line(text: str) -> str:
    """Text with its line breaks turned into spaces, so a message stays on one line."""
    return " ".join(text.splitlines()) if not _BREAKS.isdisjoint(text) else text


class LoadError(Exception):
    """A file that cannot be opened as a map. `str()` is `FILE: LOCATION: message`, on one line."""

    def __init__(self, file: str, location: str, message: str) -> None:
        file, location, message = one_line(file), one_line(location), one_line(message)
        super().__init__(f"{file}: {location}: {message}")
        self.file, self.location, self.message = file, location, message


class SaveError(Exception):
    """A save that failed; the file on disk is as it was before the save."""


@dataclass(frozen=True, slots=True)
class LoadIssue:
    """Something the loader repaired or cleaned, and where."""

    location: str
    message: str


@dataclass(slots=True)
class LoadReport:
    """What the loader changed to make the file a valid map. Empty for a clean file."""

    file: str
    issues: list[LoadIssue] = field(default_factory=list)

    def add(self, location: str, message: str) -> None:
        self.issues.append(LoadIssue(one_line(location), one_line(message)))

    def lines(self) -> list[str]:
        file = one_line(self.file)
        return [f"{file}: {i.location}: {i.message}" for i in self.issues]

    def __bool__(self) -> bool:
        return bool(self.issues)


def path_str(parts: tuple[str | int, ...]) -> str:
    """Format a JSON location as `cards[3].stage`; the whole document is `$`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "$"
