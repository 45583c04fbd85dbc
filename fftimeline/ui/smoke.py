"""The start-up check used by the frozen app's smoke test and the start-up benchmark (ui layer).

``fftimeline --smoke-test FILE.png`` starts the app as usual, waits until the welcome screen
has been drawn, saves what it drew to the PNG file, prints one line, and quits with exit code
0 (1 when the picture could not be saved). It proves that a build can show its window (Qt,
its platform plugin, fonts and the app's resources are all there) without anyone clicking, on
a build machine with no display (``QT_QPA_PLATFORM=offscreen``). The benchmark times the
process from its start to that line. The welcome screen shows no case, so the picture holds
nothing about a child.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

DRAWN = "fftimeline: welcome screen drawn"
"""The line printed once the welcome screen has been drawn."""


class _FirstPaint(QObject):
    """Waits for the widget's first paint, then saves the picture and quits."""

    def __init__(self, widget: QWidget, path: Path) -> None:
        super().__init__(widget)
        self.widget, self.path, self.done = widget, path, False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the first paint event has been handled, finish on the next loop turn."""
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        saved = self.widget.grab().save(str(self.path), "PNG")
        if sys.stdout is not None:  # None in a windowed Windows app
            sys.stdout.write(DRAWN + "\n")
            sys.stdout.flush()
        app = QCoreApplication.instance()
        if app is not None:
            app.exit(0 if saved else 1)


def quit_when_drawn(widget: QWidget, path: Path) -> None:
    """Save `widget` to `path` as soon as it has been drawn, then leave the event loop."""
    _FirstPaint(widget, path)
