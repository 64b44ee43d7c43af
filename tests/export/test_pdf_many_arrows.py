"""All the connections between two cells, labelled: the layout places (or keys) 10,000 labels in
seconds, and the PDF kit draws at most MAX_EXPORT_ARROWS arrows through a part of a split map and
reports the rest, so the kit ends in seconds, not in over a minute."""

from __future__ import annotations

from datetime import date

import pytest

from cjm_editor.export.options import KitOptions
from cjm_editor.handouts import export_kit
from cjm_editor.layout import compute
from cjm_editor.layout.labels import MIN_TRIES, TRIES, tries_for
from cjm_editor.model import limits
from cjm_editor.model.journey import Card, Connection, Journey, Lane, Stage


def _two_cells(n: int) -> Journey:
    stages = [Stage(id=f"s{i}", name=f"S{i}") for i in range(6)]
    lanes = [Lane(id="l1", name="L"), Lane(id="l2", name="M")]
    cards = [Card("s0", "l1", "note", f"a{i}", id=f"a{i}") for i in range(n)]
    cards += [Card("s5", "l2", "note", f"b{i}", id=f"b{i}") for i in range(n)]
    conns = [Connection(f"a{i}", f"b{k}", label=f"label {i} {k}") for i in range(n) for k in range(n)]
    return Journey(stages=stages, lanes=lanes, cards=cards, connections=conns)


def test_each_label_tries_fewer_spots_on_a_map_of_many_labels():
    assert tries_for(10) == TRIES and tries_for(10_000) == 10 and tries_for(10**7) == MIN_TRIES


@pytest.mark.timeout(120)  # a guard against a hang, not a timing (timings live in bench/)
def test_ten_thousand_labels_between_two_cells_are_placed_or_keyed():
    g = compute(_two_cells(100))
    assert len(g.labels) + len(g.marks) >= 1 and len(g.connections) == 10_000


@pytest.mark.timeout(120)
def test_a_part_of_a_split_map_draws_at_most_the_arrow_limit_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_EXPORT_ARROWS", 50)
    report = export_kit(_two_cells(30), KitOptions(date=date(2026, 1, 1)), tmp_path / "kit.pdf")
    said = [line for line in report.omitted if "(limit: arrows on a page, 50)" in line]
    assert said, report.omitted[:5]
