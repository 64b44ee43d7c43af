"""Plain JSON values <-> Journey, for format version 4.

`journey_to_dict` gives the canonical form: keys in a fixed order, empty optional fields left out,
unknown fields sorted after the known ones; every list sorted by id, so moving an element changes only
its `order` line. `journey_from_dict` checks every field's type and raises
LoadError naming the JSON location; it does not repair references (see repair.py).
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any, TypeVar

from cjm_editor.formats.errors import LoadError, LoadReport, path_str
from cjm_editor.formats.migrations import CURRENT_VERSION, FORMAT_NAME, READER_VERSION
from cjm_editor.model import limits
from cjm_editor.model.journey import (
    CARD_KINDS,
    LANE_KINDS,
    AnchorKind,
    Card,
    Connection,
    EmotionPoint,
    EmotionScale,
    Journey,
    Lane,
    MapLink,
    Participant,
    Persona,
    Rating,
    Stage,
    Vote,
    Workshop,
    snapshot,
)
from cjm_editor.model.normalize import normalize
from cjm_editor.model.order import is_valid
from cjm_editor.model.registry import COLLECTIONS

ENVELOPE = ("format", "formatVersion", "minReaderVersion", "documentId")
TOP_KEYS = frozenset(
    (*ENVELOPE, "title", "description", "scale", "personas", "stages", "lanes", "cards", "emotions")
    + ("connections", "links", "participants", "votes", "ratings", "workshop")
)
PERSONA_KEYS = frozenset(
    ("id", "order", "name", "description", "goals", "needs", "painPoints", "channels", "colour")
)
STAGE_KEYS = frozenset(("id", "order", "name", "description", "link", "width"))
LANE_KEYS = frozenset(("id", "order", "name", "kind", "collapsed"))
CARD_KEYS = frozenset(
    (
        "id",
        "stage",
        "lane",
        "order",
        "kind",
        "title",
        "body",
        "channel",
        "owner",
        "source",
        "value",
        "target",
        "unit",
    )
    + ("tags", "personas", "link")
)
EMOTION_KEYS = frozenset(("id", "persona", "stage", "card", "score", "note"))
CONNECTION_KEYS = frozenset(("id", "from", "to", "label"))
LINK_KEYS = frozenset(("id", "path", "label"))
PARTICIPANT_KEYS = frozenset(("id", "order", "name", "colour"))
VOTE_KEYS = frozenset(("id", "card", "participant"))
RATING_KEYS = frozenset(("id", "participant", "persona", "stage", "card", "score", "note"))
WORKSHOP_KEYS = frozenset(("dots", "votableKinds"))
SCALE_KEYS = frozenset(("min", "max", "labels"))
LABEL_KEYS = frozenset(("score", "label"))
MAX_EXTRA_DEPTH = limits.MAX_EXTRA_DEPTH
MAX_TEXT = limits.MAX_TEXT
"""No text at most this long breaks limits.text_length, so shorter texts skip the call."""
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

Json = dict[str, Any]
T = TypeVar("T")


# ---------------------------------------------------------------------- writing
def _extra(out: Json, extra: Json) -> Json:
    for key in sorted(extra):
        out[key] = _sorted_value(extra[key])
    return out


def _sorted_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_value(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted_value(v) for v in value]
    return value


def _card_dict(c: Card) -> Json:
    out: Json = {"id": c.id, "stage": c.stage_id, "lane": c.lane_id, "order": c.order}
    out["kind"], out["title"] = c.kind, c.title
    if c.body:
        out["body"] = c.body
    if c.channel:
        out["channel"] = c.channel
    if c.owner:
        out["owner"] = c.owner
    if c.source:
        out["source"] = c.source
    if c.value is not None:
        out["value"] = c.value
    if c.target is not None:
        out["target"] = c.target
    if c.unit:
        out["unit"] = c.unit
    if c.tags:
        out["tags"] = list(c.tags)
    if c.personas:
        out["personas"] = list(c.personas)
    if c.link is not None:
        out["link"] = c.link
    return _extra(out, c.extra) if c.extra else out


def _persona_dict(p: Persona) -> Json:
    out: Json = {"id": p.id, "order": p.order, "name": p.name}
    if p.description:
        out["description"] = p.description
    for key, values in (("goals", p.goals), ("needs", p.needs), ("painPoints", p.pain_points)):
        if values:
            out[key] = list(values)
    if p.channels:
        out["channels"] = list(p.channels)
    out["colour"] = p.colour
    return _extra(out, p.extra)


def _stage_dict(s: Stage) -> Json:
    out: Json = {"id": s.id, "order": s.order, "name": s.name}
    if s.description:
        out["description"] = s.description
    if s.link is not None:
        out["link"] = s.link
    if s.width is not None:
        out["width"] = s.width
    return _extra(out, s.extra)


def _lane_dict(lane: Lane) -> Json:
    out: Json = {"id": lane.id, "order": lane.order, "name": lane.name, "kind": lane.kind}
    if lane.collapsed:
        out["collapsed"] = True
    return _extra(out, lane.extra)


def _emotion_dict(e: EmotionPoint) -> Json:
    out: Json = {"id": e.id, "persona": e.persona_id, e.anchor_kind: e.anchor_id, "score": e.score}
    if e.note:
        out["note"] = e.note
    return _extra(out, e.extra)


def _connection_dict(c: Connection) -> Json:
    out: Json = {"id": c.id, "from": c.source_id, "to": c.target_id}
    if c.label:
        out["label"] = c.label
    return _extra(out, c.extra)


def _link_dict(link: MapLink) -> Json:
    out: Json = {"id": link.id, "path": link.path}
    if link.label:
        out["label"] = link.label
    return _extra(out, link.extra)


def _participant_dict(p: Participant) -> Json:
    out: Json = {"id": p.id, "order": p.order, "name": p.name}
    if p.colour:
        out["colour"] = p.colour
    return _extra(out, p.extra)


def _vote_dict(v: Vote) -> Json:
    out: Json = {"id": v.id, "card": v.card_id}
    if v.participant_id is not None:
        out["participant"] = v.participant_id
    return _extra(out, v.extra)


def _rating_dict(r: Rating) -> Json:
    out: Json = {"id": r.id}
    if r.participant_id is not None:
        out["participant"] = r.participant_id
    out["persona"], out[r.anchor_kind] = r.persona_id, r.anchor_id
    out["score"] = int(r.score) if float(r.score).is_integer() else r.score
    if r.note:
        out["note"] = r.note
    return _extra(out, r.extra)


def scale_dict(scale: EmotionScale) -> Json:
    out: Json = {"min": scale.min, "max": scale.max}
    if scale.labels:
        out["labels"] = [
            _extra({"score": k, "label": scale.labels[k]}, scale.label_extra.get(k, {}))
            for k in sorted(scale.labels)
        ]
    return _extra(out, scale.extra)


def journey_to_dict(j: Journey) -> Json:
    """The canonical JSON value of a journey, envelope included. Elements without an order key get
    one that keeps their list position (a map built in code)."""
    if any(not is_valid(e.order) for spec in COLLECTIONS if spec.ordered for e in getattr(j, spec.name)):
        j = snapshot(j)
        normalize(j, sort=False)  # the lists are written sorted by id
    out: Json = {
        "format": FORMAT_NAME,
        "formatVersion": CURRENT_VERSION,
        "minReaderVersion": READER_VERSION,
        "documentId": j.id,
        "title": j.title,
    }
    if j.description:
        out["description"] = j.description
    out["scale"] = scale_dict(j.scale)
    out["personas"] = [_persona_dict(p) for p in _by_id(j.personas)]
    out["stages"] = [_stage_dict(s) for s in _by_id(j.stages)]
    out["lanes"] = [_lane_dict(lane) for lane in _by_id(j.lanes)]
    out["cards"] = [_card_dict(c) for c in _by_id(j.cards)]
    out["emotions"] = [_emotion_dict(e) for e in _by_id(j.emotions)]
    out["connections"] = [_connection_dict(c) for c in _by_id(j.connections)]
    if j.links:
        out["links"] = [_link_dict(link) for link in _by_id(j.links)]
    if j.workshop != Workshop():
        out["workshop"] = workshop_dict(j.workshop)
    if j.participants:
        out["participants"] = [_participant_dict(p) for p in _by_id(j.participants)]
    if j.votes:
        out["votes"] = [_vote_dict(v) for v in _by_id(j.votes)]
    if j.ratings:
        out["ratings"] = [_rating_dict(r) for r in _by_id(j.ratings)]
    return _extra(out, j.extra)


def _by_id(items: list[T]) -> list[T]:
    return sorted(items, key=attrgetter("id"))


# ---------------------------------------------------------------------- reading
class _Reader:
    """Typed field access that raises LoadError naming the JSON path."""

    def __init__(self, display: str) -> None:
        self.display = display

    def fail(self, path: tuple[str | int, ...], message: str) -> LoadError:
        return LoadError(self.display, path_str(path), message)

    def obj(self, value: Any, path: tuple[str | int, ...]) -> Json:
        if type(value) is not dict:
            raise self.fail(path, f"expected an object, found {_kind(value)}")
        return value

    def items(self, d: Json, key: str, path: tuple[str | int, ...]) -> list[Any]:
        value = d.get(key, [])
        if type(value) is not list:
            raise self.fail((*path, key), f"expected a list, found {_kind(value)}")
        return value

    def text(self, d: Json, key: str, path: tuple[str | int, ...], default: str | None = "") -> str:
        value = d.get(key, default)
        if type(value) is not str:
            if value is None and key not in d:
                raise self.fail(path, f"missing field {key!r}")
            raise self.fail((*path, key), f"expected text, found {_kind(value)}")
        if len(value) > MAX_TEXT:  # the path is made only for a text that may break the limit
            self.bounded(value, (*path, key))
        return value

    def bounded(self, value: str, path: tuple[str | int, ...]) -> str:
        hit = limits.text_length(value)
        if hit is not None:
            raise self.fail(path, str(hit))
        return value

    def colour(self, d: Json, key: str, path: tuple[str | int, ...]) -> str:
        """A colour as #rrggbb, as the schema says (absent: the default blue)."""
        value = self.text(d, key, path, "#3b6fd1")
        if not COLOUR.fullmatch(value):
            raise self.fail((*path, key), f"expected a colour like #3b6fd1, found {value[:20]!r}")
        return value

    def ident(self, d: Json, key: str, path: tuple[str | int, ...]) -> str:
        """An id or a reference to one: required, non-empty text."""
        value = self.text(d, key, path, None)
        if not value:
            raise self.fail((*path, key), "an id cannot be empty")
        return value

    def opt_text(self, d: Json, key: str, path: tuple[str | int, ...]) -> str | None:
        value = d.get(key)
        if value is not None and type(value) is not str:
            raise self.fail((*path, key), f"expected text, found {_kind(value)}")
        return value if value is None else self.bounded(value, (*path, key))

    def texts(self, d: Json, key: str, path: tuple[str | int, ...], ids: bool = False) -> tuple[str, ...]:
        value = d.get(key)
        if value is None:
            return ()
        if type(value) is not list or any(type(v) is not str or (ids and not v) for v in value):
            raise self.fail((*path, key), "expected a list of ids" if ids else "expected a list of texts")
        for i, v in enumerate(value):
            if len(v) > MAX_TEXT:
                self.bounded(v, (*path, key, i))
        return tuple(value)

    def whole(self, d: Json, key: str, path: tuple[str | int, ...], default: int | None = None) -> int:
        value = d.get(key, default)
        if type(value) is float and value.is_integer():
            value = int(value)
        if type(value) is not int:
            if value is None and key not in d:
                raise self.fail(path, f"missing field {key!r}")
            raise self.fail((*path, key), f"expected a whole number, found {_kind(value)}")
        return value

    def number(self, d: Json, key: str, path: tuple[str | int, ...]) -> float | None:
        value = d.get(key)
        if value is not None and type(value) not in (int, float):
            raise self.fail((*path, key), f"expected a number, found {_kind(value)}")
        return value

    def positive(self, d: Json, key: str, path: tuple[str | int, ...]) -> float | None:
        value = self.number(d, key, path)
        if value is not None and value <= 0:
            raise self.fail((*path, key), f"expected a positive number, found {value!r}")
        return value

    def extra(self, d: Json, known: frozenset[str], path: tuple[str | int, ...]) -> Json:
        if known.issuperset(d):
            return {}
        unknown = d.keys() - known
        for key in unknown:
            if _depth(d[key]) > MAX_EXTRA_DEPTH:
                raise self.fail((*path, key), f"nesting is deeper than {MAX_EXTRA_DEPTH} levels")
        return {k: d[k] for k in d if k in unknown}


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _depth(value: Any) -> int:
    best, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            best = max(best, depth)
            if depth > MAX_EXTRA_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (node.values() if isinstance(node, dict) else node))
    return best


