"""The insights. Each is a pure function of the map (and its graph) with a known-answer test."""

from __future__ import annotations

from itertools import islice

import networkx as nx

from cjm_editor.analysis.findings import Finding, Moment
from cjm_editor.analysis.graph import explicit, touchpoints_by_stage
from cjm_editor.analysis.paths import Weights, add_edge, has_path, k_shortest_simple_paths
from cjm_editor.model.feelings import StageFeeling, persona_feelings
from cjm_editor.model.journey import Journey
from cjm_editor.model.pairing import pairings
from cjm_editor.model.workshop import tally

IMPLICIT_WEIGHT = 3.0  # a path along drawn arrows is preferred to one that only follows stage order
SKIP_WEIGHT = 2.0  # per stage an arrow jumps over: the main path goes through the stages, not past them
MAX_LOOPS = 20
HUB_SAMPLE_EDGES = 400_000  # on large maps betweenness is estimated from sources ~ this / edges

Node = str | tuple[str]
"""A card id, or the start or end the main paths run between."""


def _names(journey: Journey) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    stages = {s.id: s.name for s in journey.stages}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    cards = {c.id: c.title for c in journey.cards}
    return stages, lanes, cards


def _quote(text: str) -> str:
    return f"“{text}”"


def empty_stages(journey: Journey) -> list[Finding]:
    """Stages without a touchpoint: nothing reaches the customer there."""
    touch = touchpoints_by_stage(journey)
    return [
        Finding("empty-stage", "medium", f"Stage {_quote(s.name)} has no touchpoint.", (s.id,))
        for s in journey.stages
        if not touch[s.id]
    ]


def lane_gaps(journey: Journey) -> list[Finding]:
    """Lanes with cards in some stages but none between them (emotion lanes excepted)."""
    stage_order = [s.id for s in journey.stages]
    filled: dict[str, set[str]] = {}
    for card in journey.cards:
        filled.setdefault(card.lane_id, set()).add(card.stage_id)
    out = []
    for lane in journey.lanes:
        stages = filled.get(lane.id, set())
        if lane.kind == "emotions" or not stages:
            continue
        indices = [i for i, sid in enumerate(stage_order) if sid in stages]
        gaps = [stage_order[i] for i in range(indices[0], indices[-1] + 1) if stage_order[i] not in stages]
        if gaps:
            names = ", ".join(_quote(s.name) for s in journey.stages if s.id in gaps)
            out.append(
                Finding("lane-gap", "low", f"Lane {_quote(lane.name)} is empty in {names}.", (lane.id, *gaps))
            )
    return out


def _last_touch_stage(journey: Journey) -> str | None:
    touch = touchpoints_by_stage(journey)
    return next((s.id for s in reversed(journey.stages) if touch[s.id]), None)


def dead_ends(journey: Journey, g: nx.DiGraph) -> list[Finding]:
    """Touchpoints where the drawn flow arrives but does not go on, before the last stage."""
    last = _last_touch_stage(journey)
    stages, _, cards = _names(journey)
    drawn_in: set[str] = set()
    drawn_out: set[str] = set()
    for a, b, implicit in g.edges(data="implicit"):
        if not implicit:
            drawn_out.add(a)
            drawn_in.add(b)
    out = []
    for node, data in g.nodes(data=True):
        if data["kind"] != "touchpoint" or data["stage"] == last:
            continue
        if node in drawn_in and node not in drawn_out:
            out.append(
                Finding(
                    "dead-end",
                    "high",
                    f"{_quote(cards[node])} in {_quote(stages[data['stage']])} leads nowhere: "
                    "customers who reach it have no next step (a drop-off risk).",
                    (node,),
                )
            )
    return out


def loops(journey: Journey, g: nx.DiGraph) -> list[Finding]:
    """Cycles in the drawn flow, such as a repurchase or renewal loop."""
    _, _, cards = _names(journey)
    out = []
    for cycle in islice(nx.simple_cycles(explicit(g)), MAX_LOOPS):
        ordered = _rotate_to_earliest(cycle, g)
        names = " → ".join(_quote(cards[c]) for c in [*ordered, ordered[0]])
        out.append(Finding("loop", "info", f"Customers come back round: {names}.", tuple(ordered)))
    return out


def _rotate_to_earliest(cycle: list[str], g: nx.DiGraph) -> list[str]:
    start = min(range(len(cycle)), key=lambda i: (g.nodes[cycle[i]]["stage_index"], cycle[i]))
    return cycle[start:] + cycle[:start]


