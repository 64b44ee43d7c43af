"""End-to-end: what a designer expects around the map (issue 12): import into the open map, the zoom
readout, the persona legend on the canvas, persona focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from cjm_editor.layout import palette
from cjm_editor.ui import theme
from cjm_editor.ui.canvas import style
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


def test_clicking_a_persona_in_the_canvas_legend_hides_and_shows_its_curve(window):
    legend = window.canvas.legend
    assert legend.isVisible() and set(legend.buttons) == {p.id for p in window.document.journey.personas}
    button = legend.buttons["p-robert"]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center() + QPoint(-10, 2))
    assert not window.canvas.item_for("p-robert").isVisible()
    assert not window.canvas.item_for("e-robert-regular").isVisible()
    assert window.canvas.item_for("p-maya").isVisible()
    assert "p-robert" in window.docks.personas.hidden, "the Personas panel agrees"
    assert window.undo_stack.count() == 0, "a view setting, not an edit"
    button = legend.buttons["p-robert"]  # the legend was refreshed
    assert "(hidden)" in button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.canvas.item_for("p-robert").isVisible()


def test_focus_on_a_persona_fades_the_cards_and_curves_of_the_others(window):
    j = window.document.journey
    not_robert = [c.id for c in j.cards if c.personas and "p-robert" not in c.personas]
    everyone = [c.id for c in j.cards if not c.personas]
    assert not_robert and everyone, "the map has cards for one persona and cards for everyone"
    view_menu = menu_action(window, "View").menu()
    view_menu.aboutToShow.emit()
    window.menus.focus_menu.aboutToShow.emit()
    robert = next(a for a in window.menus.focus_menu.actions() if a.text().startswith("Robert"))
    robert.trigger()
    opacity = {i: window.canvas.item_for(i).opacity() for i in not_robert + everyone}
    assert all(opacity[i] < 0.5 for i in not_robert)
    assert all(opacity[i] == 1.0 for i in everyone)
    assert window.canvas.item_for("p-maya").opacity() < 0.5
    assert window.canvas.item_for("p-robert").opacity() == 1.0
    window.menus.focus_menu.aboutToShow.emit()
    next(a for a in window.menus.focus_menu.actions() if a.text() == "Everyone").trigger()
    assert all(window.canvas.item_for(i).opacity() == 1.0 for i in not_robert)
    assert window.undo_stack.count() == 0


@pytest.fixture
def light_again():
    yield
    theme.apply(False)


def test_dark_colours_when_chosen_and_light_again(window, monkeypatch, light_again):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    monkeypatch.setenv("CJM_THEME", "dark")
    follower = theme.ThemeFollower(app)
    assert follower.dark and style.CANVAS_BG.name() == theme.DARK["CANVAS_BG"]
    assert window.scene.backgroundBrush().color().name() == theme.DARK["CANVAS_BG"]
    assert palette.CARD_COLOURS["touchpoint"] == theme.LIGHT_CARDS["touchpoint"], "the PDF keeps light"
    image = window.canvas.viewport().grab().toImage()
    corner = image.pixelColor(image.width() // 2, 8)  # the canvas above the stage headers
    assert corner.lightness() < 80
    monkeypatch.setenv("CJM_THEME", "light")
    follower.update()
    assert style.CANVAS_BG.name() == palette.CANVAS_BG
    app.setPalette(theme.dark_palette())
    monkeypatch.delenv("CJM_THEME")
    try:
        assert theme.wanted_dark(app), "a dark system palette means dark"
    finally:
        app.setPalette(app.style().standardPalette())


def test_the_new_dialog_previews_each_template(qtbot, tmp_path, monkeypatch):
    from cjm_editor.ui.template_dialog import TemplateDialog
    from cjm_editor.ui.user_templates import choices

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = TemplateDialog(choices())
    qtbot.addWidget(dialog)
    dialog.show()
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        QTest.mouseClick(
            dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=dialog.list.visualItemRect(item).center()
        )
        choice = dialog.choices[row]
        assert dialog.chosen() == choice.id
        text = dialog.about.text()
        assert all(s.name in text for s in choice.journey.stages)
        assert all(lane.name in text for lane in choice.journey.lanes)
        image = dialog.picture.pixmap().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
        assert len(colours) > (3 if choice.journey.stages else 0), f"{choice.id}: the thumbnail shows the map"


def test_save_as_template_then_start_a_new_map_from_it(window, tmp_path):
    window.ask.text = lambda parent, title, label, value: "Our onboarding"
    menu_action(window, "File", "Save as Template").trigger()
    assert (tmp_path / "config" / "cjm-editor" / "templates" / "our-onboarding.cjm.json").is_file()
    offered: list[tuple[str, str]] = []

    def pick(parent, choices):  # noqa: ANN001, ANN202
        offered.extend(choices)
        return next(tid for tid, title in choices if title == "Our onboarding")

    window.ask.template = pick
    stages = [s.name for s in window.document.journey.stages]
    old_id = window.document.journey.id
    menu_action(window, "File", "New from template").trigger()
    ids = [t for t, _ in offered]
    assert "classic-five" in ids and "user:our-onboarding" in ids, "the shipped ones and the user's own"
    assert window.path is None and window.document.journey.title == "Our onboarding"
    assert [s.name for s in window.document.journey.stages] == stages
    assert window.document.journey.id != old_id
