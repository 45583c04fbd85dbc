"""Lock when the operating system locks the screen or goes to sleep (ui layer).

What the platform tells a PySide6-Essentials app, and what is listened to:

- Linux and the BSDs: D-Bus signals through QtDBus. On the system bus, logind's
  ``PrepareForSleep(true)`` (suspend or hibernate) and ``Session.Lock`` for this login session;
  on the session bus, ``ActiveChanged(true)`` of the freedesktop, GNOME, MATE, Cinnamon and
  Xfce screen savers (their screen lock).
- Windows: a native event filter sees ``WM_WTSSESSION_CHANGE`` with ``WTS_SESSION_LOCK``
  (Win+L, lid closed with lock on) once the main window is registered with
  ``WTSRegisterSessionNotification``, and ``WM_POWERBROADCAST`` with ``PBT_APMSUSPEND``.
- Everywhere: Qt's application state turning to ``ApplicationSuspended``.
- macOS: the screen-lock and sleep notifications live in AppKit (``NSWorkspace``,
  ``com.apple.screenIsLocked``), which PySide6-Essentials cannot reach; there the wall-clock
  idle check (`ui.autolock.IdleLock`) is what locks after sleep.

Any of these emits `SessionWatch.lock_now`; the app locks the vault on it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from typing_extensions import override

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
_WINDOWS_EVENTS = (b"windows_generic_MSG", b"windows_dispatcher_MSG")
NOTIFY_FOR_THIS_SESSION = 0

SCREEN_SAVERS = (
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.mate.ScreenSaver",
    "org.cinnamon.ScreenSaver",
    "org.xfce.ScreenSaver",
)
"""D-Bus interfaces whose ``ActiveChanged(true)`` means the screen is now locked."""
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
LOGIND_SESSION = "org.freedesktop.login1.Session"


class _Msg(ctypes.Structure):
    """The start of a Windows ``MSG``: enough to read the message and its ``wParam``."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    )


def locks_windows_session(message: int, w_param: int) -> bool:
    """Whether a Windows message says the session is locking or the machine suspending."""
    if message == WM_WTSSESSION_CHANGE:
        return w_param == WTS_SESSION_LOCK
    return message == WM_POWERBROADCAST and w_param == PBT_APMSUSPEND


class WindowsLockFilter(QAbstractNativeEventFilter):
    """Reads native Windows messages for a session lock or a suspend; never consumes them."""

    def __init__(self, watch: SessionWatch) -> None:
        super().__init__()
        self._watch = watch

    @override
    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        kind = (
            bytes(QByteArray(eventType).data()) if not isinstance(eventType, bytes) else eventType
        )
        if kind in _WINDOWS_EVENTS and message:
            msg = _Msg.from_address(int(message))
            if locks_windows_session(int(msg.message), int(msg.wParam)):
                self._watch.lock_now.emit()
        return (False, 0)


def session_path(session_id: str) -> str:
    """The logind object path of a login session ('3' -> '/org/freedesktop/login1/session/_33')."""
    escaped = "".join(
        c if (c.isascii() and c.isalnum() and not (i == 0 and c.isdigit())) else f"_{ord(c):02x}"
        for i, c in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{escaped}"


class SessionWatch(QObject):
    """Emits `lock_now` when the operating system locks the screen or is about to sleep.

    Args:
        parent: the owner (the app's controller).
        buses: the D-Bus connections to listen on; by default, on Linux, the system bus and
            the session bus (tests pass a private bus).
    """

    lock_now = Signal()

    def __init__(
        self, parent: QObject | None = None, *, buses: Sequence[QDBusConnection] | None = None
    ) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        """What this watch listens to, for the README's claims and for tests."""
        self._native: WindowsLockFilter | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
            self.listening.append("application suspended")
        if buses is None:
            buses = _default_buses()
        for bus in buses:
            self._listen(bus)
        if sys.platform == "win32" and app is not None:
            self._native = WindowsLockFilter(self)
            app.installNativeEventFilter(self._native)
            self.listening.append("Windows session lock and suspend")

    def _listen(self, bus: QDBusConnection) -> None:
        if not bus.isConnected():
            return
        session = os.environ.get("XDG_SESSION_ID", "")
        path = session_path(session) if session else ""
        wanted = [
            (LOGIND_MANAGER, "PrepareForSleep", "1_active_changed(bool)", ""),
            (LOGIND_SESSION, "Lock", "1_session_locked()", path),
            *((name, "ActiveChanged", "1_active_changed(bool)", "") for name in SCREEN_SAVERS),
        ]
        for interface, signal, slot, at in wanted:
            # PySide6's stub types the slot as bytes; the binding wants the SLOT() string.
            if bus.connect("", at, interface, signal, self, slot):  # type: ignore[call-overload]
                self.listening.append(f"{interface}.{signal}")

    def watch_window(self, window: QWidget) -> None:
        """On Windows, ask for session-change messages for this (main) window."""
        windll = getattr(ctypes, "windll", None)  # only on Windows
        if windll is not None:
            windll.wtsapi32.WTSRegisterSessionNotification(
                ctypes.c_void_p(int(window.winId())), NOTIFY_FOR_THIS_SESSION
            )

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        if active:
            self.lock_now.emit()

    @Slot()
    def _session_locked(self) -> None:
        self.lock_now.emit()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_now.emit()


def _default_buses() -> list[QDBusConnection]:
    """The system and session buses on platforms that have D-Bus; none elsewhere."""
    if sys.platform == "win32" or sys.platform == "darwin":
        return []
    return [QDBusConnection.systemBus(), QDBusConnection.sessionBus()]
