"""Python's cycle collector runs on the interface thread only (ui layer).

CPython collects reference cycles in whichever thread happens to cross an allocation
threshold. In this app that is often a worker thread building an export or a print; a
collection there can free a window, a dialog or a timer left in a cycle by the interface
thread, and Qt objects destroyed from the wrong thread crash the app (seen on CI as a
segmentation fault in the export preview). So, while the app runs, automatic collection is
off and a timer on the interface thread collects, generation by generation, when Python's
own thresholds say it is due: the same amount of collecting, always from the right thread,
and always between events rather than in the middle of one. (The pattern calibre and
pyqtgraph use.)

Reference counting still frees almost everything at once; only cycles wait for the timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
"""How often the interface thread looks whether a collection is due."""


class InterfaceCollector(QObject):
    """Switches automatic collection off and collects from a timer on this thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_on = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> None:
        """Collect the generations Python would have collected by now (youngest first)."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                return
            gc.collect(generation)

    def stop(self) -> None:
        """Stop the timer and give collection back to Python (as it was before)."""
        self._timer.stop()
        if self._was_on:
            gc.enable()


def collect_on_interface_thread(app: QObject) -> InterfaceCollector:
    """Keep cycle collection on ``app``'s thread for as long as ``app`` lives."""
    return InterfaceCollector(app)
