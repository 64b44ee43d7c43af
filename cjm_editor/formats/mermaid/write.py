"""A map as Mermaid `journey` text that Mermaid accepts, with warnings for what it cannot hold."""

from __future__ import annotations

import re
from collections import Counter

from cjm_editor.formats.mermaid.convert import DEFAULT_MARK, EXTRA_KEY, SCORE_KEY
from cjm_editor.formats.mermaid.js import WS_CHARS
from cjm_editor.model.journey import Card, Journey
from cjm_editor.model.workshop import tally

KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")
MERMAID_MAX_TEXT = 50_000  # mermaid.render() draws an error instead of a longer text (maxTextSize)
# '#' and '%' start comments; Mermaid's decodeEntities turns "ﬂ°" and "¶ß" anywhere into '&' and ';'
ALWAYS = "#%\ufb02\u00b6"


def entity(char: str) -> str:
    return f"#{ord(char)};"


def _escape(text: str, specials: str) -> str:
    """One line, with '#', '%', 'ﬂ', '¶' and the given characters written as entity codes."""
    text = re.sub(r"[\r\n\u2028\u2029]+", " ", text).strip(WS_CHARS)  # Mermaid trims JavaScript's \s
    return _encoded(text, ALWAYS + specials)


def _encoded(text: str, specials: str) -> str:
    """Mermaid's encodeEntities drops a line's last ';' when the line has `style` or `classDef`, then a
    ':', non-blank characters and a '#' (an entity code's): with no ':' of its own, it cannot."""
    if "style" in text or "classDef" in text:
        specials += ":"
    return "".join(entity(c) if c in specials else c for c in text)


def _task_name(title: str) -> str:
    text = _escape(title, ":;") or "(untitled)"
    if text.lower().startswith(KEYWORDS):  # Mermaid would read a keyword there, not a task
        text = entity(text[0]) + text[1:]
    return text


def _actor(name: str) -> str:
    return _escape(name, ":;,") or entity(" ")


def _accessibility(j: Journey, acc: dict[str, object]) -> list[str]:
    """accTitle and accDescr lines, only with a value: after `accTitle:` with nothing on its line,
    Mermaid reads the next line as the value."""
    lines = []
    title = _escape(str(acc.get("accTitle") or ""), "")
    if title:
        lines.append(f"  accTitle: {title}")
    descr = j.description
    if not acc.get("accDescr") and descr == acc.get("accTitle"):  # the importer's copy of accTitle
        descr = ""
    if "\n" in descr.strip(WS_CHARS):
        body = [_encoded(line.strip(WS_CHARS), ALWAYS + "}") for line in descr.strip(WS_CHARS).splitlines()]
        lines += ["  accDescr {", *[f"    {line}" for line in body], "  }"]
    elif _escape(descr, ""):
        lines.append(f"  accDescr: {_escape(descr, '')}")
    return lines


