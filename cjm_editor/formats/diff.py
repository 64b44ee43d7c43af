"""What changed between two versions of a map: a pure function of two Journeys, matched by id.

Elements present in both maps are matched by id, so a renamed card is a change of its title, not a
removal and an addition. For each collection the diff lists what was added, removed, moved (a card
to another cell, or any element to another place among its siblings) and changed (which fields, old
and new). On top of that it derives each persona's emotion per stage and the metric values against
their targets. `cjm diff`, File → Compare with…, the recovery Compare and the history summaries all
read this one result.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm_editor.model.journey import Card, Journey
from cjm_editor.model.registry import COLLECTIONS, Collection
from cjm_editor.model.vocabulary import counted

ADDED, REMOVED, MOVED, CHANGED = "added", "removed", "moved", "changed"
_PLACEMENT = {"id", "order", "stage_id", "lane_id"}
"""Fields that say where an element sits: a move, never a field change."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any

    def text(self) -> str:
        return f"{self.field}: {_show(self.old)} → {_show(self.new)}"


@dataclass(frozen=True, slots=True)
class Change:
    """One element added, removed, moved or changed. `before`/`after` say where it sat for a move."""

    kind: str
    collection: str
    id: str
    label: str
    fields: tuple[FieldChange, ...] = ()
    before: str = ""
    after: str = ""

    def text(self) -> str:
        word = _singular(self.collection)
        if self.kind == MOVED:
            return f"moved {word} {self.label!r} from {self.before} to {self.after}"
        if self.kind == CHANGED:
            return f"changed {word} {self.label!r}: " + "; ".join(f.text() for f in self.fields)
        return f"{self.kind} {word} {self.label!r}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "collection": self.collection, "id": self.id}
        out["label"] = self.label
        if self.fields:
            out["fields"] = [
                {"field": f.field, "old": _json(f.old), "new": _json(f.new)} for f in self.fields
            ]
        if self.kind == MOVED:
            out["from"], out["to"] = self.before, self.after
        return out


@dataclass(frozen=True, slots=True)
class EmotionChange:
    """A persona's score at a stage (the mean of its points there) before and after; None: no point."""

    persona: str
    stage: str
    old: float | None
    new: float | None

    def text(self) -> str:
        return f"{self.persona} at {self.stage}: {_show(self.old)} → {_show(self.new)}"


@dataclass(frozen=True, slots=True)
class MetricChange:
    """A metric card's value before and after, with its target (after) and whether it is met."""

    card_id: str
    title: str
    old: float | None
    new: float | None
    target: float | None
    unit: str

    def text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        line = f"{self.title}: {_show(self.old)} → {_show(self.new)}{unit}"
        if self.target is not None:
            line += f" (target {_show(self.target)}{unit}"
            if self.old is not None and self.new is not None:
                before, after = abs(self.target - self.old), abs(self.target - self.new)
                line += ", closer" if after < before else ", further away" if after > before else ""
            line += ")"
        return line


@dataclass(slots=True)
class MapDiff:
    """Everything that differs between two maps; empty when they hold the same map."""

    changes: list[Change] = field(default_factory=list)
    emotions: list[EmotionChange] = field(default_factory=list)
    metrics: list[MetricChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, collection: str, kind: str | None = None) -> list[Change]:
        return [c for c in self.changes if c.collection == collection and kind in (None, c.kind)]

    def kinds_by_id(self, collection: str) -> dict[str, str]:
        """Element id -> added/removed/moved/changed (a card moved and edited counts as moved)."""
        out: dict[str, str] = {}
        for c in self.of(collection):
            if out.get(c.id) != MOVED:
                out[c.id] = c.kind
        return out

    def summary(self) -> str:
        """One line: counts by kind and collection, e.g. '2 cards added, 1 stage moved'."""
        if not self.changes:
            return "no changes"
        counts: dict[tuple[str, str], int] = {}
        for c in self.changes:
            key = (c.collection, c.kind)
            counts[key] = counts.get(key, 0) + 1
        parts = []
        for (collection, kind), n in counts.items():
            word = "map" if collection == "map" else _singular(collection)
            parts.append(f"{counted(n, word)} {kind}")
        return ", ".join(parts)

    def lines(self) -> list[str]:
        out = [c.text() for c in self.changes]
        out += [f"emotion: {e.text()}" for e in self.emotions]
        out += [f"metric: {m.text()}" for m in self.metrics]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "changes": [c.to_dict() for c in self.changes],
            "emotions": [
                {"persona": e.persona, "stage": e.stage, "old": e.old, "new": e.new} for e in self.emotions
            ],
            "metrics": [
                {"card": m.card_id, "title": m.title, "old": m.old, "new": m.new, "target": m.target}
                for m in self.metrics
            ],
        }


