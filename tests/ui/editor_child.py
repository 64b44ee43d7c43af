"""The editor in a child process, for the crash and lock tests: `python -m tests.ui.editor_child
[--map PATH]... [--edit OUT]` starts the real application (a window per map); with --edit it renames
a card and adds one in each window (" 2", " 3"... after the titles in the second, third...), waits for
every window's autosave, writes each map as it then is to OUT (the second to OUT.1, ...) and prints
"ready"; then it runs until killed."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer

from cjm_editor.commands.cards import AddCard, EditCard
from cjm_editor.formats import cjm_json
from cjm_editor.model import Card
from cjm_editor.ui.application import start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--map", action="append", default=[])
    parser.add_argument("--edit")
    args = parser.parse_args()
    app, first_window = start(args.map)
    windows = [first_window, *first_window.siblings]
    for window in windows:
        window.keeper.autosave._idle.setInterval(100)  # the test need not wait the 3 s a person would

    def edit() -> None:
        for i, window in enumerate(windows):
            doc, tail = window.document, f" {i + 1}" if i else ""
            first = doc.journey.cards[0] if doc.journey.cards else None
            stage, lane = doc.journey.stages[-1], doc.journey.lanes[0]
            if first is not None:
                rename = EditCard(doc, first.id, "Rename", title="Renamed just before the crash" + tail)
                window.undo_stack.push(rename)
            added = Card(stage.id, lane.id, "note", "Added just before the crash" + tail)
            window.undo_stack.push(AddCard(doc, added))

    def written(_when: object) -> None:
        if any(w.keeper.autosave.pending or w.keeper.autosave.last_autosaved is None for w in windows):
            return
        for i, window in enumerate(windows):
            with open(args.edit + (f".{i}" if i else ""), "w", encoding="utf-8") as f:
                f.write(cjm_json.dumps(window.document.journey))
        print("ready", flush=True)

    if args.edit:
        for window in windows:
            window.keeper.autosave.autosaved.connect(written)
        QTimer.singleShot(200, edit)
    else:
        QTimer.singleShot(200, lambda: print("ready", flush=True))
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
