"""A map through a Y doc and back comes out as it went in, numbers included."""

from __future__ import annotations

from pycrdt import Doc

from cjm_editor.collab.ystate import populate, read_journey
from cjm_editor.formats import cjm_json


def test_a_map_through_a_room_and_back_is_byte_identical(journey):
    assert any(type(c.target) is int for c in journey.cards), "the case needs a whole-number target"
    ydoc: Doc = Doc()
    populate(ydoc, journey)
    peer: Doc = Doc()
    peer.apply_update(ydoc.get_update())
    back, report = read_journey(peer, "shared map")
    assert not report
    assert cjm_json.dumps(back) == cjm_json.dumps(journey)
