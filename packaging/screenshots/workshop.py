"""A mock workshop on the sample map, driven with real mouse and key events, saving the screenshots the
README shows: `python packaging/screenshots/workshop.py OUT_DIR [MAP_OUT]`.

Present (stage 3, opportunities hidden, timer running), dot voting with three participants (badges and
the results window), ratings from three participants (the spread band and n), capture of three lines,
and the saved map (MAP_OUT) for the print step. Runs on any Qt platform; under Xvfb it uses real X11.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication  # noqa: E402

from cjm_editor.commands.removal import RemoveElements  # noqa: E402
from cjm_editor.formats.templates import sample_path  # noqa: E402
from cjm_editor.model.workshop import spreads, tally  # noqa: E402
from cjm_editor.ui.dialogs import Choice  # noqa: E402
from cjm_editor.ui.main_window import MainWindow  # noqa: E402

NO = Qt.KeyboardModifier.NoModifier


def settle(rounds: int = 8) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def shoot(widget: object, path: Path) -> None:
    """Let debounced panels (the outline) catch up, then grab the widget."""
    QTest.qWait(400)
    widget.grab().save(str(path))  # type: ignore[attr-defined]


def click(window: MainWindow, pos: QPointF, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    QTest.mouseClick(window.canvas.viewport(), button, NO, window.canvas.mapFromScene(pos))
    settle(2)


def key(widget: object, k: Qt.Key) -> None:
    QTest.keyClick(widget, k)  # type: ignore[call-overload]
    settle(2)


def button(widget: object, text: str) -> QAbstractButton:
    return next(b for b in widget.findChildren(QAbstractButton) if b.text() == text)  # type: ignore[attr-defined]


def main(out: Path, map_out: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp())
    path = work / "freshbox-workshop.cjm.json"
    shutil.copy(sample_path(), path)
    window = MainWindow()
    window.ask.save_changes = lambda *a: Choice.DISCARD
    window.resize(1600, 1000)
    window.show()
    window.open_path(path)
    settle()
    doc, panel = window.document, window.workshop.panel
    # A fresh start: the sample's old anonymous votes go, three people join.
    window.undo_stack.push(RemoveElements(doc, [v.id for v in doc.journey.votes], "Clear old votes"))
    window.workshop.dock.show()
    window.workshop.dock.raise_()
    for _ in range(3):
        QTest.mouseClick(button(panel, "Add"), Qt.MouseButton.LeftButton)
    for i, name in enumerate(("Ana (Marketing)", "Ben (Support)", "Chloé (Product)")):
        item = panel.people.item(i)
        item.setText(name)
    settle()

    # Present: stage 3 lit, opportunities hidden until ideation, the timer running.
    present = window.workshop.present()
    present.resize(1920, 1080)
    settle()
    key(present.view.viewport(), Qt.Key.Key_Right)
    key(present.view.viewport(), Qt.Key.Key_PageDown)
    QTest.mouseClick(present.lane_buttons["l-opportunities"], Qt.MouseButton.LeftButton)
    present.timer.set_duration(8 * 60)
    present.timer.start()
    present.frame()
    settle(20)
    shoot(present, out / "workshop-present.png")
    key(present.view.viewport(), Qt.Key.Key_Escape)
    settle()

    # Dot voting: three participants, three dots each, pains and opportunities.
    QTest.mouseClick(button(panel, "Vote"), Qt.MouseButton.LeftButton)
    window.canvas.zoom_reset()
    votes = {
        Qt.Key.Key_1: ["p-late", "p-late", "o-express"],
        Qt.Key.Key_2: ["p-late", "p-cancel", "p-hidden-fees"],
        Qt.Key.Key_3: ["p-cancel", "o-large-print", "p-late"],
    }
    for digit, cards in votes.items():
        window.canvas.setFocus()
        key(window.canvas.viewport(), digit)
        for card_id in cards:
            window.canvas.reveal(card_id)
            settle(2)
            item = window.canvas.item_for(card_id)
            click(window, item.sceneBoundingRect().center() + QPointF(14, 6))
    assert sum(tally(doc.journey).values()) == 9, dict(tally(doc.journey))
    late = window.canvas.item_for("p-late")
    window.canvas.centerOn(late.sceneBoundingRect().center() + QPointF(-200, -120))
    settle()
    shoot(window, out / "workshop-voting-badges.png")
    results = window.workshop.show_results()
    results.resize(900, 420)
    settle()
    shoot(results, out / "workshop-vote-results.png")
    results.close()

    # Ratings: each participant scores the stages for the active persona; the curve shows mean, band, n.
    QTest.mouseClick(button(panel, "Rate"), Qt.MouseButton.LeftButton)
    g, scale = window.scene.geometry, doc.journey.scale
    scores = {
        Qt.Key.Key_1: {"s-signup": -2, "s-first-box": 1, "s-regular": 0},
        Qt.Key.Key_2: {"s-signup": -1, "s-first-box": 2, "s-regular": -1},
        Qt.Key.Key_3: {"s-signup": 0, "s-first-box": 2, "s-regular": 1},
    }
    window.canvas.centerOn(g.columns["s-first-box"].center.x, g.rows[g.emotion_lane].center.y)
    settle()
    for digit, by_stage in scores.items():
        window.canvas.setFocus()
        key(window.canvas.viewport(), digit)
        for stage_id, score in by_stage.items():
            col = g.columns[stage_id]
            click(window, QPointF(col.x + 30, g.score_y(score, scale.min, scale.max) + 2))
    persona = window.scene.active_persona
    spread = spreads(doc.journey)[(persona, "stage", "s-signup")]
    assert spread.n >= 3, spread
    band = g.rows[g.emotion_lane]
    window.canvas.centerOn(g.columns["s-first-box"].center.x, band.center.y)
    settle()
    shoot(window, out / "workshop-rating-spread.png")

    # Capture: a scribe types three lines into the selected cell.
    QTest.mouseClick(button(panel, "Edit"), Qt.MouseButton.LeftButton)
    cell = g.cells[("s-renew", "l-opportunities")]
    window.canvas.centerOn(cell.center.x, cell.center.y)
    settle()
    click(window, QPointF(cell.x + 20, cell.bottom - 10))
    window.workshop.capture()
    for line in ("Pause instead of cancel", "Show the savings so far", "Gift a box to a friend"):
        QTest.keyClicks(panel.capture, line)
        key(panel.capture, Qt.Key.Key_Return)
    settle()
    shoot(window, out / "workshop-capture.png")
    assert window.save()
    if map_out is not None:
        shutil.copy(path, map_out)
    print(f"votes {dict(tally(doc.journey))}; sign-up spread {spread}; saved {map_out or path}")
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