def _scale(r: _Reader, d: Json, report: LoadReport | None) -> EmotionScale:
    path: tuple[str | int, ...] = ("scale",)
    raw = r.obj(d.get("scale", {"min": -2, "max": 2}), path)
    lo, hi = r.whole(raw, "min", path), r.whole(raw, "max", path)
    if hi <= lo:
        raise r.fail(path, f"the scale's max ({hi}) must be above its min ({lo})")
    hit = limits.scale(lo, hi)
    if hit is not None:
        raise r.fail(path, str(hit))
    labels: dict[int, str] = {}
    label_extra: dict[int, Json] = {}
    for i, item in enumerate(r.items(raw, "labels", path)):
        ipath = (*path, "labels", i)
        entry = r.obj(item, ipath)
        score, label = r.whole(entry, "score", ipath), r.text(entry, "label", ipath)
        if score in labels:  # keep the first, say what the second said
            if report is None:
                raise r.fail((*ipath, "score"), f"a second label for score {score}")
            report.add(
                path_str((*ipath, "score")),
                f"a second label for score {score} ({label[:40]!r}); kept the first ({labels[score][:40]!r})",
            )
            continue
        labels[score] = label
        extra = r.extra(entry, LABEL_KEYS, ipath)
        if extra:
            label_extra[score] = extra
    return EmotionScale(lo, hi, labels, r.extra(raw, SCALE_KEYS, path), label_extra)


