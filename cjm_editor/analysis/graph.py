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
    stage_emotion: dict[str, dict[str, int]] = {}
    nodes = []
    for card in journey.cards:
        here = stage_emotion.get(card.stage_id)
        if here is None:
            sid = card.stage_id
            here = stage_emotion[sid] = {
                pid: scores[sid] for pid, scores in by_stage.items() if sid in scores
            }
        emotion = dict(here)
        if card.id in card_points:
            emotion.update(card_points[card.id])
        attrs = {
            "stage": card.stage_id,
            "stage_index": stage_index.get(card.stage_id, -1),
            "lane": card.lane_id,
            "kind": card.kind,
            "title": card.title,
            "channel": card.channel,
            "owner": card.owner,
            "votes": counts[card.id],
            "emotion": emotion,
        }
        nodes.append((card.id, attrs))
    g.add_nodes_from(nodes)
    g.add_edges_from(
        (conn.source_id, conn.target_id, {"implicit": False, "id": conn.id, "label": conn.label})
        for conn in journey.connections
        if conn.source_id in g and conn.target_id in g
    )
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
    """Only the drawn connections: every node, and the edges that are not implicit, in g's order (a
    graph of its own: algorithms walk a filtered view several times slower)."""
    drawn = nx.DiGraph()
    drawn.add_nodes_from(g)
    drawn.add_edges_from(
        (a, b) for a, nbrs in g.adj.items() for b, data in nbrs.items() if not data["implicit"]
    )
    return drawn
