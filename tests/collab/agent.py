"""A headless co-editor for the tests: joins a host, waits for `go`, makes seeded random edits,
and on `dump PATH` writes its map (canonical JSON) once no update has arrived for a moment.

Usage: agent.py ADDRESS CODE --seed N --edits N [--move-stage ID]
Lines it prints: `JOINED n`, `EDITED n`, `DUMPED path`. Lines it reads: go, dump PATH, quit.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from cjm_editor.collab.shared import SharedMap
from cjm_editor.formats import cjm_json
from cjm_editor.model.document import JourneyDocument
from cjm_editor.model.errors import ModelError
from cjm_editor.model.journey import Card, EmotionPoint


def edit(doc: JourneyDocument, rng: random.Random, tag: str, n: int) -> None:
    j = doc.journey
    kind = rng.choice(["move", "move", "rename", "text", "text", "emotion", "emotion", "delete", "add"])
    try:
        if kind == "move" and j.cards:
            card = rng.choice(j.cards)
            doc.move_card_to(card.id, rng.choice(j.stages).id, rng.choice(j.lanes).id, rng.randint(0, 3))
        elif kind == "rename" and j.stages:
            doc.update("stages", rng.choice(j.stages).id, name=f"stage {tag}-{n}")
        elif kind == "text" and j.cards:
            doc.update_card(rng.choice(j.cards).id, title=f"title {tag}-{n}", body=f"body {tag}-{n}")
        elif kind == "emotion" and j.personas and j.stages:
            persona, stage = rng.choice(j.personas), rng.choice(j.stages)
            score = rng.randint(j.scale.min, j.scale.max)
            point = doc.emotion_at(persona.id, "stage", stage.id)
            if point is None:
                doc.add_emotion(EmotionPoint(persona.id, "stage", stage.id, score))
            else:
                doc.update_emotion(point.id, score=score)
        elif kind == "delete" and len(j.cards) > 5:
            doc.remove_card(rng.choice(j.cards).id)
        elif kind == "add" and j.stages and j.lanes:
            stage, lane = rng.choice(j.stages), rng.choice(j.lanes)
            doc.add_card(Card(stage.id, lane.id, title=f"new {tag}-{n}"))
    except ModelError:
        pass  # a peer's change made this edit impossible just now: skip it, as a person would


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("code")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--move-stage")
    args = parser.parse_args()
    shared = SharedMap(args.address, args.code)
    doc = shared.join(60)
    last = [time.monotonic()]
    orig = shared.pump

    def pump() -> None:
        before = shared._queue.qsize()
        orig()
        if before:
            last[0] = time.monotonic()

    print(f"JOINED {len(doc.journey.cards)}", flush=True)
    rng = random.Random(args.seed)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "go":
            if args.move_stage:
                plan = doc.plan_order("stages", 0, moving=args.move_stage)
                doc.move("stages", args.move_stage, plan.key)
            for n in range(args.edits):
                pump()
                edit(doc, rng, str(args.seed), n)
                time.sleep(rng.random() * 0.01)
            print(f"EDITED {args.edits}", flush=True)
        elif words[0] == "dump":
            end = time.monotonic() + 30
            while time.monotonic() < end and time.monotonic() - last[0] < 1.0:
                pump()
                time.sleep(0.01)
            pump()
            with open(words[1], "w", encoding="utf-8") as f:
                f.write(cjm_json.dumps(doc.journey))
            print(f"DUMPED {words[1]}", flush=True)
        elif words[0] == "quit":
            break
    shared.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
