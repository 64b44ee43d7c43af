"""The cells of CSV cards (formats/csv_cards.py): formula neutralising, lists, scores and numbers."""

from __future__ import annotations

import math
import re

from cjm_editor.model import limits
from cjm_editor.model.journey import Journey

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
WHOLE = re.compile(r"-?[0-9]+")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    if cell.startswith((*FORMULA_START, "'")) and not WHOLE.fullmatch(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise`: a `'` before a formula character or another `'` goes."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r'":
        return cell[1:]
    return cell


def split_cell(cell: str) -> tuple[str, ...]:
    """The values of a `personas`, `tags` or `emotion` cell ("a; b")."""
    return tuple(p.strip() for p in cell.split(";") if p.strip())


def writable_name(name: str) -> bool:
    """Whether a persona's name can stand in a `personas` or `emotion` cell and be read back."""
    return bool(name.strip()) and ";" not in name and name == name.strip()


def scores_cell(points: list[tuple[str, int]], names: dict[str, str]) -> str:
    """`Maya: -2; Robert: 1` (personas whose names cannot be written are left out, and a name shared
    by two personas is written once, with the first one's score, since an import would refuse a
    name scored twice in a cell: see csv_losses)."""
    written: dict[str, int] = {}
    for pid, score in points:
        name = names.get(pid, "")
        if writable_name(name) and name not in written:
            written[name] = score
    return "; ".join(f"{name}: {score}" for name, score in written.items())


def number_text(value: float | None) -> str:
    """A metric's value as written (empty for none)."""
    return "" if value is None else str(value)


def rescaled(score: int, source: tuple[int, int] | None, j: Journey) -> int:
    """A score on the file's scale `source` on the map's (the same when there is no `source`)."""
    if source is None or source == (j.scale.min, j.scale.max):
        return score
    lo, hi = source
    return j.scale.clamp(round(j.scale.min + (score - lo) * (j.scale.max - j.scale.min) / (hi - lo)))


def number_cell(text: str, column: str, problems: list[tuple[str, str]]) -> float | None:
    """A metric's value or target: a whole or decimal number (None when the cell is empty)."""
    if not text:
        return None
    try:
        if limits.digits(text.split(".")[0]) is not None or len(text) > 40:
            raise ValueError
        number = int(text) if WHOLE.fullmatch(text) else float(text)
        if not math.isfinite(number):
            raise ValueError
    except ValueError:
        problems.append((column, f"{text[:40]!r} is not a number"))
        return None
    return number


def score_cell(
    text: str, j: Journey, problems: list[tuple[str, str]], source: tuple[int, int] | None
) -> int | None:
    """A whole number on the file's scale, rescaled to the map's (None, with a problem, if not)."""
    try:
        if limits.digits(text) is not None:
            raise ValueError
        score = int(text)
    except ValueError:
        problems.append(("emotion", f"{text[:40]!r} is not a whole number"))
        return None
    lo, hi = source or (j.scale.min, j.scale.max)
    if not lo <= score <= hi:
        problems.append(("emotion", f"{score} is outside the scale {lo}..{hi}"))
        return None
    return rescaled(score, source, j)


def named_scores(
    cell: str, j: Journey, problems: list[tuple[str, str]], source: tuple[int, int] | None
) -> list[tuple[str, int]]:
    """`Maya: -2; Robert: 1` -> [("Maya", -2), ("Robert", 1)]."""
    out: list[tuple[str, int]] = []
    for part in split_cell(cell):
        name, sep, number = part.rpartition(":")
        if not sep or not name.strip():
            problems.append(("emotion", f"{part[:40]!r} is not “persona: score”"))
            continue
        if any(name.strip() == n for n, _ in out):
            problems.append(("emotion", f"{name.strip()[:40]!r} has two scores here"))
            continue
        score = score_cell(number.strip(), j, problems, source)
        if score is not None:
            out.append((name.strip(), score))
    return out
