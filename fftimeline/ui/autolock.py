"""Lock the app after a spell without use, including after the laptop wakes from sleep (UI).

An application-wide event filter notes the wall-clock time of every mouse, key and wheel
event. A 15-second timer compares that against ``time.time()``: wall-clock time keeps
running while the machine sleeps, so a laptop that wakes up past the limit locks at once.

The first input after waking is compared *before* it counts as activity: otherwise a key
pressed within the 15 seconds before the timer's next tick would reset the clock and the
vault would stay open. That input locks the app and never reaches the window behind.
Locks the operating system announces (screen lock, suspend) come from `ui.session_watch`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QInputDialog, QWidget
from typing_extensions import override

_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)

CHECK_INTERVAL_MS = 15_000


def _is_lock_key(event: QEvent) -> bool:
    """Whether a key press is Ctrl+L (Cmd+L on macOS)."""
    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_L
        and event.modifiers() == Qt.KeyboardModifier.ControlModifier
    )


class IdleLock(QObject):
    """Emits ``idle`` once when nobody has used the app for ``minutes``.

    Install with ``app.installEventFilter(lock)``; call `start` after unlocking and `stop`
    when locked.

    Signals:
        idle: the idle limit has passed since the last activity.
        lock_now: Ctrl+L was pressed in any window (even inside a dialog).
    """

    idle = Signal()
    lock_now = Signal()

    def __init__(
        self,
        minutes: float,
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.limit_seconds = minutes * 60
        self.last_activity = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Begin watching (after an unlock): the idle clock starts from now."""
        self.last_activity = self.clock()
        self.timer.start()

    def stop(self) -> None:
        """Stop watching (while locked)."""
        self.timer.stop()

    @property
    def active(self) -> bool:
        """Whether the lock is watching for idleness."""
        return self.timer.isActive()

    def set_minutes(self, minutes: float) -> None:
        """Change the idle limit."""
        self.limit_seconds = minutes * 60

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note user activity, after checking the limit; consumes only input that locks."""
        if event.type() in _ACTIVITY:
            if self._past_limit():
                self._lock()
                return True
            self.last_activity = self.clock()
        if event.type() == QEvent.Type.KeyPress and self.active and _is_lock_key(event):
            self.lock_now.emit()
            return True
        return False

    def check(self) -> None:
        """Lock if the limit has passed (called by the timer, and on wake-up)."""
        if self._past_limit():
            self._lock()

    def _past_limit(self) -> bool:
        return self.active and self.clock() - self.last_activity >= self.limit_seconds

    def _lock(self) -> None:
        self.stop()
        self.idle.emit()


class IdleMinutesQuestion:
    """Asks after how many idle minutes the app should lock."""

    @classmethod
    def ask(cls, parent: QWidget, current: int) -> int | None:
        """The chosen number of minutes, or None if the user cancelled."""
        minutes, ok = QInputDialog.getInt(
            parent,
            parent.tr("Lock when idle"),
            parent.tr("Lock fftimeline after this many minutes without use:"),
            current,
            1,
            240,
        )
        return minutes if ok else None
