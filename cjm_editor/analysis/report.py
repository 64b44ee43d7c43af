"""All insights of a map in one report, as text grouped by severity or as JSON.

JSON shape (`cjm analyze --json`):
    {"findings": [{"kind", "severity", "message", "elements": [ids]}],
     "paths": [{"cards": [ids], "titles": [...], "stages": [stage ids], "implicit_steps": n}],
     "moments_of_truth": [{"persona", "kind": "low"|"drop", "stage", "card": id|null, "score",
                           "change", "elements", "message"}]}
A stage's score is the persona's lowest point there, its own or a card's (model/feelings.py, the rule
the print uses); "card" names the card when its point decides.
Severity is one of high, medium, low, info; findings are listed most severe first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cjm_editor.analysis.findings import SEVERITIES, Finding, Moment
from cjm_editor.model.journey import Journey

if TYPE_CHECKING:
    from cjm_editor.analysis.links import Loader

Section = tuple[str, list[str], str]
"""A headed list of lines of the report, with its tone: "path", "moments" or a severity."""


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    implicit_steps: list[int] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    stage_of: dict[str, str] = field(default_factory=dict)
    stage_names: dict[str, str] = field(default_factory=dict)
    persona_names: dict[str, str] = field(default_factory=dict)

    @property
    def main_path(self) -> list[str]:
        return self.paths[0] if self.paths else []

    def moment_message(self, m: Moment) -> str:
        who, where = self.persona_names.get(m.persona, m.persona), self.stage_names.get(m.stage, m.stage)
        at = f" at “{self.titles.get(m.card, m.card)}”" if m.card else ""  # a card's point decides
        if m.kind == "low":
            return f"{who} feels worst in “{where}”{at} ({m.score:+d}) on the main path."
        return f"{who}'s mood drops most on reaching “{where}”{at} ({m.change:+d}, down to {m.score:+d})."

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [f.to_json() for f in self.findings],
            "paths": [
                {
                    "cards": path,
                    "titles": [self.titles[c] for c in path],
                    "stages": [self.stage_of[c] for c in path],
                    "implicit_steps": steps,
                }
                for path, steps in zip(self.paths, self.implicit_steps, strict=True)
            ],
            "moments_of_truth": [m.to_json() | {"message": self.moment_message(m)} for m in self.moments],
        }

    def sections(self) -> list[Section]:
        """The report as headed lists of lines, for print: (heading, lines, tone), where the tone is
        "path", "moments" or a severity."""
        out: list[Section] = []
        if self.main_path:
            out.append(("Main path", [" → ".join(self.titles[c] for c in self.main_path)], "path"))
        if self.moments:
            out.append(("Moments of truth", [self.moment_message(m) for m in self.moments], "moments"))
        for severity in SEVERITIES:
            group = [f.message for f in self.findings if f.severity == severity]
            if group:
                out.append((f"{severity.capitalize()} ({len(group)})", group, severity))
        return out

    def text(self) -> str:
        lines: list[str] = []
        for heading, items, tone in self.sections():
            bullet = "  " if tone in ("path", "moments") else "  - "
            lines += [heading, *(f"{bullet}{item}" for item in items), ""]
        if not self.findings:
            lines.append("No findings.")
        return "\n".join(lines).rstrip() + "\n"


def analyze(
    journey: Journey, path: str | os.PathLike[str] | None = None, load: Loader | None = None
) -> Report:
    """Every insight of the map. With `path` and `load`, linked micro maps are checked too."""
    # networkx (about 130 ms to import) loads with the first analysis: a Report alone, as the
    # editor's window holds one from its start, does not need it.
    from cjm_editor.analysis import insights
    from cjm_editor.analysis.graph import to_digraph
    from cjm_editor.analysis.links import link_findings

    g = to_digraph(journey)
    paths = insights.main_paths(journey, g)
    main = paths[0] if paths else []
    findings = [
        *insights.dead_ends(journey, g),
        *insights.unreachable(journey, g),
        *insights.unaddressed_pains(journey),
        *insights.persona_divergence(journey),
        *insights.empty_stages(journey),
        *insights.coverage(journey),
        *insights.lane_gaps(journey),
        *insights.channel_switches(journey, main, g),
        *insights.loops(journey, g),
        *insights.hubs(journey, g),
    ]
    if path is not None and load is not None:
        findings += link_findings(journey, path, load)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: rank[f.severity])
    steps = [sum(1 for a, b in zip(p, p[1:], strict=False) if g.edges[a, b]["implicit"]) for p in paths]
    return Report(
        findings=findings,
        paths=paths,
        moments=insights.moments_of_truth(journey, main, g),
        implicit_steps=steps,
        titles={c.id: c.title for c in journey.cards},
        stage_of={c.id: c.stage_id for c in journey.cards},
        stage_names={s.id: s.name for s in journey.stages},
        persona_names={p.id: p.name for p in journey.personas},
    )
