"""Open and save of .cjm.json maps against the json.loads / json.dumps(indent=2) floors."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.harness import Result, best_of
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
            floor_open = best_of(lambda data=data: json.loads(data))
            open_time = best_of(lambda path=path: cjm_json.load(path))
            results.append(
                Result(
                    "open a map file into the model", f"{n:,} cards", open_time, floor_open, 10, "json.loads"
                )
            )
            floor_save = best_of(lambda value=value: json.dumps(value, indent=2))
            save_time = best_of(lambda journey=journey, path=path: cjm_json.save(journey, path))
            results.append(
                Result(
                    "save (atomic, fsync)", f"{n:,} cards", save_time, floor_save, 4, "json.dumps indent=2"
                )
            )
    return results
