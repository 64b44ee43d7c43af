"""Format migrations: pure dict -> dict steps, one per format version.

Version 1 (cjm-editor 0.0.x drafts) used `version`, `id`, a `[min, max]` scale, `type`/`text`/`notes`
on cards and lanes, `color` on personas, and stage-only emotion entries without ids.
Version 2 adds the envelope (`formatVersion`, `minReaderVersion`, `documentId`), card-anchored
emotion points, and ids on every element.
Version 3 gives stages, lanes, personas and cards an `order` key (a fractional index, model/order.py)
in place of their list position, and writes every list sorted by id; a v3 file needs a v3 reader.
Version 4 adds the workshop: `participants`, `votes` (one object per dot, naming its card and, when
known, its participant), `ratings` (one participant's score for a persona at a stage or card) and the
`workshop` settings. A card's `votes: N` number becomes N anonymous votes and the card loses the field,
so a vote count is never stored twice; a v4 file needs a v4 reader.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from cjm_editor.model.limits import MAX_VOTES
from cjm_editor.model.order import first_keys

FORMAT_NAME = "cjm-editor/journey"
CURRENT_VERSION = 4
"""The format version this editor writes."""
READER_VERSION = 4
"""Files whose minReaderVersion is above this are refused, never rewritten."""

Json = dict[str, Any]

_V1_CARD_KINDS = {"pain": "pain-point", "idea": "opportunity", "thought": "quote", "kpi": "metric"}
_V1_LANE_KINDS = {"pains": "pain-points", "ideas": "opportunities", "kpis": "metrics", "quotes": "thoughts"}


def _v1_to_v2(data: Json) -> Json:
    out: Json = {"format": FORMAT_NAME, "formatVersion": 2, "minReaderVersion": 2}
    out["documentId"] = data.get("id", "")
    for key in ("title", "description"):
        if key in data:
            out[key] = data[key]
    scale = data.get("scale", [-2, 2])
    if isinstance(scale, list) and len(scale) == 2:
        out["scale"] = {"min": scale[0], "max": scale[1]}
    else:
        out["scale"] = scale
    out["personas"] = [_rename(p, {"color": "colour"}) for p in data.get("personas", [])]
    out["stages"] = data.get("stages", [])
    out["lanes"] = [_v1_lane(lane) for lane in data.get("lanes", [])]
    out["cards"] = [_v1_card(c) for c in data.get("cards", [])]
    out["emotions"] = [_v1_emotion(e) for e in data.get("emotions", [])]
    out["connections"] = [_v1_connection(c) for c in data.get("connections", [])]
    known = {"format", "version", "id", "title", "description", "scale", "personas", "stages", "lanes"}
    known |= {"cards", "emotions", "connections"}
    out.update({k: v for k, v in data.items() if k not in known})
    return out


def _rename(d: Any, names: dict[str, str]) -> Any:
    if not isinstance(d, dict):
        return d
    return {names.get(k, k): v for k, v in d.items()}


def _v1_lane(lane: Any) -> Any:
    lane = _rename(lane, {"type": "kind"})
    if isinstance(lane, dict) and lane.get("kind") in _V1_LANE_KINDS:
        lane["kind"] = _V1_LANE_KINDS[lane["kind"]]
    return lane


def _v1_card(card: Any) -> Any:
    card = _rename(card, {"type": "kind", "text": "title", "notes": "body"})
    if isinstance(card, dict) and card.get("kind") in _V1_CARD_KINDS:
        card["kind"] = _V1_CARD_KINDS[card["kind"]]
    return card


def _v1_emotion(e: Any) -> Any:
    if not isinstance(e, dict):
        return e
    out = {
        "id": f"e-{e.get('persona')}-{e.get('stage')}",
        "persona": e.get("persona"),
        "stage": e.get("stage"),
    }
    out.update({k: v for k, v in e.items() if k not in ("persona", "stage")})
    return out


def _v1_connection(c: Any) -> Any:
    if not isinstance(c, dict) or "id" in c:
        return c
    return {"id": f"c-{c.get('from')}-{c.get('to')}", **c}


def _v2_to_v3(data: Json) -> Json:
    """Order keys from list positions: stages, lanes and personas in list order, cards per cell."""
    out = dict(data, formatVersion=3, minReaderVersion=3)
    for name in ("stages", "lanes", "personas"):
        items = data.get(name)
        if isinstance(items, list):
            out[name] = _keyed(items, [0] * len(items))
    cards = data.get("cards")
    if isinstance(cards, list):
        cells = [(c.get("stage"), c.get("lane")) if isinstance(c, dict) else None for c in cards]
        out["cards"] = _keyed(cards, [repr(cell) for cell in cells])
    return out


def _keyed(items: list[Any], groups: list[Any]) -> list[Any]:
    """Each object gets the next key of its group, in list order (non-objects are left as they are
    for the codec to report)."""
    counts: dict[Any, int] = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    keys = {g: iter(first_keys(n)) for g, n in counts.items()}
    out = []
    for item, g in zip(items, groups, strict=True):
        key = next(keys[g])
        out.append({**item, "order": key} if isinstance(item, dict) and "order" not in item else item)
    return out


def _v3_to_v4(data: Json) -> Json:
    """Each card's `votes: N` becomes N anonymous votes with ids derived from the card's id."""
    out = dict(data, formatVersion=4, minReaderVersion=4)
    cards = data.get("cards")
    if not isinstance(cards, list):
        return out
    votes = list(data.get("votes", [])) if isinstance(data.get("votes", []), list) else data["votes"]
    counts = [c.get("votes") if isinstance(c, dict) else None for c in cards]
    whole = [n for n in counts if isinstance(n, int) and not isinstance(n, bool) and n >= 0]
    if sum(whole) > MAX_VOTES:  # left on the cards: the codec reports the limit at its place
        return out
    kept = []
    for card in cards:
        n = card.get("votes") if isinstance(card, dict) else None
        if isinstance(n, int) and not isinstance(n, bool) and n >= 0 and isinstance(card.get("id"), str):
            card = {k: v for k, v in card.items() if k != "votes"}
            if isinstance(votes, list):
                votes += [{"id": f"v-{card['id']}-{i + 1}", "card": card["id"]} for i in range(n)]
        kept.append(card)
    out["cards"] = kept
    if votes:
        out["votes"] = votes
    return out


MIGRATIONS: dict[int, Callable[[Json], Json]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
"""MIGRATIONS[n] turns a version-n document into a version-(n+1) document."""


def file_version(data: Json) -> Any:
    """The format version a document declares (v1 used `version`)."""
    return data.get("formatVersion", data.get("version"))


def upgrade(data: Json) -> Json:
    """Apply every step from the document's version up to CURRENT_VERSION. Never mutates `data`."""
    version = file_version(data)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("formatVersion must be a whole number")
    if version >= CURRENT_VERSION:
        return data
    data = copy.deepcopy(data)
    while version < CURRENT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data
