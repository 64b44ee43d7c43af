"""The editor in a child process, for the crash and lock tests: `python -m tests.ui.editor_child
[--map PATH] [--edit OUT]` starts the real application; with --edit it renames a card and adds one,
waits for the autosave, writes the map as it then is to OUT and prints "ready"; then it runs until
killed."""

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
    parser.add_argument("--map")
    parser.add_argument("--edit")
    args = parser.parse_args()
    app, window = start([args.map] if args.map else [])
    autosave = window.keeper.autosave
    autosave._idle.setInterval(100)  # the test need not wait the 3 s a person would

    def edit() -> None:
        doc = window.document
        first = doc.journey.cards[0] if doc.journey.cards else None
        stage, lane = doc.journey.stages[-1], doc.journey.lanes[0]
        if first is not None:
            window.undo_stack.push(EditCard(doc, first.id, "Rename", title="Renamed just before the crash"))
        window.undo_stack.push(AddCard(doc, Card(stage.id, lane.id, "note", "Added just before the crash")))

    def written(_when: object) -> None:
        if not autosave.pending:
            with open(args.edit, "w", encoding="utf-8") as f:
                f.write(cjm_json.dumps(window.document.journey))
            print("ready", flush=True)

    if args.edit:
        autosave.autosaved.connect(written)
        QTimer.singleShot(200, edit)
    else:
        QTimer.singleShot(200, lambda: print("ready", flush=True))
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
