"""Timing helpers and the result table shared by every benchmark."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    """One measured figure. `target` is a ratio to `floor`, or seconds when `absolute` (or no floor);
    the ratio to the floor is printed either way."""

    name: str
    size: str
    seconds: float
    floor: float | None
    target: float
    floor_name: str = ""
    absolute: bool = False
    note: str = ""  # printed under the table: why a figure is what it is
    unit: str = "s"  # "s": seconds, shown in ms; "B": bytes, shown in MB

    def _show(self, value: float) -> str:
        return f"{value / 1e6:.0f} MB" if self.unit == "B" else f"{value * 1000:.1f} ms"

    @property
    def ratio(self) -> float | None:
        return None if self.floor is None else self.seconds / self.floor

    @property
    def ok(self) -> bool:
        value = self.ratio if self.ratio is not None and not self.absolute else self.seconds
        return value <= self.target

    def row(self) -> str:
        if self.ratio is not None and self.floor is not None:
            floor = f"{self._show(self.floor)} ({self.floor_name})"
            ratio = f"{self.ratio:.2f}x"
        else:
            floor, ratio = "-", "-"
        if self.ratio is not None and not self.absolute:
            target = f"<= {self.target:g}x"
        else:
            target = f"<= {self._show(self.target)}"
        verdict = "ok" if self.ok else "MISSED"
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
