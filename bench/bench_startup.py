"""Editor start to first paint of the canvas, as a whole process, against a bare PySide6 window."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.harness import Result


def _launch(*args: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench.first_paint", *args], check=True, env=env, timeout=60)
    return time.perf_counter() - start


def _peak_memory(*args: str) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory_probe", *args],
        check=True,
        env=env,
        timeout=300,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def run() -> list[Result]:
    _launch()  # warm the disk cache, as a second start would be
    ours = sorted(_launch() for _ in range(5))[2]
    floor = sorted(_launch("--bare") for _ in range(5))[2]
    ours_rss, bare_rss = _peak_memory(), _peak_memory("--bare")
    memory = Result(
        "memory: a map open in the editor (peak RSS)",
        "10,000 cards",
        ours_rss,
        bare_rss,
        400e6,
        "bare scene of 10,000 rect + text items",
        absolute=True,
        unit="B",
    )
    return [
        memory,
        Result(
            "editor start to first paint",
            "sample map",
            ours,
            floor,
            1.5,
            "bare PySide6 window",
            absolute=True,
        ),
    ]
