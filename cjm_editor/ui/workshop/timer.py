"""A per-stage countdown for the present view. The clock is injected (seconds, monotonic), so tests
advance it by hand instead of sleeping; a QTimer only asks for a refresh a few times a second."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_SECONDS = 5 * 60


class StageTimer(QObject):
    """Counts down the current stage's duration: start, pause, reset; `expired` once at zero."""

    ticked = Signal()  # remaining time changed (or the state did)
    expired = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.durations: dict[str, float] = {}  # stage id -> seconds
        self.stage_id = ""
        self._used = 0.0  # seconds counted before the last start
        self._started: float | None = None
        self._expired = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.refresh)

    def duration(self, stage_id: str | None = None) -> float:
        return self.durations.get(stage_id or self.stage_id, DEFAULT_SECONDS)

    def set_duration(self, seconds: float, stage_id: str | None = None) -> None:
        self.durations[stage_id or self.stage_id] = max(1.0, seconds)
        self._expired = self.remaining() <= 0
        self.ticked.emit()

    def set_stage(self, stage_id: str) -> None:
        """Another stage: its own countdown, from its full duration, paused."""
        self.pause()
        self.stage_id, self._used, self._expired = stage_id, 0.0, False
        self.ticked.emit()

    @property
    def running(self) -> bool:
        return self._started is not None

    @property
    def is_expired(self) -> bool:
        return self._expired

    def elapsed(self) -> float:
        return self._used + (self.clock() - self._started if self._started is not None else 0.0)

    def remaining(self) -> float:
        return max(0.0, self.duration() - self.elapsed())

    def start(self) -> None:
        if self._started is None and self.remaining() > 0:
            self._started = self.clock()
            self._ticker.start()
            self.ticked.emit()

    def pause(self) -> None:
        if self._started is not None:
            self._used += self.clock() - self._started
            self._started = None
            self._ticker.stop()
            self.ticked.emit()

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        self.pause()
        self._used, self._expired = 0.0, False
        self.ticked.emit()

    def refresh(self) -> None:
        """Read the clock: tick, and signal the end once."""
        if self.remaining() <= 0 and not self._expired:
            self._expired = True
            self.pause()
            self.expired.emit()
        self.ticked.emit()

    def text(self) -> str:
        left = int(round(self.remaining()))
        return f"{left // 60:d}:{left % 60:02d}"