def unreachable(journey: Journey, g: nx.DiGraph) -> list[Finding]:
    """Touchpoints no path reaches from the first stage's touchpoints."""
    touch = touchpoints_by_stage(journey)
    first = next((touch[s.id] for s in journey.stages if touch[s.id]), [])
    if not first:
        return []
    reached: set[str] = set(first)
    frontier = list(first)
    while frontier:  # one search from all first-stage touchpoints at once
        for nxt in g.successors(frontier.pop()):
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    stages, _, cards = _names(journey)
    return [
        Finding(
            "unreachable",
            "medium",
            f"{_quote(cards[n])} in {_quote(stages[d['stage']])} cannot be reached from the first stage.",
            (n,),
        )
        for n, d in g.nodes(data=True)
        if d["kind"] == "touchpoint" and n not in reached
    ]


def main_paths(journey: Journey, g: nx.DiGraph, k: int = 3) -> list[list[str]]:
    """Up to k cheapest routes from a first-stage touchpoint to a last-stage one. A drawn arrow costs
    1, an implicit next-stage step more, and each stage an arrow jumps over adds to its cost, so the
    main path follows the drawn flow through the stages rather than a shortcut past them."""
    touch = touchpoints_by_stage(journey)
    with_touch = [s.id for s in journey.stages if touch[s.id]]
    if len(with_touch) < 2:
        return []
    nodes = dict(g.nodes(data=True))
    succ: Weights[Node] = {}
    pred: Weights[Node] = {}
    for a, nbrs in g.adj.items():
        if nodes[a]["kind"] != "touchpoint":
            continue
        a_index = nodes[a]["stage_index"]
        for b, data in nbrs.items():
            if nodes[b]["kind"] == "touchpoint":
                skipped = max(0, nodes[b]["stage_index"] - a_index - 1)
                cost = (IMPLICIT_WEIGHT if data["implicit"] else 1.0) + SKIP_WEIGHT * skipped
                add_edge(succ, pred, a, b, cost)
    source: Node = ("__start__",)
    sink: Node = ("__end__",)
    for node in touch[with_touch[0]]:
        add_edge(succ, pred, source, node, 0.0)
    for node in touch[with_touch[-1]]:
        add_edge(succ, pred, node, sink, 0.0)
    if not has_path(succ, source, sink):
        return []
    paths = k_shortest_simple_paths(succ, pred, source, sink, k)
    return [[n for n in p[1:-1] if isinstance(n, str)] for p in paths]


def moments_of_truth(journey: Journey, path: list[str], g: nx.DiGraph) -> list[Moment]:
    """Per persona along the main path: the lowest score, and the steepest drop between stages. A
    stage's score follows the print's rule (model/feelings.py): the lowest of its points, naming the
    card when a card's point decides."""
    if not path:
        return []
    stages_on_path = list(dict.fromkeys(g.nodes[n]["stage"] for n in path))
    feelings = persona_feelings(journey)
    out = []
    for persona in journey.personas:
        here = feelings[persona.id]
        curve = [(sid, here[sid]) for sid in stages_on_path if sid in here]
        if not curve:
            continue
        low = min(f.score for _, f in curve)
        for sid, f in curve:
            if f.score == low:
                out.append(
                    Moment(
                        persona.id, "low", sid, f.score, 0, _moment_elements(sid, f, path, g), f.card_id or ""
                    )
                )
        drops = [(b[1].score - a[1].score, b[0], b[1]) for a, b in zip(curve, curve[1:], strict=False)]
        steepest = min((d[0] for d in drops), default=0)
        if steepest < 0:
            for change, sid, f in drops:
                if change == steepest:
                    elements = _moment_elements(sid, f, path, g)
                    out.append(Moment(persona.id, "drop", sid, f.score, change, elements, f.card_id or ""))
    return out


def _moment_elements(sid: str, f: StageFeeling, path: list[str], g: nx.DiGraph) -> tuple[str, ...]:
    """The stage, the card whose point decides (if any), and the main path's cards in the stage."""
    cards = [n for n in path if g.nodes[n]["stage"] == sid]
    if f.card_id is not None:
        cards = [f.card_id, *(c for c in cards if c != f.card_id)]
    return (sid, *cards)


def unaddressed_pains(journey: Journey) -> list[Finding]:
    """Pain points no opportunity addresses, and opportunities that address no pain point, by the
    rule the handouts' pains table prints (model/pairing.py): a connection between the two cards, or
    for a pain point without one, an unconnected opportunity in its stage."""
    stages, _, _ = _names(journey)
    votes = tally(journey)
    paired, unpaired = pairings(journey)
    out = []
    for pairing in paired:
        if pairing.ideas:
            continue
        pain = pairing.pain
        out.append(
            Finding(
                "unaddressed-pain",
                "high" if votes[pain.id] >= 3 else "medium",
                f"Pain point {_quote(pain.title)} in {_quote(stages.get(pain.stage_id, ''))} has no "
                "opportunity yet: none is connected to it, and its stage has none that is not "
                "connected to another pain point.",
                (pain.id,),
            )
        )
    for idea in unpaired:
        out.append(
            Finding(
                "idea-without-pain",
                "low",
                f"Opportunity {_quote(idea.title)} in {_quote(stages.get(idea.stage_id, ''))} "
                "addresses no pain point (none connected to it, none in its stage).",
                (idea.id,),
            )
        )
    return out


