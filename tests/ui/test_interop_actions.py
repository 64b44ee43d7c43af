"""File → Import and Export in the window."""

from __future__ import annotations

from pathlib import Path

from cjm_editor.formats.mermaid.parse import parse

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "mermaid-journey"


def test_import_a_mermaid_journey_opens_it_unsaved(window):
    window.ask.import_path = lambda *args: str(CORPUS / "017.mmd")
    assert window.findChild(type(window.menuBar())) is not None
    from cjm_editor.ui import interop_actions

    assert interop_actions.import_file(window, "mermaid")
    j = window.document.journey
    assert j.title == "Go shopping" and [s.name for s in j.stages] == [
        "Get to the shops",
        "Do shopping",
        "Go home",
    ]
    assert window.path is None and window.isWindowModified()
    assert window.canvas.item_for(j.cards[0].id) is not None


def test_a_bad_import_keeps_the_open_map(window, tmp_path):
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\nsection A\nno score here\n", encoding="utf-8")
    before = window.document
    from cjm_editor.ui import interop_actions

    assert not interop_actions.import_file(window, "mermaid", str(bad))
    assert window.document is before
    assert "line 3" in window.last_message.informativeText()


def test_export_mermaid_csv_and_image(window, tmp_path):
    from cjm_editor.ui import interop_actions

    mmd, csv, svg = tmp_path / "m.mmd", tmp_path / "m.csv", tmp_path / "m.svg"
    assert interop_actions.export_file(window, "mermaid", str(mmd))
    assert [s for s in parse(mmd.read_text(encoding="utf-8")).sections][0] == "Discover"
    assert "connection" in window.last_message.informativeText()
    assert interop_actions.export_file(window, "csv", str(csv))
    assert csv.read_bytes().startswith(b"\xef\xbb\xbfstage,lane,kind,title")
    assert window.last_message.text() == "m.csv was written. CSV cannot hold everything:"
    assert "not in CSV: 4 connection labels" in window.last_message.informativeText().splitlines()
    assert interop_actions.export_file(window, "image", str(svg))
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
