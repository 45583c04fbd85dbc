"""After the first window is drawn: the start-up check, and loading the rest (ui layer).

`after_first_paint` runs a callback once a window has been drawn for the first time. The app
uses it twice:

- to load the main window's code once the welcome screen is up, so the key worker sees the
  welcome screen as soon as Qt can draw it and the rest loads while they read it;
- for ``fftimeline --smoke-test FILE.png`` (`quit_when_drawn`): save what was drawn to the PNG
  file, print one line and quit with exit code 0 (1 when the picture could not be saved). It
  proves that a build can show its window (Qt, its platform plugin, fonts and the app's
  resources are all there) without anyone clicking, on a build machine with no display
  (``QT_QPA_PLATFORM=offscreen``). The start-up benchmark times a process from its start to
  that line. The welcome screen shows no case, so the picture holds nothing about a child.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

DRAWN = "fftimeline: welcome screen drawn"
"""The line printed once the welcome screen has been drawn."""


class _FirstPaint(QObject):
    """Waits for the widget's first paint, then runs the callback on the next loop turn."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback, self.done = callback, False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the first paint event has been handled, call back once."""
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, just after `widget` has been drawn for the first time."""
    _FirstPaint(widget, callback)


def quit_when_drawn(widget: QWidget, path: Path) -> None:
    """Save `widget` to `path` as soon as it has been drawn, then leave the event loop."""

    def finish() -> None:
        saved = widget.grab().save(str(path), "PNG")
        if sys.stdout is not None:  # None in a windowed Windows app
            sys.stdout.write(DRAWN + "\n")
            sys.stdout.flush()
        app = QCoreApplication.instance()
        if app is not None:
            app.exit(0 if saved else 1)

    after_first_paint(widget, finish)
