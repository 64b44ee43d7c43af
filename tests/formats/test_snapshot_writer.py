"""The autosave writer process's loop: change messages in, the same map on disk as the editor holds."""

from __future__ import annotations

import io
import subprocess
import sys

from cjm_editor.formats import cjm_json
from cjm_editor.formats.recovery import RecoveryStore
from cjm_editor.formats.snapshot_writer import frame, serve
from cjm_editor.model import Card, JourneyDocument
from cjm_editor.model.journey import snapshot


def test_messages_keep_the_copy_in_step_and_write_asks_for_a_snapshot(journey, tmp_path):
    doc = JourneyDocument(snapshot(journey))
    messages = [("reset", snapshot(doc.journey))]
    for c in ("cards", "emotions", "connections"):
        events = doc.events.of(c)
        events.inserted.connect(lambda e, c=c: messages.append(("put", c, e)))
        events.removed.connect(lambda e, c=c: messages.append(("del", c, e.id)))
        events.changed.connect(lambda old, new, c=c: messages.append(("put", c, new)))
        events.moved.connect(lambda old, new, c=c: messages.append(("put", c, new)))
    doc.update_card("a-checkout", title="Renamed")
    doc.move_card_to("a-checkout", "s-consider", "l-backstage", 0)
    doc.remove_card("t-landing")
    doc.add_card(Card("s-renew", "l-actions", "note", "New", id="c-new"))
    doc.update_journey(title="A new title")
    messages.append(("map", {"title": doc.journey.title}))
    messages.append(("write", 7, "/maps/x.cjm.json", "window-1"))
    out = io.StringIO()
    serve(tmp_path, 4242, io.BytesIO(b"".join(frame(m) for m in messages)), out)
    assert out.getvalue() == "written 7\n"
    (snap,) = RecoveryStore(tmp_path).all()
    assert (snap.pid, snap.path, snap.title) == (4242, "/maps/x.cjm.json", "A new title")
    assert (snap.key, snap.document_id) == ("window-1", journey.id)  # the window's key, the map's id
    assert cjm_json.dumps(snap.load()) == cjm_json.dumps(doc.journey)


def test_the_process_ends_when_its_input_closes(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "cjm_editor.formats.snapshot_writer", str(tmp_path), "1"],
        input=b"",
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout == b""
