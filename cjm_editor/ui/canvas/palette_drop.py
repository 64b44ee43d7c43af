"""What the palette drags: a card of a kind, a stage, or a lane of a kind, as one MIME payload."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData

from cjm_editor.model.journey import CARD_KINDS, LANE_KINDS

PALETTE_MIME = "application/x-cjm-editor-palette"


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    """One thing the palette offers: `what` is "card", "stage" or "lane"; `kind` the card or lane kind."""

    what: str
    kind: str = ""

    def encode(self) -> QMimeData:
        data = QMimeData()
        data.setData(PALETTE_MIME, f"{self.what}:{self.kind}".encode())
        return data

    @staticmethod
    def decode(data: QMimeData) -> PaletteEntry | None:
        if not data.hasFormat(PALETTE_MIME):
            return None
        what, _, kind = bytes(data.data(PALETTE_MIME).data()).decode("utf-8", "replace").partition(":")
        if what == "card" and kind in CARD_KINDS:
            return PaletteEntry(what, kind)
        if what == "lane" and kind in LANE_KINDS:
            return PaletteEntry(what, kind)
        if what == "stage":
            return PaletteEntry(what)
        return None
