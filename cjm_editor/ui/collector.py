"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when its thresholds are crossed. When
that is a worker (the Insights analysis of a large map, an export), a Qt object left in a reference
cycle by the GUI is destroyed on the worker thread, and Qt crashes stopping its timers there
("QBasicTimer::stop: Failed. Possibly trying to stop from a different thread", then a segfault).
So automatic collection is switched off and a timer on the GUI thread collects instead, with the same
thresholds (the approach pyqtgraph's GarbageCollector takes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Collects cyclic garbage on the GUI thread, once a second when the thresholds say so."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def install() -> GuiThreadCollector | None:
    """Once per application (later calls find the first); None without a QCoreApplication."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
