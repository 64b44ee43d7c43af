"""Open and save of .cjm.json maps against the json.loads / json.dumps(indent=2) floors."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.harness import Result, paired
from bench.synth import synthetic_map
from cjm_editor.formats import cjm_json
from cjm_editor.formats.journey_codec import journey_to_dict


def run(sizes: tuple[int, ...] = (1_000, 10_000)) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            journey = synthetic_map(n)
            path = Path(tmp) / f"map-{n}.cjm.json"
            cjm_json.save(journey, path)
            data = path.read_bytes()
            value = journey_to_dict(journey)
            repeat = 21 if n <= 1_000 else 5  # a small map's few milliseconds drift with the machine
            floor_open, open_time = paired(
                lambda data=data: json.loads(data), lambda path=path: cjm_json.load(path), repeat
            )
            results.append(
                Result(
                    "open a map file into the model", f"{n:,} cards", open_time, floor_open, 10, "json.loads"
                )
            )
            floor_save, save_time = paired(
                lambda value=value: json.dumps(value, indent=2),
                lambda journey=journey, path=path: cjm_json.save(journey, path),
                repeat,
            )
            results.append(
                Result(
                    "save (atomic, fsync)", f"{n:,} cards", save_time, floor_save, 4, "json.dumps indent=2"
                )
            )
    return results
