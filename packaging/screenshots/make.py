"""Screenshots of the editor in the states the README and reviewers look at, made by driving the
real window with mouse events: `python packaging/screenshots/make.py OUT_DIR`.

Runs offscreen (no display needed). Shots: the sample map, a card drag in progress with the
insertion marker, a connection being drawn, the emotion curves at 100%, a card being inspected,
and a 10,000-card map zoomed out.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.synth import synthetic_map  # noqa: E402
from cjm_editor.formats import cjm_json  # noqa: E402
from cjm_editor.formats.templates import sample_path  # noqa: E402
from cjm_editor.ui.dialogs import Choice  # noqa: E402
from cjm_editor.ui.main_window import MainWindow  # noqa: E402


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def press_and_move(window: MainWindow, start: QPointF, end: QPointF) -> None:
    vp = window.canvas.viewport()
    a, b = window.canvas.mapFromScene(start), window.canvas.mapFromScene(end)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 11):
        p = a + (b - a) * (i / 10)
        QTest.mouseMove(vp, QPoint(round(p.x()), round(p.y())))
    settle()


def release(window: MainWindow, at: QPointF) -> None:
    vp = window.canvas.viewport()
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, window.canvas.mapFromScene(at)
    )


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.open_path(sample_path())
    settle()
    window.canvas.zoom_fit()
    settle()
    window.grab().save(str(out / "sample-map.png"))

    window.canvas.zoom_reset()
    window.canvas.centerOn(700, 330)
    settle()
    card = window.canvas.item_for("t-checkout")
    cell = window.scene.geometry.cells[("s-consider", "l-touchpoints")]
    end = QPointF(cell.center.x, cell.y + 60)
    press_and_move(window, card.sceneBoundingRect().center(), end)
    window.grab().save(str(out / "drag-in-progress.png"))
    release(window, end)
    window.undo_stack.undo()
    settle()

    source = window.canvas.item_for("t-reviews")
    target = window.canvas.item_for("t-phone-order")
    handle = source.mapToScene(source.handle_rect().center())
    tip = target.sceneBoundingRect().center() + QPointF(-30, 6)
    source.setSelected(True)
    press_and_move(window, handle, tip)
    window.grab().save(str(out / "connection-drawing.png"))
    release(window, tip)
    settle()
    window.scene.clearSelection()

    lane = window.scene.geometry.rows["l-emotions"]
    window.canvas.centerOn(lane.center.x, lane.center.y)
    settle()
    window.canvas.grab().save(str(out / "emotion-curves.png"))

    insights_dock = next(d for d in window.docks.all if d.objectName() == "insights")
    insights_dock.raise_()
    window.docks.insights.overlay.setChecked(True)
    window.scene.clearSelection()
    window.canvas.zoom_fit()
    settle()
    window.grab().save(str(out / "insights.png"))
    window.docks.insights.overlay.setChecked(False)
    window.canvas.zoom_reset()

    window.scene.select_only(["m-conversion"])
    window.reveal("m-conversion")
    settle()
    window.grab().save(str(out / "inspector.png"))
    editor_craft(window, out)

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "ten-thousand.cjm.json"
        cjm_json.save(synthetic_map(10_000, stages=60), big)
        window.ask.save_changes = lambda *args: Choice.DISCARD
        window.open_path(big)
        settle()
        window.canvas.zoom_fit()
        settle()
        window.grab().save(str(out / "ten-thousand-cards.png"))
    window.close()
    del app


def editor_craft(window: MainWindow, out: Path) -> None:
    """Sticky headers at 100%, several cards in the Inspector, the dark colours, the New dialog."""
    from cjm_editor.ui import theme
    from cjm_editor.ui.template_dialog import TemplateDialog
    from cjm_editor.ui.user_templates import choices

    window.canvas.zoom_reset()
    window.canvas.horizontalScrollBar().setValue(520)
    window.canvas.verticalScrollBar().setValue(430)
    window.scene.select_only(["t-landing", "t-reviews", "a-compare"])
    settle()
    window.grab().save(str(out / "sticky-headers-and-several-cards.png"))
    window.scene.clearSelection()
    theme.apply(True)
    window.setPalette(theme.dark_palette())
    window.scene.setBackgroundBrush(theme.style.CANVAS_BG)
    for item in window.scene.items():
        item.update()
    window.canvas.zoom_fit()
    settle()
    window.grab().save(str(out / "dark.png"))
    theme.apply(False)
    window.setPalette(QApplication.palette())
    window.scene.setBackgroundBrush(theme.style.CANVAS_BG)
    dialog = TemplateDialog(choices(), window)
    dialog.show()
    settle()
    dialog.grab().save(str(out / "new-from-template.png"))
    dialog.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "packaging/screenshots"))
