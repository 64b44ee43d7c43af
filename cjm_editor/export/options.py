"""What a handout kit contains and how it is printed: the options of `cjm export pdf` and the dialog."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from reportlab.lib import pagesizes
from reportlab.lib.units import mm

from cjm_editor.model.journey import Journey
from cjm_editor.model.naming import ambiguity, match_persona

PARTS: tuple[str, ...] = ("cover", "overview", "poster", "stages", "personas", "curves", "pains", "insights")
PARTS += ("voting", "cutouts")  # workshop parts (export/parts/voting.py, cutouts.py)
DEFAULT_KIT = tuple(p for p in PARTS if p not in ("poster", "voting", "cutouts"))
PAPERS = {"A4": pagesizes.A4, "Letter": pagesizes.LETTER, "A3": pagesizes.A3, "Tabloid": pagesizes.TABLOID}
ORIENTATIONS = ("landscape", "portrait")
MARGIN = 12 * mm
PART_TITLES = {
    "cover": "Cover",
    "overview": "The whole map",
    "poster": "Poster",
    "stages": "Stage worksheets",
    "personas": "Personas",
    "curves": "Emotion curves",
    "pains": "Pain points and opportunities",
    "insights": "Insights",
    "voting": "Voting sheet and impact/effort",
    "cutouts": "Cut-out cards (76 mm)",
}


class OptionError(ValueError):
    """An option that cannot be used with this map (e.g. an unknown persona)."""


@dataclass(frozen=True)
class KitOptions:
    kit: tuple[str, ...] = DEFAULT_KIT
    paper: str = "A4"
    orientation: str = "landscape"
    persona: str | None = None  # a persona's name or id: only its cards and curve
    blank: bool = False  # an empty grid for a wall workshop instead of the kit
    grayscale: bool = False
    date: date | None = None  # printed on the cover; fixed, the output is byte-identical run to run
    author: str = ""
    source_path: str | None = None  # the map's file, for checking linked micro maps in the insights
    poster_scale: float = 1.0  # the poster's size: 1 prints the smallest text at 8 pt, 0.75 at 6 pt
    poster_sheets: int | None = None  # at most this many sheets: the largest scale that fits them

    def page_size(self) -> tuple[float, float]:
        w, h = PAPERS[self.paper]
        short, long = min(w, h), max(w, h)
        return (long, short) if self.orientation == "landscape" else (short, long)

    def ordered_parts(self) -> list[str]:
        return [p for p in PARTS if p in self.kit]  # the kit's own order, whatever order was asked


def check_poster_scale(value: float) -> float:
    if not 0.25 <= value <= 4:
        raise OptionError(f"poster scale {value:g} is out of range; use 0.25 to 4 (1 = text at 8 pt)")
    return value


def check_poster_sheets(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise OptionError(f"the poster needs at least 1 sheet, not {value}")
    return value


def parse_kit(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        raise OptionError(f"unknown kit part {unknown[0]!r}; choose from {', '.join(PARTS)}")
    if not parts:
        raise OptionError("the kit is empty")
    return parts


def for_persona(journey: Journey, wanted: str | None) -> tuple[Journey, str | None]:
    """The map with only one persona's cards (and cards for everyone) and curve; returns its id."""
    if wanted is None:
        return journey, None
    found = match_persona(journey.personas, wanted)  # a unique start of a name will do (model/naming.py)
    if found.ambiguous:
        raise OptionError(ambiguity(wanted, found))
    if found.persona is None:
        names = ", ".join(p.name for p in journey.personas) or "none"
        raise OptionError(f"no persona named {wanted!r}; the map has: {names}")
    match = [found.persona]
    pid = match[0].id
    cards = [c for c in journey.cards if not c.personas or pid in c.personas]
    kept = {c.id for c in cards}
    return (
        dataclasses.replace(
            journey,
            personas=[match[0]],
            cards=cards,
            emotions=[
                e
                for e in journey.emotions
                if e.persona_id == pid and (e.anchor_kind == "stage" or e.anchor_id in kept)
            ],
            connections=[c for c in journey.connections if c.source_id in kept and c.target_id in kept],
        ),
        pid,
    )
