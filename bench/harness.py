"""Timing helpers and the result table shared by every benchmark."""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    """One measured figure against its target in DESIGN.md. `target` is a ratio to `floor`, or seconds
    when `absolute` (or no floor); None when DESIGN.md sets no target for the row (shown for scale).
    `or_within` is DESIGN's combined target "<= S seconds, or <= Nx the floor where that is larger":
    met when either is. `also` is a condition DESIGN puts beside the figure (e.g. "0 lost") and whether
    it held. The ratio to the floor is printed either way."""

    name: str
    size: str
    seconds: float
    floor: float | None
    target: float | None
    floor_name: str = ""
    absolute: bool = False
    note: str = ""  # printed under the table: why a figure is what it is
    unit: str = "s"  # "s": seconds, shown in ms; "B": bytes, shown in MB
    or_within: float | None = None  # seconds: the absolute alternative to a ratio target
    also: tuple[str, bool] | None = None  # ("0 lost", held)

    def _show(self, value: float) -> str:
        return f"{value / 1e6:.0f} MB" if self.unit == "B" else f"{value * 1000:.1f} ms"

    @property
    def ratio(self) -> float | None:
        return None if self.floor is None else self.seconds / self.floor

    @property
    def ok(self) -> bool:
        if self.target is None:
            return True
        if self.also is not None and not self.also[1]:
            return False
        if self.or_within is not None and self.seconds <= self.or_within:
            return True
        value = self.ratio if self.ratio is not None and not self.absolute else self.seconds
        return value <= self.target

    def row(self) -> str:
        if self.ratio is not None and self.floor is not None:
            floor = f"{self._show(self.floor)} ({self.floor_name})"
            ratio = f"{self.ratio:.2f}x"
        else:
            floor, ratio = "-", "-"
        if self.target is None:
            target = "-"
        elif self.ratio is not None and not self.absolute:
            target = f"<= {self.target:g}x"
        else:
            target = f"<= {self._show(self.target)}"
        if self.target is not None and self.or_within is not None:
            target = f"<= {self._show(self.or_within)}, or {target} where larger"
        if self.target is not None and self.also is not None:
            target += f", {self.also[0]}"
        verdict = "-" if self.target is None else "ok" if self.ok else "MISSED"
        cells = [self.name, self.size, self._show(self.seconds), floor, ratio, target, verdict]
        return "| " + " | ".join(cells) + " |"


HEADER = "| operation | size | time | floor | ratio | target | |\n|---|---|---|---|---|---|---|"


def best_of(fn: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None) -> float:
    """Median wall time of `repeat` runs (setup excluded), with the garbage collector as in real use."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(floor: Callable[[], object], ours: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """Median wall times of the floor and of ours, run alternately so that both see the same machine
    (on a shared machine the speed drifts within seconds, and a ratio of two blocks measured one
    after the other drifts with it)."""
    floor_times, our_times = [], []
    for _ in range(repeat):
        for fn, times in ((floor, floor_times), (ours, our_times)):
            gc.collect()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(floor_times), statistics.median(our_times)


def bytecode_env(folder: Path) -> dict[str, str]:
    """The environment of the timed processes: Python's bytecode cached (in a folder of the bench's
    own) as it is for an installed cjm, whose wheel or bundle carries compiled modules. Without it
    (PYTHONDONTWRITEBYTECODE, set on some machines) every run compiled cjm's modules afresh."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env