def to_text(j: Journey) -> tuple[str, list[str]]:
    """The Mermaid text and the warnings about what it leaves out or changes."""
    warnings: list[str] = []
    lines = ["journey"]
    acc = j.extra.get(EXTRA_KEY, {}) if isinstance(j.extra.get(EXTRA_KEY), dict) else {}
    if j.title.strip(WS_CHARS) and j.title != acc.get(
        "derivedTitle"
    ):  # a title the Mermaid text did not have
        lines.append(f"  title {_escape(j.title, ';')}")
    lines += _accessibility(j, acc)
    names = {p.id: p.name for p in j.personas}
    hidden = {p.id for p in j.personas if p.extra.get(DEFAULT_MARK)}  # stands for "no actors"
    card_points: dict[str, list[tuple[str, int]]] = {}
    stage_points: dict[str, list[tuple[str, int]]] = {}
    for e in j.emotions:
        target = card_points if e.anchor_kind == "card" else stage_points
        target.setdefault(e.anchor_id, []).append((e.persona_id, e.score))
    lo, hi = j.scale.min, j.scale.max
    if (lo, hi) != (1, 5) and j.emotions:
        warnings.append(f"scores were rescaled from {lo}..{hi} to Mermaid's 1..5")
    averaged: list[str] = []
    unscored: list[str] = []
    rank = {p.id: i for i, p in enumerate(j.personas)}
    for index, stage in enumerate(j.stages):
        touch = [c for c in j.cards if c.stage_id == stage.id and c.kind == "touchpoint"]
        if stage.name.strip(WS_CHARS):
            lines.append(f"  section {_escape(stage.name, ':;')}")
        elif index > 0 or not touch:
            lines.append("  section (unnamed stage)")
            warnings.append("a stage without a name became the section “(unnamed stage)”")
        for card in touch:
            points = card_points.get(card.id) or stage_points.get(stage.id, [])
            score_text = _score(card, points, lo, hi, averaged, unscored)
            named = {pid: i for i, pid in enumerate(card.personas)}  # the task's own actor order
            actors = sorted(
                {pid for pid, _ in points} - hidden,
                key=lambda pid: (named.get(pid, len(named)), rank[pid]),
            )
            people = ", ".join(_actor(names[p]) for p in actors)
            lines.append(f"    {_task_name(card.title)}: {score_text}" + (f": {people}" if people else ""))
    if averaged:
        warnings.append(
            f"{len(averaged)} task(s) averaged personas' different scores: {', '.join(averaged[:5])}"
        )
    if unscored:
        warnings.append(
            f"{len(unscored)} task(s) had no score and were written as 3: {', '.join(unscored[:5])}"
        )
    warnings += _left_out(j)
    text = "\n".join(lines) + "\n"
    if len(text) > MERMAID_MAX_TEXT:
        warnings.append(
            f"the text is {len(text):,} characters long: Mermaid draws only "
            f"{MERMAID_MAX_TEXT:,} unless its site configuration raises maxTextSize"
        )
    return text, warnings


def _score(
    card: Card, points: list[tuple[str, int]], lo: int, hi: int, averaged: list[str], unscored: list[str]
) -> str:
    """The task score: the personas' scores rescaled to 1..5, averaged and rounded."""
    original = card.extra.get(SCORE_KEY)
    if not points:
        if isinstance(original, str):  # Mermaid's score that was no number, kept on the card
            return _escape(original, ":;,") or "3"
        unscored.append(card.title[:30])
        return "3"
    values = [1 + (s - lo) * 4 / (hi - lo) for _, s in points]
    mean = sum(values) / len(values)
    score = int(mean + 0.5)
    if len(set(values)) > 1:
        averaged.append(card.title[:30])
    if isinstance(original, str) and (lo, hi) == (1, 5) and len(set(values)) == 1:
        return _escape(original, ":;,") or str(score)  # the score Mermaid had, kept on the card
    return str(score)


def _left_out(j: Journey) -> list[str]:
    out = []
    kinds = Counter(c.kind for c in j.cards if c.kind != "touchpoint")
    if kinds:
        out.append(
            "not in Mermaid (only touchpoints become tasks): "
            + ", ".join(f"{n} {k}" for k, n in kinds.items())
        )
    if j.connections:
        out.append(f"not in Mermaid: {len(j.connections)} connection(s) between cards")
    fields: Counter[str] = Counter()
    counts = tally(j)
    for c in j.cards:
        if c.kind != "touchpoint":
            continue
        for name in ("channel", "owner", "source", "link"):
            if getattr(c, name):
                fields[name] += 1
        if c.body and not (c.extra.get(SCORE_KEY) and c.body.startswith("Mermaid score:")):
            fields["details"] += 1
        if counts[c.id]:
            fields["votes"] += 1
        if c.tags:
            fields["tags"] += 1
    if fields:
        out.append("card fields not in Mermaid: " + ", ".join(f"{k} ({n})" for k, n in fields.items()))
    if any(s.description or s.link for s in j.stages):
        out.append("stage descriptions and links are not in Mermaid")
    if any(p.description or p.goals or p.needs or p.pain_points or p.channels for p in j.personas):
        out.append("persona details (description, goals, needs, pain points, channels) are not in Mermaid")
    return out
