"""Workshop data through the version tools: restoring a version brings its participants, votes,
ratings and voting settings back (and undo takes them away); the semantic diff names them."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from cjm_editor.commands.restore import RestoreMap
from cjm_editor.formats import cjm_json
from cjm_editor.formats.diff import diff
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Participant, Rating, Vote, Workshop, snapshot


def test_restore_a_version_with_votes_and_ratings_and_undo_it(journey):
    doc = JourneyDocument(journey)
    before = cjm_json.dumps(doc.journey)
    version = snapshot(doc.journey)
    version.participants = [Participant(id="u1", name="Ana", order="a0")]
    version.workshop = Workshop(dots=1)
    # more dots than the version's setting allows: a version is restored as it was
    version.votes = [*version.votes, Vote("p-late", "u1", id="w1"), Vote("p-cancel", "u1", id="w2")]
    version.ratings = [Rating("p-maya", "stage", "s-signup", -1.5, "u1", id="r1")]
    stack = QUndoStack()
    stack.push(RestoreMap(doc, version))
    assert cjm_json.dumps(doc.journey) == cjm_json.dumps(version)
    stack.undo()
    assert cjm_json.dumps(doc.journey) == before
    lines = diff(journey, version).lines()
    assert any("Ana on Delivery window too wide" in line for line in lines), lines
    assert any("Ana for Maya, busy professional at Sign up" in line for line in lines), lines
