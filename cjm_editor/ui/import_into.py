"""File → Import → Cards from CSV into This Map: the cards of a CSV join the open map as one undo
step (as `cjm import csv --into` does), and what the import noticed is shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from cjm_editor.commands.cards import AddCard
from cjm_editor.commands.elements import AddElement
from cjm_editor.formats import csv_cards
from cjm_editor.formats.csv_cards import CsvRowsError
from cjm_editor.formats.errors import LoadError
from cjm_editor.model import JourneyDocument
from cjm_editor.model.journey import Journey, snapshot
from cjm_editor.model.vocabulary import counted

if TYPE_CHECKING:
    from cjm_editor.ui.main_window import MainWindow

CSV_FILTER = "CSV (*.csv *.txt);;All files (*)"


def merge(doc: JourneyDocument, stack: QUndoStack, merged: Journey, text: str) -> int:
    """Add what `merged` (the open map plus an import) has beyond the open map, as one undo step.
    Returns the number of cards added."""
    j = doc.journey
    have = {
        name: {e.id for e in getattr(j, name)}
        for name in ("personas", "stages", "lanes", "cards", "emotions")
    }
    new = {name: [e for e in getattr(merged, name) if e.id not in have[name]] for name in have}
    if not any(new.values()):
        return 0
    stack.beginMacro(text)
    for name in ("personas", "stages", "lanes"):
        for entity in new[name]:
            stack.push(AddElement(doc, name, entity))
    for card in new["cards"]:
        stack.push(AddCard(doc, card))
    for point in new["emotions"]:
        stack.push(AddElement(doc, "emotions", point))
    stack.endMacro()
    return len(new["cards"])


def import_cards_into(w: MainWindow, path: str | None = None) -> bool:
    """Ask for a CSV of cards and add them to the open map; False when nothing was added."""
    path = path or w.ask.import_path(w, "Import cards into this map", CSV_FILTER)
    if not path:
        return False
    name = Path(path).name
    try:
        result = csv_cards.load(path, into=snapshot(w.document.journey))
    except CsvRowsError as exc:
        w.show_message(
            "Cannot import the cards", f"{name} has bad rows; nothing was imported.", "\n".join(exc.rows)
        )
        return False
    except LoadError as exc:
        w.show_message("Cannot import", f"{name} could not be imported.", str(exc))
        return False
    count = merge(w.document, w.undo_stack, result.journey, f"Import cards from {name}")
    summary = f"{counted(count, 'card')} from {name} added to the map (Undo takes them out again)."
    w.statusBar().showMessage(summary, 6000)
    details = "\n".join(result.report.lines()) if result.report else ""
    w.show_message("Cards imported", summary, details, QMessageBox.Icon.Information)
    return count > 0
