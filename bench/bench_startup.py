"""Editor start to first paint of the canvas, as a whole process, against a bare PySide6 window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import Result, bytecode_env


def _launch(*args: str, env: dict[str, str]) -> float:
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


def first_paint(repeat: int = 5) -> tuple[float, float]:
    """Median seconds from process start to the first paint: the bare window's, then ours, started
    alternately (the machine's speed drifts), each once before timing so that the disk is warm and the
    bytecode of both compiled, as it is for an installed editor."""
    with tempfile.TemporaryDirectory() as tmp:
        env = bytecode_env(Path(tmp))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        _launch("--bare", env=env)
        _launch(env=env)
        bare, ours = [], []
        for _ in range(repeat):
            bare.append(_launch("--bare", env=env))
            ours.append(_launch(env=env))
    return statistics.median(bare), statistics.median(ours)


def run() -> list[Result]:
    floor, ours = first_paint()
    ours_rss, bare_rss = _peak_memory(), _peak_memory("--bare")
    memory = Result(
        "memory: a map open in the editor (peak RSS)",
        "10,000 cards",
        ours_rss,
        bare_rss,
        1.5,
        "bare scene of 10,000 rect + text items",
        unit="B",
    )
    return [
        memory,
        Result(
            "editor start to first paint",
            "sample map",
            ours,
            floor,
            4,
            "bare PySide6 window",
            note="both started alternately, five times each after one untimed start, with Python's "
            "bytecode cached in a folder of the bench's own (an installed editor ships its bytecode; "
            "this machine sets PYTHONDONTWRITEBYTECODE, which made every start compile cjm's modules).",
        ),
    ]
