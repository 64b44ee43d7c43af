"""What the workshop gestures share on one canvas: the participant who votes or rates now and the cell
the scribe captures into. View state: not part of the map, gone with the scene."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class WorkshopState(QObject):
    participant_changed = Signal(object)  # participant id or None
    cell_changed = Signal(object)  # (stage id, lane id) or None

    def __init__(self) -> None:
        super().__init__()
        self.participant: str | None = None
        self.cell: tuple[str, str] | None = None

    def set_participant(self, participant_id: str | None) -> None:
        if participant_id != self.participant:
            self.participant = participant_id
            self.participant_changed.emit(participant_id)

    def set_cell(self, cell: tuple[str, str] | None) -> None:
        if cell != self.cell:
            self.cell = cell
            self.cell_changed.emit(cell)
