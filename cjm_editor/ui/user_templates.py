"""Templates: the shipped ones and the user's own, saved with File → Save as Template… in the
platformdirs config folder (`…/cjm-editor/templates/NAME.cjm.json`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError
from cjm_editor.formats.templates import template, templates
from cjm_editor.model.ids import new_id
from cjm_editor.model.journey import Journey, snapshot

USER_PREFIX = "user:"


def folder() -> Path:
    """Where the user's templates live (created when the first one is saved)."""
    return platformdirs.user_config_path("cjm-editor") / "templates"


@dataclass(frozen=True)
class TemplateChoice:
    """One template for the New dialog: `id` is a shipped id or "user:FILE-STEM"."""

    id: str
    title: str
    description: str
    journey: Journey

    @property
    def own(self) -> bool:
        return self.id.startswith(USER_PREFIX)


def user_templates() -> list[TemplateChoice]:
    """The user's templates that can be read, by title (an unreadable file is left out)."""
    out = []
    for path in sorted(folder().glob(f"*{cjm_json.SUFFIX}")):
        try:
            journey = cjm_json.load(path).journey
        except LoadError:
            continue
        stem = path.name.removesuffix(cjm_json.SUFFIX)
        out.append(TemplateChoice(USER_PREFIX + stem, journey.title, journey.description, journey))
    return sorted(out, key=lambda t: t.title.lower())


def choices() -> list[TemplateChoice]:
    """The shipped templates in catalogue order, then the user's own."""
    shipped = [TemplateChoice(t.id, t.title, t.description, template(t.id)) for t in templates()]
    return shipped + user_templates()


def new_map(template_id: str) -> Journey:
    """A new map from a template (a fresh document id)."""
    if not template_id.startswith(USER_PREFIX):
        return template(template_id)
    path = folder() / (template_id.removeprefix(USER_PREFIX) + cjm_json.SUFFIX)
    journey = cjm_json.load(path).journey
    journey.id = new_id()
    return journey


def file_name(title: str) -> str:
    stem = re.sub(r"[^\w-]+", "-", title.strip().lower()).strip("-") or "template"
    return stem[:60] + cjm_json.SUFFIX


def save_template(journey: Journey, title: str) -> Path:
    """Save a copy of the map as a template called `title` (the same title replaces it)."""
    copy = replace(snapshot(journey), title=title)
    path = folder() / file_name(title)
    path.parent.mkdir(parents=True, exist_ok=True)
    cjm_json.save(copy, path)
    return path
