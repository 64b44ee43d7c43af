"""The autosave writer process: keeps its own copy of an open map, in step with the editor through
small change messages, and writes recovery snapshots of it on request.

Serialising a 10,000-card map takes a few hundred milliseconds of pure Python. In a thread of the
editor that would hold the GIL and make every drag step wait; in this process it costs the editor
nothing but the messages. Run as `python -m cjm_editor.formats.snapshot_writer DATA_FOLDER PID`.

Input (stdin): frames of a 4-byte big-endian length and a pickled tuple, written by the editor:
    ("reset", journey)             the whole map (on open, and whenever another map is shown)
    ("put", collection, entity)    an element added, changed or moved
    ("del", collection, id)        an element removed
    ("map", {field: value})        the map's own fields (title, description, scale, workshop, extra)
    ("write", generation, path, key)  write a snapshot now, under the editor window's key
Output (stdout): one line per write, `written GENERATION` or `failed GENERATION MESSAGE`.
The process ends when stdin closes (the editor closed the map, quit or was killed).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
from pathlib import Path
from typing import Any, BinaryIO

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import SaveError
from cjm_editor.formats.recovery import RecoveryStore
from cjm_editor.model.journey import Journey
from cjm_editor.model.registry import COLLECTIONS

HEADER = struct.Struct(">I")


def frame(message: tuple[Any, ...]) -> bytes:
    """A message as the writer reads it."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


class MapCopy:
    """The writer's copy of the map: its fields and one dict per collection, keyed by id."""

    def __init__(self) -> None:
        self.journey = Journey()
        self.elements: dict[str, dict[str, Any]] = {c.name: {} for c in COLLECTIONS}

    def apply(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "reset":
            self.journey = message[1]
            self.elements = {c.name: {e.id: e for e in getattr(self.journey, c.name)} for c in COLLECTIONS}
        elif kind == "put":
            self.elements[message[1]][message[2].id] = message[2]
        elif kind == "del":
            self.elements[message[1]].pop(message[2], None)
        elif kind == "map":
            for key, value in message[1].items():
                setattr(self.journey, key, value)

    def current(self) -> Journey:
        """The map as it is now (lists in any order: the file sorts them by id)."""
        for c in COLLECTIONS:
            setattr(self.journey, c.name, list(self.elements[c.name].values()))
        return self.journey


def _read(stream: BinaryIO, n: int) -> bytes | None:
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def serve(data_folder: Path, editor_pid: int, inp: BinaryIO, out: Any) -> None:
    """Apply messages and write snapshots until the input ends."""
    store = RecoveryStore(data_folder)
    copy = MapCopy()
    while True:
        head = _read(inp, HEADER.size)
        if head is None:
            return
        body = _read(inp, HEADER.unpack(head)[0])
        if body is None:
            return
        message = pickle.loads(body)  # noqa: S301 - our own editor's pipe
        if message[0] != "write":
            copy.apply(message)
            continue
        generation, path, key = message[1], message[2], message[3]
        journey = copy.current()
        try:
            text = cjm_json.dumps(journey)
            store.write(key, text, path, journey.title, pid=editor_pid, document_id=journey.id)
            out.write(f"written {generation}\n")
        except (SaveError, OSError, ValueError) as exc:
            out.write(f"failed {generation} {str(exc).replace(chr(10), ' ')}\n")
        out.flush()


def main() -> None:
    with contextlib.suppress(OSError):
        os.nice(19)  # the editor's own threads come first on a busy machine
    serve(Path(sys.argv[1]), int(sys.argv[2]), sys.stdin.buffer, sys.stdout)


if __name__ == "__main__":
    main()
