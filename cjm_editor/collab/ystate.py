"""How a map lives in a Y doc, and the two whole-map conversions.

One root Y.Map per collection of `model.registry`, keyed by element id; each element is a Y.Map of
the same fields the .cjm.json file writes (so a browser Yjs client reads the file's words). Order keys
are plain fields: a move rewrites one field of one element, so concurrent moves never duplicate it.
The root map `meta` holds the title, description, emotion scale, voting settings and the map's own
unknown fields.
"""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Map

from cjm_editor.formats.errors import LoadError, LoadReport
from cjm_editor.formats.journey_codec import (
    element_from_dict,
    element_to_dict,
    scale_dict,
    scale_from_dict,
    workshop_dict,
    workshop_from_dict,
)
from cjm_editor.formats.repair import repair
from cjm_editor.model.journey import Journey, snapshot
from cjm_editor.model.normalize import normalize
from cjm_editor.model.order import is_valid
from cjm_editor.model.registry import COLLECTIONS

META = "meta"
NAMES: tuple[str, ...] = tuple(c.name for c in COLLECTIONS)


def root(ydoc: Doc[Any], name: str) -> Map[Any]:
    """The root map of a collection (or of `meta`)."""
    value: Map[Any] = ydoc.get(name, type=Map)
    return value


def plain(value: Any) -> Any:
    """A Y value as plain Python (Y maps become dicts). Y numbers are doubles, so a whole number
    comes back as a float: it becomes an int again, as the file had it (6, not 6.0)."""
    return _whole_numbers(value.to_py() if isinstance(value, Map) else value)


def _whole_numbers(value: Any) -> Any:
    if type(value) is float:
        return int(value) if value.is_integer() and abs(value) <= 2**53 else value
    if isinstance(value, dict):
        return {k: _whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(v) for v in value]
    return value


def meta_values(journey: Journey) -> dict[str, Any]:
    """The `meta` fields of a map."""
    return {
        "documentId": journey.id,
        "title": journey.title,
        "description": journey.description,
        "scale": scale_dict(journey.scale),
        "workshop": workshop_dict(journey.workshop),
        "extra": dict(journey.extra),
    }


def populate(ydoc: Doc[Any], journey: Journey, origin: Any = None) -> None:
    """Write a whole map into an empty Y doc, in one transaction (elements without an order key get
    one that keeps their place, as the file writer does)."""
    if any(not is_valid(e.order) for c in COLLECTIONS if c.ordered for e in getattr(journey, c.name)):
        journey = snapshot(journey)
        normalize(journey)
    with ydoc.transaction(origin=origin):
        meta = root(ydoc, META)
        for key, value in meta_values(journey).items():
            meta[key] = value
        for name in NAMES:
            target = root(ydoc, name)
            for entity in getattr(journey, name):
                target[entity.id] = Map(element_to_dict(name, entity))


def is_empty(ydoc: Doc[Any]) -> bool:
    """True when the Y doc holds no map yet."""
    return len(root(ydoc, META)) == 0 and all(len(root(ydoc, n)) == 0 for n in NAMES)


def decode(name: str, element_id: str, raw: Any, display: str) -> Any:
    """One element from its Y value; LoadError names what a peer got wrong."""
    value = plain(raw)
    entity = element_from_dict(name, value, display, (name, element_id))
    if entity.id != element_id:
        raise LoadError(
            display, f"{name}.{element_id}.id", f"the element is filed under another id {element_id!r}"
        )
    return entity


def read_journey(ydoc: Doc[Any], display: str) -> tuple[Journey, LoadReport]:
    """The whole map a Y doc holds, repaired as the loader repairs a file (with its report)."""
    report = LoadReport(display)
    meta = plain(root(ydoc, META)) or {}
    journey = Journey()
    apply_meta(journey, meta, report)
    for name in NAMES:
        items = getattr(journey, name)
        for element_id, raw in root(ydoc, name).items():
            try:
                items.append(decode(name, element_id, raw, display))
            except LoadError as exc:
                report.add(exc.location, f"{exc.message}; left this element out")
    repair(journey, report)
    return journey, report


def apply_meta(journey: Journey, meta: dict[str, Any], report: LoadReport) -> None:
    """Copy the `meta` fields onto a Journey, reporting (and skipping) malformed ones."""
    if isinstance(meta.get("documentId"), str) and meta["documentId"]:
        journey.id = meta["documentId"]
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            setattr(journey, key, meta[key])
    if "scale" in meta:
        try:
            journey.scale = scale_from_dict(meta["scale"], report.file)
        except LoadError as exc:
            report.add("meta.scale", f"{exc.message}; kept the standard scale")
    if "workshop" in meta:
        try:
            journey.workshop = workshop_from_dict(meta["workshop"], report.file)
        except LoadError as exc:
            report.add("meta.workshop", f"{exc.message}; kept the standard voting settings")
    if isinstance(meta.get("extra"), dict):
        journey.extra = dict(meta["extra"])