def _persona(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Persona:
    d = r.obj(raw, path)
    return Persona(
        id=r.ident(d, "id", path),
        order=r.text(d, "order", path),
        name=r.text(d, "name", path),
        description=r.text(d, "description", path),
        goals=r.texts(d, "goals", path),
        needs=r.texts(d, "needs", path),
        pain_points=r.texts(d, "painPoints", path),
        channels=r.texts(d, "channels", path),
        colour=r.colour(d, "colour", path),
        extra=r.extra(d, PERSONA_KEYS, path),
    )


def _stage(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Stage:
    d = r.obj(raw, path)
    return Stage(
        id=r.ident(d, "id", path),
        name=r.text(d, "name", path),
        description=r.text(d, "description", path),
        link=r.opt_text(d, "link", path),
        width=r.positive(d, "width", path),
        order=r.text(d, "order", path),
        extra=r.extra(d, STAGE_KEYS, path),
    )


def _lane(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Lane:
    d = r.obj(raw, path)
    kind = r.text(d, "kind", path, None)
    if kind not in LANE_KINDS:
        raise r.fail((*path, "kind"), f"unknown lane kind {kind!r} (expected one of {', '.join(LANE_KINDS)})")
    collapsed = d.get("collapsed", False)
    if type(collapsed) is not bool:
        raise r.fail((*path, "collapsed"), "expected true or false")
    return Lane(
        id=r.ident(d, "id", path),
        name=r.text(d, "name", path),
        kind=kind,
        collapsed=collapsed,
        order=r.text(d, "order", path),
        extra=r.extra(d, LANE_KEYS, path),
    )


_CARD_TEXTS = frozenset(("id", "stage", "lane", "kind", "title", "body", "channel", "owner", "source"))
_CARD_TEXTS |= frozenset(("unit", "link", "order"))
_CARD_NUMBERS = frozenset(("value", "target"))


def _card(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Card:
    card = _plain_card(raw)
    return card if card is not None else _checked_card(r, raw, path)


def _plain_card(d: Any) -> Card | None:
    """The card of a well-formed value in one pass over its fields, or None for anything else (an
    unknown field, a wrong type, a text past the limit, a missing id...): `_checked_card` then reads
    it field by field and names the fault. Both give the same card for the values this accepts."""
    if type(d) is not dict:
        return None
    for key, value in d.items():
        if key in _CARD_TEXTS:
            if type(value) is not str or len(value) > MAX_TEXT:
                return None
        elif key in _CARD_NUMBERS:
            if type(value) is not int and type(value) is not float and value is not None:
                return None
        elif key == "tags" or key == "personas":
            if type(value) is not list:
                return None
            for v in value:
                if type(v) is not str or len(v) > MAX_TEXT or (not v and key == "personas"):
                    return None
        else:
            return None
    get = d.get
    stage, lane, kind, cid = get("stage"), get("lane"), get("kind"), get("id")
    if not stage or not lane or not cid or kind not in CARD_KINDS:
        return None
    return Card(
        stage_id=stage,
        lane_id=lane,
        kind=kind,
        title=get("title", ""),
        id=cid,
        body=get("body", ""),
        channel=get("channel", ""),
        owner=get("owner", ""),
        source=get("source", ""),
        value=get("value"),
        target=get("target"),
        unit=get("unit", ""),
        tags=tuple(get("tags", ())),
        personas=tuple(get("personas", ())),
        link=get("link"),
        order=get("order", ""),
        extra={},
    )


def _checked_card(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Card:
    d = r.obj(raw, path)
    text = r.text
    kind = text(d, "kind", path, None)
    if kind not in CARD_KINDS:
        raise r.fail((*path, "kind"), f"unknown card kind {kind!r} (expected one of {', '.join(CARD_KINDS)})")
    if "votes" in d:  # a format-3 count the migration could not turn into votes (migrations.py)
        votes = r.whole(d, "votes", path, 0)
        if votes < 0:
            raise r.fail((*path, "votes"), "votes cannot be negative")
        hit = limits.votes(votes)
        why = str(hit) if hit is not None else "a card's votes are listed under 'votes' since format 4"
        raise r.fail((*path, "votes"), why)
    return Card(
        stage_id=r.ident(d, "stage", path),
        lane_id=r.ident(d, "lane", path),
        kind=kind,
        title=text(d, "title", path),
        id=r.ident(d, "id", path),
        body=text(d, "body", path) if "body" in d else "",
        channel=text(d, "channel", path) if "channel" in d else "",
        owner=text(d, "owner", path) if "owner" in d else "",
        source=text(d, "source", path) if "source" in d else "",
        value=r.number(d, "value", path),
        target=r.number(d, "target", path),
        unit=text(d, "unit", path) if "unit" in d else "",
        tags=r.texts(d, "tags", path),
        personas=r.texts(d, "personas", path, ids=True),
        link=r.opt_text(d, "link", path),
        order=text(d, "order", path) if "order" in d else "",
        extra=r.extra(d, CARD_KEYS, path),
    )


def _emotion(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> EmotionPoint:
    d = r.obj(raw, path)
    if ("stage" in d) == ("card" in d):
        raise r.fail(path, "an emotion point needs exactly one anchor: 'stage' or 'card'")
    anchor_kind: AnchorKind = "stage" if "stage" in d else "card"
    return EmotionPoint(
        persona_id=r.ident(d, "persona", path),
        anchor_kind=anchor_kind,
        anchor_id=r.ident(d, anchor_kind, path),
        score=r.whole(d, "score", path),
        id=r.ident(d, "id", path),
        note=r.text(d, "note", path),
        extra=r.extra(d, EMOTION_KEYS, path),
    )


def _connection(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Connection:
    d = r.obj(raw, path)
    return Connection(
        source_id=r.ident(d, "from", path),
        target_id=r.ident(d, "to", path),
        id=r.ident(d, "id", path),
        label=r.text(d, "label", path),
        extra=r.extra(d, CONNECTION_KEYS, path),
    )


def _link(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> MapLink:
    d = r.obj(raw, path)
    return MapLink(
        path=r.ident(d, "path", path),
        label=r.text(d, "label", path),
        id=r.ident(d, "id", path),
        extra=r.extra(d, LINK_KEYS, path),
    )


def _participant(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Participant:
    d = r.obj(raw, path)
    colour = r.colour(d, "colour", path) if "colour" in d else ""
    return Participant(
        id=r.ident(d, "id", path),
        name=r.text(d, "name", path),
        colour=colour,
        order=r.text(d, "order", path),
        extra=r.extra(d, PARTICIPANT_KEYS, path),
    )


def _vote(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Vote:
    d = r.obj(raw, path)
    return Vote(
        card_id=r.ident(d, "card", path),
        participant_id=r.ident(d, "participant", path) if "participant" in d else None,
        id=r.ident(d, "id", path),
        extra=r.extra(d, VOTE_KEYS, path),
    )


def _rating(r: _Reader, raw: Any, path: tuple[str | int, ...]) -> Rating:
    d = r.obj(raw, path)
    if ("stage" in d) == ("card" in d):
        raise r.fail(path, "a rating needs exactly one anchor: 'stage' or 'card'")
    anchor_kind: AnchorKind = "stage" if "stage" in d else "card"
    score = r.number(d, "score", path)
    if score is None:
        raise r.fail(path, "missing field 'score'")
    return Rating(
        persona_id=r.ident(d, "persona", path),
        anchor_kind=anchor_kind,
        anchor_id=r.ident(d, anchor_kind, path),
        score=score,
        participant_id=r.ident(d, "participant", path) if "participant" in d else None,
        id=r.ident(d, "id", path),
        note=r.text(d, "note", path),
        extra=r.extra(d, RATING_KEYS, path),
    )


def workshop_dict(w: Workshop) -> Json:
    """The voting settings as the file writes them."""
    return {"dots": w.dots, "votableKinds": list(w.votable)}


def workshop_from_dict(raw: Any, display: str) -> Workshop:
    """Voting settings from their JSON value; LoadError names the fault."""
    return _workshop(_Reader(display), {"workshop": raw})


def _workshop(r: _Reader, data: Json) -> Workshop:
    if "workshop" not in data:
        return Workshop()
    path: tuple[str | int, ...] = ("workshop",)
    d = r.obj(data["workshop"], path)
    dots = r.whole(d, "dots", path, Workshop().dots)
    if dots < 1:
        raise r.fail((*path, "dots"), "each participant needs at least one dot")
    kinds = r.texts(d, "votableKinds", path) if "votableKinds" in d else Workshop().votable
    for i, kind in enumerate(kinds):
        if kind not in CARD_KINDS:
            raise r.fail((*path, "votableKinds", i), f"unknown card kind {kind!r}")
    return Workshop(dots, kinds)


def journey_from_dict(data: Json, display: str, report: LoadReport | None = None) -> Journey:
    """Build a Journey from a version-4 document whose envelope was already checked. What it has to
    leave out (a second label for the same score) goes to `report`, or is an error without one."""
    r = _Reader(display)
    top: tuple[str | int, ...] = ()

    def each(key: str, build: Any) -> list[Any]:
        return [build(r, raw, (key, i)) for i, raw in enumerate(r.items(data, key, top))]

    return Journey(
        id=r.ident(data, "documentId", top),
        title=r.text(data, "title", top),
        description=r.text(data, "description", top),
        scale=_scale(r, data, report),
        personas=each("personas", _persona),
        stages=each("stages", _stage),
        lanes=each("lanes", _lane),
        cards=each("cards", _card),
        emotions=each("emotions", _emotion),
        connections=each("connections", _connection),
        links=each("links", _link),
        participants=each("participants", _participant),
        votes=each("votes", _vote),
        ratings=each("ratings", _rating),
        workshop=_workshop(r, data),
        extra=r.extra(data, TOP_KEYS, top),
    )


# ---------------------------------------------------------------------- one element at a time
_WRITERS: dict[str, Any] = {
    "personas": _persona_dict,
    "stages": _stage_dict,
    "lanes": _lane_dict,
    "cards": _card_dict,
    "emotions": _emotion_dict,
    "connections": _connection_dict,
    "links": _link_dict,
    "participants": _participant_dict,
    "votes": _vote_dict,
    "ratings": _rating_dict,
}
_READERS: dict[str, Any] = {
    "personas": _persona,
    "stages": _stage,
    "lanes": _lane,
    "cards": _card,
    "emotions": _emotion,
    "connections": _connection,
    "links": _link,
    "participants": _participant,
    "votes": _vote,
    "ratings": _rating,
}


def element_to_dict(name: str, entity: Any) -> Json:
    """The file's JSON value of one element of the collection `name` (a co-editing peer's fields)."""
    out: Json = _WRITERS[name](entity)
    return out


def element_from_dict(name: str, raw: Any, display: str, path: tuple[str | int, ...] = ()) -> Any:
    """Build one element of the collection `name` from its JSON value; LoadError names the fault."""
    return _READERS[name](_Reader(display), raw, path or (name,))


def scale_from_dict(raw: Any, display: str) -> EmotionScale:
    """An emotion scale from its JSON value; LoadError names the fault."""
    return _scale(_Reader(display), {"scale": raw}, None)
