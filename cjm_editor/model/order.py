"""Order keys: fractional indices that sort between any two others, so a move rewrites one key.

Stages, lanes, personas and cards carry an `order` string; an element's place is its key among its
siblings (a card's siblings are the cards of its cell), with the id breaking ties. Keys come from
`fractional-indexing` (base-62, the scheme list CRDTs and design tools use).

Two traps of fractional keys are handled here:
- Keys grow by about one character every six inserts at one spot. When a new key would be longer
  than `MAX_KEY`, the siblings around the spot are respaced (the smallest window, doubling, whose
  even spread gives short keys), so keys stay short whatever the insert pattern.
- Two peers inserting at the same spot make equal keys. Equal keys sort by id, the same on every
  machine; inserting between two equal keys respaces them first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import fractional_indexing as fi

MAX_KEY = 12
"""Longest key `slot` hands out; longer ones trigger respacing of the neighbours."""

MAX_STORED_KEY = 64
"""Longest key a file may hold; a longer one is replaced (and reported) on load."""


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a new or moved element goes: its key, and new keys for siblings that must be respaced
    first (position among the siblings given to `slot` -> key). Usually `respace` is empty."""

    key: str
    respace: tuple[tuple[int, str], ...] = ()


def is_valid(key: object) -> bool:
    """A key the sorting scheme accepts (and not absurdly long)."""
    if type(key) is not str or not key or len(key) > MAX_STORED_KEY:
        return False
    return _valid(key)


@lru_cache(maxsize=65536)
def _valid(key: str) -> bool:
    try:
        fi.validate_order_key(key)
    except (fi.FIError, IndexError, ValueError):
        return False
    return True


def between(lo: str | None, hi: str | None) -> str:
    """A key strictly between lo and hi (None: open end). Raises ValueError when lo >= hi."""
    try:
        key: str = fi.generate_key_between(lo, hi)
    except fi.FIError as exc:
        raise ValueError(str(exc)) from None
    return key


def spread(lo: str | None, hi: str | None, n: int) -> list[str]:
    """n distinct increasing keys strictly between lo and hi, as short as the gap allows."""
    try:
        keys: list[str] = fi.generate_n_keys_between(lo, hi, n)
    except fi.FIError as exc:
        raise ValueError(str(exc)) from None
    return keys


def first_keys(n: int) -> list[str]:
    """Keys for n elements in a fresh list (a0, a1, ...)."""
    return spread(None, None, n)


def slot(keys: Sequence[str], position: int) -> Slot:
    """A key for an element inserted at `position` among siblings whose sorted keys are `keys`
    (the element itself not among them). Respaces neighbours when the gap is used up or tied."""
    n = len(keys)
    position = max(0, min(n, position))
    lo = keys[position - 1] if position > 0 else None
    hi = keys[position] if position < n else None
    key = _try_between(lo, hi)
    if key is not None and len(key) <= MAX_KEY:
        return Slot(key)
    width = 1
    while True:
        start, stop = max(0, position - width), min(n, position + width)
        lo = keys[start - 1] if start > 0 else None
        hi = keys[stop] if stop < n else None
        fresh = _try_spread(lo, hi, stop - start + 1)
        whole = start == 0 and stop == n
        if fresh is not None and (whole or max(len(k) for k in fresh) <= MAX_KEY):
            new_key = fresh[position - start]
            rest = fresh[: position - start] + fresh[position - start + 1 :]
            respace = tuple((i, k) for i, k in zip(range(start, stop), rest, strict=True) if keys[i] != k)
            return Slot(new_key, respace)
        width *= 2


def _try_between(lo: str | None, hi: str | None) -> str | None:
    if lo is not None and hi is not None and lo >= hi:
        return None
    try:
        return between(lo, hi)
    except ValueError:
        return None


def _try_spread(lo: str | None, hi: str | None, n: int) -> list[str] | None:
    if lo is not None and hi is not None and lo >= hi:
        return None
    try:
        return spread(lo, hi, n)
    except ValueError:
        return None
