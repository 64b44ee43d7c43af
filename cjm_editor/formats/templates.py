"""The shipped map templates and the sample map, read from resources/ with importlib.resources."""

from __future__ import annotations

from dataclasses import dataclass

from cjm_editor.formats.cjm_json import SUFFIX, loads
from cjm_editor.model.ids import new_id
from cjm_editor.model.journey import Journey
from cjm_editor.resources import resource

TEMPLATE_IDS: tuple[str, ...] = (
    "blank",
    "classic-five",
    "acquisition-to-advocacy",
    "purchase-funnel",
    "retention",
)
SAMPLE = "freshbox"


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: str
    title: str
    description: str
    stages: tuple[str, ...]


def _read(folder: str, name: str) -> Journey:
    node = resource(folder, name + SUFFIX)
    return loads(node.read_bytes(), f"{folder}/{name}{SUFFIX}").journey


def template(template_id: str) -> Journey:
    """A new map from a template: a fresh document id, everything else as shipped."""
    if template_id not in TEMPLATE_IDS:
        raise KeyError(f"unknown template {template_id!r}; choose one of: {', '.join(TEMPLATE_IDS)}")
    journey = _read("templates", template_id)
    journey.id = new_id()
    return journey


def templates() -> list[TemplateInfo]:
    """Every template, in catalogue order."""
    out = []
    for tid in TEMPLATE_IDS:
        j = _read("templates", tid)
        out.append(TemplateInfo(tid, j.title, j.description, tuple(s.name for s in j.stages)))
    return out


def sample_path() -> str:
    """File path of the bundled sample map (resources are plain files in both wheel and checkout)."""
    return str(resource("samples", SAMPLE + SUFFIX))
