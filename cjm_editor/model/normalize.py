"""Bring a Journey into the shape JourneyDocument keeps: every ordered element has a valid order key
and every list is sorted the way the document keeps it (journey.py: stages, lanes and personas by
order key, cards in reading order, the rest by id).

Maps built in code (templates, imports, snippets, older files) carry no keys: elements without a valid
key get one that keeps their place in the list as given. Pure: no I/O, no Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from cjm_editor.model import order as order_keys
from cjm_editor.model.journey import Journey, card_sort_key
from cjm_editor.model.registry import COLLECTIONS

_KEYS: dict[str, Callable[[Any], Any]] = {
    spec.name: attrgetter("order", "id")
    if "order" in {f.name for f in dataclasses.fields(spec.entity)}
    else attrgetter("id")
    for spec in COLLECTIONS
}
"""The order of journey.sort_key in one C call: (order key, id) where the elements have an order
key, else the id."""


def normalize(journey: Journey, sort: bool = True) -> list[tuple[str, int, str, bool]]:
    """Give keys where they are missing or invalid, then sort every list (unless `sort` is False).
    Returns what was keyed as (collection, index in the list as given, old key, whether it kept its
    place in the list) so a loader can report it."""
    keyed: list[tuple[str, int, str, bool]] = []
    for spec in COLLECTIONS:
        items: list[Any] = getattr(journey, spec.name)
        key = card_sort_key(journey.stages, journey.lanes) if spec.name == "cards" else _KEYS[spec.name]
        if spec.ordered and not all(order_keys.is_valid(e.order) for e in items):
            groups: dict[tuple[Any, ...], list[int]] = {}
            for i, e in enumerate(items):
                groups.setdefault(spec.siblings_of(e), []).append(i)
            for indices in groups.values():
                before = [items[i].order for i in indices]
                changed, in_place = _fill(items, indices)
                keyed += [
                    (spec.name, i, k, in_place) for i, k in zip(indices, before, strict=True) if i in changed
                ]
        if sort:
            items.sort(key=key)  # stable, and linear on a list already in order
    return keyed


def _fill(items: list[Any], indices: list[int]) -> tuple[set[int], bool]:
    """Key the elements of one sibling group that lack a valid key; returns the indices it changed
    and whether they kept their place in the list.

    A valid key is never changed: it is the element's place. Where the valid keys rise in list order
    (a map built in code, an older file), a keyless element keeps its place in the list; otherwise
    (a file writes its lists by id, so the list says nothing of the order) the keyless elements go
    after the last valid key, in list order."""
    valid = [i for i in indices if order_keys.is_valid(items[i].order)]
    if len(valid) == len(indices):
        return set(), True
    keys = [items[i].order for i in valid]
    if any(a >= b for a, b in zip(keys, keys[1:], strict=False)):
        keyless = [i for i in indices if not order_keys.is_valid(items[i].order)]
        for i, k in zip(keyless, order_keys.spread(max(keys), None, len(keyless)), strict=True):
            items[i] = dataclasses.replace(items[i], order=k)
        return set(keyless), False
    is_valid = set(valid)
    changed = []
    run: list[int] = []
    lo: str | None = None
    for i in [*indices, -1]:
        if i != -1 and i not in is_valid:
            run.append(i)
            continue
        hi = items[i].order if i != -1 else None
        if run:
            for j, k in zip(run, order_keys.spread(lo, hi, len(run)), strict=True):
                items[j] = dataclasses.replace(items[j], order=k)
                changed.append(j)
            run = []
        lo = hi
    return set(changed), True
