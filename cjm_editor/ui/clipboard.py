"""Cut, copy, paste and duplicate cards through the system clipboard.

The clipboard holds a snippet map in our own format (so a paste goes through the same strict loader
as a file) and the card titles as plain text for other applications. Plain text from elsewhere
pastes as one card per line.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QUndoStack

from cjm_editor.commands.cards import AddCard, RemoveElements
from cjm_editor.commands.elements import AddElement
from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError
from cjm_editor.model import Card, Connection, JourneyDocument
from cjm_editor.model.journey import CARD_KIND_FOR_LANE, Journey
from cjm_editor.model.snippet import cards_from_text, paste, take
from cjm_editor.model.vocabulary import counted
from cjm_editor.ui.canvas.items.card import CardItem
from cjm_editor.ui.canvas.scene import JourneyScene

CARDS_MIME = "application/x-cjm-editor-cards"


def selected_cards(scene: JourneyScene) -> list[str]:
    ids = {i.element_id for i in scene.selectedItems() if isinstance(i, CardItem)}
    return [c.id for c in scene.doc.journey.cards if c.id in ids]


def copy(scene: JourneyScene) -> int:
    """Put the selected cards on the clipboard; return how many."""
    ids = selected_cards(scene)
    if not ids:
        return 0
    snippet = take(scene.doc.journey, set(ids))
    data = QMimeData()
    data.setData(CARDS_MIME, cjm_json.dumps(snippet).encode("utf-8"))
    data.setText("\n".join(c.title for c in snippet.cards))
    QGuiApplication.clipboard().setMimeData(data)
    return len(ids)


def cut(scene: JourneyScene, stack: QUndoStack) -> int:
    count = copy(scene)
    if count:
        stack.push(RemoveElements(scene.doc, selected_cards(scene), f"Cut {counted(count, 'card')}"))
    return count


def _target_cell(scene: JourneyScene) -> tuple[tuple[str, str] | None, int | None]:
    """Paste goes after the last selected card, in its cell; with nothing selected, cards go back
    to their own stage and lane."""
    ids = selected_cards(scene)
    if not ids:
        return None, None
    last = scene.doc.card(ids[-1])
    cell = (last.stage_id, last.lane_id)
    return cell, [c.id for c in scene.doc.cell_cards(*cell)].index(last.id) + 1


def paste_clipboard(scene: JourneyScene, stack: QUndoStack) -> str:
    """Paste what the clipboard holds; return a status message."""
    data = QGuiApplication.clipboard().mimeData()
    doc = scene.doc
    cell, position = _target_cell(scene)
    if data is not None and data.hasFormat(CARDS_MIME):
        try:
            snippet = cjm_json.loads(bytes(data.data(CARDS_MIME).data()), "clipboard").journey
        except LoadError as exc:
            return f"Cannot paste: {exc}"
        cards, connections = paste(snippet, doc.journey, cell)
    elif data is not None and data.hasText() and data.text().strip():
        j = doc.journey
        if cell is None and not (j.stages and j.lanes):
            return "Add a stage and a lane before pasting cards."
        stage_id, lane_id = cell or (j.stages[0].id, j.lanes[0].id)
        kind = CARD_KIND_FOR_LANE[doc.lane(lane_id).kind]
        cards, connections = cards_from_text(data.text(), stage_id, lane_id, kind), []
    else:
        return "The clipboard holds no cards or text."
    if not cards:
        return "Nothing to paste: the map has no stages or lanes."
    put(scene, stack, cards, connections, position, f"Paste {counted(len(cards), 'card')}")
    return f"Pasted {counted(len(cards), 'card')}"


def duplicate(scene: JourneyScene, stack: QUndoStack) -> int:
    """Copies of the selected cards, each right after its original, as one step."""
    ids = selected_cards(scene)
    if not ids:
        return 0
    doc = scene.doc
    snippet: Journey = take(doc.journey, set(ids))
    cards, connections = paste(snippet, doc.journey)
    stack.beginMacro(f"Duplicate {counted(len(cards), 'card')}")
    for original, copy_ in zip(snippet.cards, cards, strict=True):
        cell = [c.id for c in doc.cell_cards(original.stage_id, original.lane_id)]
        stack.push(AddCard(doc, copy_, cell.index(original.id) + 1))
    for conn in connections:
        stack.push(AddElement(doc, "connections", conn))
    stack.endMacro()
    scene.select_only([c.id for c in cards])
    return len(cards)


def put(
    scene: JourneyScene,
    stack: QUndoStack,
    cards: list[Card],
    connections: list[Connection],
    position: int | None,
    text: str,
) -> None:
    """Add cards (at `position` in their cell, in order) and their connections as one step."""
    doc: JourneyDocument = scene.doc
    stack.beginMacro(text)
    for offset, card in enumerate(cards):
        stack.push(AddCard(doc, card, None if position is None else position + offset))
    for conn in connections:
        stack.push(AddElement(doc, "connections", conn))
    stack.endMacro()
    scene.select_only([c.id for c in cards])
