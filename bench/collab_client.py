"""One co-editor of the load benchmark (bench_collab.py), in its own process.

Joins the host, waits until the agreed start time, then sets the title of one of its own cards `rate`
times a second for `seconds`, each title carrying the wall-clock time it was made; it records when
every other client's title arrives. `--bare` does the same with pycrdt alone (a Y doc, no
JourneyDocument, no binding): the floor. Writes a JSON report to --out.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from typing import Any

from pycrdt import Doc, Map

from cjm_editor.collab.peer import SYNCED, Peer
from cjm_editor.collab.shared import SharedMap


def main() -> int:
    p = argparse.ArgumentParser()
    for name in ("address", "code", "out"):
        p.add_argument(name)
    p.add_argument("--index", type=int, default=0)
    p.add_argument("--clients", type=int, default=10)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--rate", type=float, default=5)
    p.add_argument("--start", type=float, required=True, help="wall-clock time to start editing")
    p.add_argument("--bare", action="store_true")
    args = p.parse_args()
    woken = threading.Event()
    received: list[tuple[int, int, float]] = []

    def heard(title: str) -> None:
        words = title.split()
        if len(words) == 4 and words[0] == "bench" and int(words[1]) != args.index:
            received.append((int(words[1]), int(words[2]), time.time() - float(words[3])))

    if args.bare:
        editor: Any = _Bare(args.address, args.code, woken.set, heard)
    else:
        editor = _Editor(args.address, args.code, woken.set, heard)
    mine = editor.card_ids()[args.index :: args.clients]
    print("READY", flush=True)
    while time.time() < args.start:
        editor.pump()
        woken.wait(0.05)
        woken.clear()
    period, sent, last = 1.0 / args.rate, 0, {}
    end = args.start + args.seconds
    next_edit = time.time()
    while time.time() < end:
        now = time.time()
        if now >= next_edit:
            card = mine[sent % len(mine)]
            title = f"bench {args.index} {sent} {time.time():.6f}"
            editor.set_title(card, title)
            last[card] = title
            sent += 1
            next_edit += period
        editor.pump()
        woken.wait(max(0.0, min(next_edit - time.time(), 0.05)))
        woken.clear()
    expected = sent * 0 + args.clients - 1
    quiet = time.time()
    while time.time() - quiet < 3.0 and time.time() < end + 60:
        before = len(received)
        editor.pump()
        woken.wait(0.1)
        woken.clear()
        if len(received) != before:
            quiet = time.time()
    titles = editor.titles()
    editor.close()
    report = {"index": args.index, "sent": sent, "received": received, "others": expected, "titles": titles}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(report, f)
    return 0


class _Editor:
    """The real thing: a SharedMap with its JourneyDocument and binding."""

    def __init__(self, address: str, code: str, wake: Any, heard: Any) -> None:
        self.shared = SharedMap(address, code, wake=wake)
        self.doc = self.shared.join(120)
        self.doc.events.cards.changed.connect(lambda old, new: heard(new.title))

    def card_ids(self) -> list[str]:
        return sorted(c.id for c in self.doc.journey.cards)

    def set_title(self, card: str, title: str) -> None:
        self.doc.update_card(card, title=title)

    def pump(self) -> None:
        self.shared.pump()

    def titles(self) -> dict[str, str]:
        return {c.id: c.title for c in self.doc.journey.cards}

    def close(self) -> None:
        self.shared.close()


class _Bare:
    """pycrdt alone: the same peer thread, a Y doc, no document or binding."""

    def __init__(self, address: str, code: str, wake: Any, heard: Any) -> None:
        import queue

        self.queue: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self.status = ""
        self.ydoc: Doc[Any] = Doc()
        self.cards: Map[Any] = self.ydoc.get("cards", type=Map)
        self.heard = heard

        def on_update(update: bytes) -> None:
            self.queue.put(update)
            wake()

        def on_status(state: str, _detail: str) -> None:
            self.status = state
            wake()

        self.peer = Peer(address, code, on_update=on_update, on_status=on_status)
        self.ydoc.observe(lambda e: self.peer.send(e.update) if not self.receiving else None)
        self.receiving = False
        self.cards.observe_deep(self._observe)
        self.peer.start()
        end = time.time() + 300
        while (self.status != SYNCED or len(self.cards) == 0) and time.time() < end:
            self.pump()
            time.sleep(0.01)
        self.pump()  # the state arrived just before the status

    def _observe(self, events: list[Any]) -> None:
        if not self.receiving:
            return
        for e in events:
            if e.path and "title" in e.keys:
                self.heard(str(e.keys["title"]["newValue"]))

    def card_ids(self) -> list[str]:
        return sorted(self.cards.keys())

    def set_title(self, card: str, title: str) -> None:
        self.cards[card]["title"] = title

    def pump(self) -> None:
        import queue

        while True:
            try:
                update = self.queue.get_nowait()
            except queue.Empty:
                return
            self.receiving = True
            try:
                self.ydoc.apply_update(update)
            finally:
                self.receiving = False

    def titles(self) -> dict[str, str]:
        return {k: str(v["title"]) for k, v in self.cards.items()}

    def close(self) -> None:
        self.peer.stop()


if __name__ == "__main__":
    sys.exit(main())
