"""File → Import and File → Export: Mermaid journeys, CSV cards, PNG and SVG images."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from cjm_editor.formats import csv_cards
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.csv_cards import CsvRowsError
from cjm_editor.formats.csv_losses import losses
from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.formats.mermaid import convert, write
from cjm_editor.model import JourneyDocument
from cjm_editor.ui import theme
from cjm_editor.ui.canvas import style
from cjm_editor.ui.image_export import DEFAULT_SCALE, render_png, render_svg
from cjm_editor.ui.session import Modified

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow
    from cjm_editor.ui.session import DocumentSession

MERMAID_FILTER = "Mermaid journey (*.mmd *.mermaid *.md *.txt);;All files (*)"
CSV_FILTER = "CSV (*.csv *.txt);;All files (*)"
IMAGE_FILTER = "PNG image (*.png);;SVG image (*.svg)"


def _stem(session: DocumentSession) -> str:
    """The map's file without its suffix, or its title in the home folder."""
    base = (
        Path(session.path).name.removesuffix(".cjm.json") if session.path else session.document.journey.title
    )
    return str(Path(session.folder()) / base)


def import_file(w: MainWindow, kind: str, path: str | None = None) -> bool:
    """Open a Mermaid journey or a CSV of cards as a new, unsaved map; the open map stays on a failure."""
    title = "Import Mermaid journey" if kind == "mermaid" else "Import cards from CSV"
    path = path or w.ask.import_path(w, title, MERMAID_FILTER if kind == "mermaid" else CSV_FILTER)
    if not path or not w.files.maybe_save():
        return False
    try:
        result = convert.load(path) if kind == "mermaid" else csv_cards.load(path)
    except CsvRowsError as exc:
        w.show_message(
            "Cannot import the cards",
            f"{Path(path).name} has bad rows; nothing was imported.",
            "\n".join(exc.rows),
        )
        return False
    except LoadError as exc:
        w.show_message("Cannot import", f"{Path(path).name} could not be imported.", str(exc))
        return False
    w.files.adopt(JourneyDocument(result.journey), Modified.IMPORTED)
    if result.report:
        w.show_message(
            "Imported with warnings",
            f"{Path(path).name} was imported; check these points.",
            "\n".join(result.report.lines()),
            QMessageBox.Icon.Warning,
        )
    w.statusBar().showMessage(f"Imported {Path(path).name}: save it to keep it as a map", 6000)
    return True


def export_file(w: MainWindow, kind: str, path: str | None = None) -> bool:
    """Write the open map as Mermaid, CSV, or an image of the canvas as it is shown."""
    journey = w.session.document.journey
    suggestion = _stem(w.session) + {"mermaid": ".mmd", "csv": ".csv", "image": ".png"}[kind]
    titles = {"mermaid": "Export Mermaid journey", "csv": "Export cards as CSV", "image": "Export image"}
    filters = {"mermaid": MERMAID_FILTER, "csv": CSV_FILTER, "image": IMAGE_FILTER}
    path = path or w.ask.export_path(w, titles[kind], suggestion, filters[kind])
    if not path:
        return False
    warnings: list[str] = []
    w.canvas.sticky.unpin()  # the picture shows the headers where the layout puts them
    was_dark = style.DARK
    theme.apply(False)  # and the light colours, as the PDF and the cjm command have them
    try:
        if kind == "mermaid":
            text, warnings = write.to_text(journey)
            write_atomic(path, text.encode("utf-8"))
        elif kind == "csv":
            write_atomic(path, csv_cards.to_bytes(journey, bom=True))
            warnings = losses(journey)
        elif path.lower().endswith(".svg"):
            render_svg(w.scene, path, journey.title)
        else:
            render_png(w.scene, path if path.lower().endswith(".png") else path + ".png", DEFAULT_SCALE)
    except SaveError as exc:
        w.show_message("Cannot export", "Nothing was written.", str(exc))
        return False
    finally:
        theme.apply(was_dark)
        w.canvas.sticky.pin()
    if warnings:
        fmt = "Mermaid" if kind == "mermaid" else "CSV"
        w.show_message(
            "Exported with losses",
            f"{Path(path).name} was written. {fmt} cannot hold everything:",
            "\n".join(warnings),
            QMessageBox.Icon.Information,
        )
    w.statusBar().showMessage(f"Exported {path}", 5000)
    return True