def diff(old: Journey, new: Journey) -> MapDiff:
    """What changed from `old` to `new`, in collection order (personas, stages, lanes, cards, ...)."""
    out = MapDiff()
    map_fields = _field_changes(old, new, exclude={"id", *(c.name for c in COLLECTIONS)})
    if map_fields:
        out.changes.append(Change(CHANGED, "map", new.id, new.title, map_fields))
    labels = _Labels(old, new)
    for c in COLLECTIONS:
        out.changes += _collection_diff(c, getattr(old, c.name), getattr(new, c.name), labels)
    out.emotions = _emotion_changes(old, new, labels)
    out.metrics = _metric_changes(old, new)
    return out


# ---------------------------------------------------------------------- collections
def _collection_diff(c: Collection, old: list[Any], new: list[Any], labels: _Labels) -> list[Change]:
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    changes: list[Change] = []
    moved = _reordered(c, old, new) if c.ordered else set()
    for e in new:
        if e.id not in before:
            changes.append(Change(ADDED, c.name, e.id, labels.of(c.name, e, new=True)))
            continue
        was = before[e.id]
        label = labels.of(c.name, e, new=True)
        if c.scope and c.siblings_of(was) != c.siblings_of(e):
            changes.append(
                Change(MOVED, c.name, e.id, label, (), labels.place(was, False), labels.place(e, True))
            )
        elif e.id in moved:
            changes.append(Change(MOVED, c.name, e.id, label, (), *_positions(c, old, new, was, e, labels)))
        fields = _field_changes(was, e, exclude=_PLACEMENT)
        if fields:
            changes.append(Change(CHANGED, c.name, e.id, label, fields))
    changes += [
        Change(REMOVED, c.name, e.id, labels.of(c.name, e, new=False)) for e in old if e.id not in after
    ]
    return changes


def _reordered(c: Collection, old: list[Any], new: list[Any]) -> set[str]:
    """Ids of elements whose place among their common siblings changed: those outside a longest
    run kept in the same relative order (so moving one stage reports one stage, not its neighbours)."""
    out: set[str] = set()
    groups: dict[tuple[Any, ...], tuple[list[str], list[str]]] = {}
    new_ids = {e.id: c.siblings_of(e) for e in new}
    old_ids = {e.id: c.siblings_of(e) for e in old}
    for e in old:
        if new_ids.get(e.id) == c.siblings_of(e):
            groups.setdefault(c.siblings_of(e), ([], []))[0].append(e.id)
    for e in new:
        if old_ids.get(e.id) == c.siblings_of(e):
            groups.setdefault(c.siblings_of(e), ([], []))[1].append(e.id)
    for before, after in groups.values():
        out |= set(before) - _longest_kept(before, after)
    return out


def _longest_kept(before: Sequence[str], after: Sequence[str]) -> set[str]:
    """The ids of a longest subsequence of `after` that keeps the order of `before` (patience LIS)."""
    rank = {eid: i for i, eid in enumerate(before)}
    seq = [rank[eid] for eid in after]
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(seq)
    for i, r in enumerate(seq):
        k = bisect.bisect_left(tails, r)
        if k == len(tails):
            tails.append(r)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = r, i
        parent[i] = tail_at[k - 1] if k else -1
    kept: set[str] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(after[i])
        i = parent[i]
    return kept


def _positions(
    c: Collection, old: list[Any], new: list[Any], was: Any, now: Any, labels: _Labels
) -> tuple[str, str]:
    scope = c.siblings_of(was)
    old_row = [e.id for e in old if c.siblings_of(e) == scope]
    new_row = [e.id for e in new if c.siblings_of(e) == scope]
    where = f" in {labels.place(now, True)}" if c.scope else ""
    return (
        f"position {old_row.index(was.id) + 1}{where}",
        f"position {new_row.index(now.id) + 1}{where}",
    )


