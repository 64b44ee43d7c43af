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


def run() -> list[Result]:
    _launch()  # warm the disk cache, as a second start would be
    ours = sorted(_launch() for _ in range(5))[2]
    floor = sorted(_launch("--bare") for _ in range(5))[2]
    return [
        Result(
            "editor start to first paint",
            "sample map",
            ours,
            floor,
            1.5,
            "bare PySide6 window",
            absolute=True,
        )
    ]
