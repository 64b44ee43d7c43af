"""End-to-end: what a designer expects around the map (issue 12): import into the open map, the zoom
readout, the persona legend on the canvas, persona focus."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from tests.ui.helpers import saved


def menu_action(window, *path: str):  # noqa: ANN001, ANN201
    """The menu entry at File > Import > …, as a person finds it by its words."""
    actions = window.menuBar().actions()
    action = None
    for word in path:
        action = next(a for a in actions if a.text().replace("&", "").rstrip("…") == word)
        menu = action.menu()
        actions = menu.actions() if isinstance(menu, QMenu) else []
    assert action is not None
    return action


def test_import_csv_cards_into_the_open_map_as_one_step(window, tmp_path):
    csv = tmp_path / "workshop.csv"
    csv.write_text(
        "stage,lane,kind,title\n"
        "Sign up,Touchpoints,touchpoint,Live chat on the form\n"
        "Sign up,Pain points,pain-point,Postcode not found\n"
        "Referral,Touchpoints,touchpoint,Invite a friend page\n",
        encoding="utf-8",
    )
    before = len(window.document.journey.cards)
    window.ask.import_path = lambda *args: str(csv)
    menu_action(window, "File", "Import", "Cards from CSV into This Map").trigger()
    assert window.path.endswith("map.cjm.json"), "the open map stays open"
    data = saved(window)
    titles = {c["title"]: c for c in data["cards"]}
    assert len(data["cards"]) == before + 3
    assert "Referral" in [s["name"] for s in data["stages"]]
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Import cards from workshop.csv"
    assert "3 cards from workshop.csv" in window.last_message.text()
    stage_of = {s["id"]: s["name"] for s in data["stages"]}
    assert stage_of[titles["Postcode not found"]["stage"]] == "Sign up"
    window.last_message.close()
    window.undo_stack.undo()
    assert len(window.document.journey.cards) == before
    assert "Referral" not in [s.name for s in window.document.journey.stages]


def test_the_zoom_readout_follows_the_zoom(window):
    readout = window.zoom_readout
    QTest.keySequence(window.canvas.viewport(), "Ctrl+1")
    assert readout.text() == "100%"
    QTest.keySequence(window.canvas.viewport(), "Ctrl+0")
    assert readout.text() == f"{round(window.canvas.zoom() * 100)}%" != "100%"