def hubs(journey: Journey, g: nx.DiGraph, top: int = 3) -> list[Finding]:
    """Touchpoints most paths run through (betweenness centrality): if they fail, many journeys do."""
    touch = [n for n, d in g.nodes(data=True) if d["kind"] == "touchpoint"]
    if len(touch) < 3:
        return []
    # A graph of its own in the map's node order (a subgraph view of a few of the map's nodes lists
    # them in set order, which changed the sampled sources, and so the hubs, from run to run).
    keep = set(touch)
    sub = nx.DiGraph()
    sub.add_nodes_from(touch)
    sub.add_edges_from((a, b) for a in touch for b in g.adj[a] if b in keep)
    k = max(16, HUB_SAMPLE_EDGES // max(1, sub.number_of_edges()))
    centrality = nx.betweenness_centrality(sub, k=k if k < len(touch) else None, seed=0)
    ranked = sorted((c for c in centrality.items() if c[1] > 0), key=lambda kv: (-kv[1], kv[0]))[:top]
    stages, _, cards = _names(journey)
    return [
        Finding(
            "hub",
            "info",
            f"{_quote(cards[n])} in {_quote(stages[g.nodes[n]['stage']])} is a hub: "
            f"{value:.0%} of the shortest routes between other touchpoints pass through it.",
            (n,),
        )
        for n, value in ranked
    ]


def persona_divergence(journey: Journey) -> list[Finding]:
    """Stages where the personas' scores differ by at least half the scale (a stage's score by the
    print's rule, model/feelings.py: its lowest point, naming the card when a card's point decides)."""
    if len(journey.personas) < 2:
        return []
    scale = journey.scale
    threshold = (scale.max - scale.min) / 2
    feelings = persona_feelings(journey)
    names = {p.id: p.name for p in journey.personas}
    out = []
    for stage in journey.stages:
        here = {pid: s[stage.id] for pid, s in feelings.items() if stage.id in s}
        if len(here) < 2:
            continue
        hi = max(here, key=lambda pid: here[pid].score)
        lo = min(here, key=lambda pid: here[pid].score)
        if here[hi].score - here[lo].score >= threshold:
            cards = tuple(f.card_id for f in (here[hi], here[lo]) if f.card_id)
            out.append(
                Finding(
                    "persona-divergence",
                    "medium",
                    f"In {_quote(stage.name)}, {names[hi]} ({_felt(here[hi])}) and {names[lo]} "
                    f"({_felt(here[lo])}) feel very differently.",
                    (stage.id, *dict.fromkeys(cards)),
                )
            )
    return out


def _felt(f: StageFeeling) -> str:
    """ "-2" or "-2 at “Checkout”" when a card's point decides."""
    return f"{f.score:+d}" + (f" at {_quote(f.card)}" if f.card is not None else "")


def coverage(journey: Journey) -> list[Finding]:
    """Which channels and departments (owners) serve each stage; stages no department owns."""
    out = []
    for stage in journey.stages:
        touch = [c for c in journey.cards if c.stage_id == stage.id and c.kind == "touchpoint"]
        if not touch:
            continue
        channels = sorted({c.channel for c in touch if c.channel})
        owners = sorted({c.owner for c in touch if c.owner})
        if owners:
            text = f"{_quote(stage.name)} is owned by {', '.join(owners)}"
            text += f" through {', '.join(channels)}." if channels else "."
            out.append(Finding("coverage", "info", text, (stage.id,)))
        else:
            out.append(
                Finding(
                    "no-owner",
                    "medium",
                    f"No department owns the touchpoints of {_quote(stage.name)}.",
                    (stage.id,),
                )
            )
    return out


def channel_switches(journey: Journey, path: list[str], g: nx.DiGraph) -> list[Finding]:
    """How often the customer has to change channel along the main path."""
    steps = [n for n in path if g.nodes[n]["channel"]]
    switches = [
        (a, b)
        for a, b in zip(steps, steps[1:], strict=False)
        if g.nodes[a]["channel"].lower() != g.nodes[b]["channel"].lower()
    ]
    if not switches:
        return []
    chain = [g.nodes[switches[0][0]]["channel"], *(g.nodes[b]["channel"] for _, b in switches)]
    times = "once" if len(switches) == 1 else f"{len(switches)} times"
    return [
        Finding(
            "channel-switch",
            "low" if len(switches) < 4 else "medium",
            f"On the main path the customer changes channel {times}: {' → '.join(chain)}.",
            tuple(dict.fromkeys(n for pair in switches for n in pair)),
        )
    ]