def _field_changes(old: Any, new: Any, exclude: Iterable[str]) -> tuple[FieldChange, ...]:
    skip = set(exclude)
    out = []
    for f in dataclasses.fields(old):
        if f.name in skip:
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a != b:
            out.append(FieldChange(f.name, a, b))
    return tuple(out)


# ---------------------------------------------------------------------- names for people
class _Labels:
    """Readable names of elements, looked up in the map they belong to (new first, then old)."""

    def __init__(self, old: Journey, new: Journey) -> None:
        self.maps = {False: old, True: new}
        self.names: dict[bool, dict[str, str]] = {}
        for side, j in self.maps.items():
            names: dict[str, str] = {}
            for p in j.personas:
                names[p.id] = p.name
            for s in j.stages:
                names[s.id] = s.name
            for lane in j.lanes:
                names[lane.id] = lane.name
            for card in j.cards:
                names[card.id] = card.title or card.kind
            for person in j.participants:
                names[person.id] = person.name
            self.names[side] = names

    def name(self, element_id: str, new: bool) -> str:
        return self.names[new].get(element_id) or self.names[not new].get(element_id) or element_id

    def place(self, card: Card, new: bool) -> str:
        return f"{self.name(card.stage_id, new)} / {self.name(card.lane_id, new)}"

    def of(self, collection: str, e: Any, new: bool) -> str:
        if collection == "connections":
            return f"{self.name(e.source_id, new)} → {self.name(e.target_id, new)}"
        if collection == "emotions":
            return f"{self.name(e.persona_id, new)} at {self.name(e.anchor_id, new)}"
        if collection == "links":
            return str(e.label or e.path)
        if collection == "votes":
            who = self.name(e.participant_id, new) if e.participant_id else "anonymous"
            return f"{who} on {self.name(e.card_id, new)}"
        if collection == "ratings":
            who = self.name(e.participant_id, new) if e.participant_id else "anonymous"
            return f"{who} for {self.name(e.persona_id, new)} at {self.name(e.anchor_id, new)}"
        return self.name(e.id, new)


# ---------------------------------------------------------------------- derived views
def _emotion_scores(j: Journey) -> dict[tuple[str, str], float]:
    card_stage = {c.id: c.stage_id for c in j.cards}
    sums: dict[tuple[str, str], list[int]] = {}
    for p in j.emotions:
        stage = p.anchor_id if p.anchor_kind == "stage" else card_stage.get(p.anchor_id)
        if stage is not None:
            sums.setdefault((p.persona_id, stage), []).append(p.score)
    return {k: round(sum(v) / len(v), 2) for k, v in sums.items()}


def _emotion_changes(old: Journey, new: Journey, labels: _Labels) -> list[EmotionChange]:
    a, b = _emotion_scores(old), _emotion_scores(new)
    stage_rank = {s.id: i for i, s in enumerate([*new.stages, *old.stages]) if s.id}
    keys = sorted(set(a) | set(b), key=lambda k: (labels.name(k[0], True), stage_rank.get(k[1], 0)))
    return [
        EmotionChange(labels.name(p, True), labels.name(s, True), a.get((p, s)), b.get((p, s)))
        for p, s in keys
        if a.get((p, s)) != b.get((p, s))
    ]


def _metric_changes(old: Journey, new: Journey) -> list[MetricChange]:
    before = {c.id: c for c in old.cards}
    out = []
    for c in new.cards:
        was = before.get(c.id)
        old_value = was.value if was is not None else None
        if (c.value is not None or old_value is not None) and (
            old_value != c.value or (was is not None and was.target != c.target)
        ):
            out.append(MetricChange(c.id, c.title, old_value, c.value, c.target, c.unit))
    return out


def _singular(collection: str) -> str:
    if collection == "map":
        return "map"
    return next(c.singular for c in COLLECTIONS if c.name == collection)


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return repr(value)
    return repr(value) if isinstance(value, str) else str(value)


def _json(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value
