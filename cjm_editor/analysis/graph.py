"""The map as a directed graph of cards, for the insights.

Nodes are card ids with their stage, stage index, lane, kind, votes and score per persona. Edges are
the connections (`implicit=False`). A touchpoint with no outgoing connection also gets "next stage"
edges to every touchpoint of the next stage that has any (`implicit=True`), so a map drawn without
arrows still has a flow.
"""

from __future__ import annotations

import networkx as nx

from cjm_editor.model.feelings import persona_feelings
from cjm_editor.model.journey import Journey
from cjm_editor.model.workshop import tally


def persona_scores(journey: Journey) -> dict[str, dict[str, int]]:
    """Each persona's score per stage by the print's rule (model/feelings.py): the lowest of the
    stage's own point and its cards' points; a stage without any has none."""
    return {
        pid: {sid: f.score for sid, f in by_stage.items()}
        for pid, by_stage in persona_feelings(journey).items()
    }


def touchpoints_by_stage(journey: Journey) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {s.id: [] for s in journey.stages}
    for card in journey.cards:
        if card.kind == "touchpoint" and card.stage_id in out:
            out[card.stage_id].append(card.id)
    return out


def to_digraph(journey: Journey) -> nx.DiGraph:
    """Cards and connections, plus implicit next-stage edges between touchpoints."""
    g = nx.DiGraph()
    stage_index = {s.id: i for i, s in enumerate(journey.stages)}
    by_stage = persona_scores(journey)
    card_points: dict[str, dict[str, int]] = {}
    for point in journey.emotions:
        if point.anchor_kind == "card":
            card_points.setdefault(point.anchor_id, {})[point.persona_id] = point.score
    counts = tally(journey)
    for card in journey.cards:
        emotion = {pid: scores[card.stage_id] for pid, scores in by_stage.items() if card.stage_id in scores}
        emotion.update(card_points.get(card.id, {}))
        g.add_node(
            card.id,
            stage=card.stage_id,
            stage_index=stage_index.get(card.stage_id, -1),
            lane=card.lane_id,
            kind=card.kind,
            title=card.title,
            channel=card.channel,
            owner=card.owner,
            votes=counts[card.id],
            emotion=emotion,
        )
    for conn in journey.connections:
        if conn.source_id in g and conn.target_id in g:
            g.add_edge(conn.source_id, conn.target_id, implicit=False, id=conn.id, label=conn.label)
    touch = touchpoints_by_stage(journey)
    stages_with_touchpoints = [s.id for s in journey.stages if touch[s.id]]
    following = dict(zip(stages_with_touchpoints, stages_with_touchpoints[1:], strict=False))
    for stage_id, cards in touch.items():
        nxt = following.get(stage_id)
        if nxt is None:
            continue
        for card_id in cards:
            if g.out_degree(card_id) == 0:
                for target in touch[nxt]:
                    g.add_edge(card_id, target, implicit=True, id="", label="")
    return g


def explicit(g: nx.DiGraph) -> nx.DiGraph:
    """Only the drawn connections."""
    view: nx.DiGraph = nx.subgraph_view(g, filter_edge=lambda a, b: not g.edges[a, b]["implicit"])
    return view
