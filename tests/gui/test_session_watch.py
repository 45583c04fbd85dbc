# mypy: disable-error-code="no-untyped-call"
"""Locking when the operating system locks the screen or sleeps: D-Bus, Windows, Qt states."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.services.vault import OpenVault
from fftimeline.ui import session_watch
from fftimeline.ui.session_watch import SessionWatch, WindowsLockFilter, session_path

needs_dbus = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
    reason="dbus-daemon and dbus-send are not installed (CI installs them in .ci/run)",
)


class Bus:
    """A private D-Bus daemon under tmp_path, and a way to send signals on it."""

    def __init__(self, folder: Path) -> None:
        self.daemon = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--print-address",
                f"--address=unix:dir={folder}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.daemon.stdout is not None
        self.address = self.daemon.stdout.readline().strip()
        self.name = f"test-{uuid.uuid4().hex}"
        self.connection = QDBusConnection.connectToBus(self.address, self.name)
        assert self.connection.isConnected()

    def signal(self, path: str, member: str, *args: str) -> None:
        subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--type=signal", path, member, *args],
            check=True,
            timeout=10,
        )

    def close(self) -> None:
        QDBusConnection.disconnectFromBus(self.name)
        self.daemon.kill()
        self.daemon.wait(timeout=10)


@pytest.fixture
def bus(qtbot: QtBot, tmp_path: Path) -> Iterator[Bus]:
    b = Bus(tmp_path)
    yield b
    b.close()


@needs_dbus
@pytest.mark.parametrize(
    ("path", "member"),
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged"),
        ("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep"),
    ],
)
def test_screen_lock_or_sleep_on_dbus_asks_to_lock(
    qtbot: QtBot, bus: Bus, path: str, member: str
) -> None:
    watch = SessionWatch(buses=[bus.connection])
    with qtbot.waitSignal(watch.lock_now, timeout=5000):
        bus.signal(path, member, "boolean:true")


@needs_dbus
def test_screen_saver_ending_or_waking_up_does_not_lock(qtbot: QtBot, bus: Bus) -> None:
    watch = SessionWatch(buses=[bus.connection])
    fired: list[bool] = []
    watch.lock_now.connect(lambda: fired.append(True))
    bus.signal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:false"
    )
    bus.signal(
        "/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", "boolean:false"
    )
    with qtbot.waitSignal(watch.lock_now, timeout=5000):  # a later lock still gets through
        bus.signal(
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:true",
        )
    assert fired == [True]


@needs_dbus
def test_logind_locks_only_this_login_session(
    qtbot: QtBot, bus: Bus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "3")
    watch = SessionWatch(buses=[bus.connection])
    fired: list[bool] = []
    watch.lock_now.connect(lambda: fired.append(True))
    bus.signal("/org/freedesktop/login1/session/_34", "org.freedesktop.login1.Session.Lock")
    with qtbot.waitSignal(watch.lock_now, timeout=5000):
        bus.signal("/org/freedesktop/login1/session/_33", "org.freedesktop.login1.Session.Lock")
    assert fired == [True]


def test_session_paths_are_escaped_as_logind_names_them() -> None:
    assert session_path("3") == "/org/freedesktop/login1/session/_33"
    assert session_path("c2") == "/org/freedesktop/login1/session/c2"
    assert session_path("a-b") == "/org/freedesktop/login1/session/a_2db"


def _windows_message(message: int, w_param: int) -> ctypes.Structure:
    msg = session_watch._Msg()
    msg.message = message
    msg.wParam = w_param
    return msg


@pytest.mark.parametrize(
    ("message", "w_param", "locks"),
    [
        (session_watch.WM_WTSSESSION_CHANGE, session_watch.WTS_SESSION_LOCK, True),
        (session_watch.WM_WTSSESSION_CHANGE, 0x8, False),  # WTS_SESSION_UNLOCK
        (session_watch.WM_POWERBROADCAST, session_watch.PBT_APMSUSPEND, True),
        (session_watch.WM_POWERBROADCAST, 0x12, False),  # PBT_APMRESUMEAUTOMATIC
        (0x0100, session_watch.WTS_SESSION_LOCK, False),  # WM_KEYDOWN
    ],
)
def test_windows_messages_that_lock(qtbot: QtBot, message: int, w_param: int, locks: bool) -> None:
    watch = SessionWatch(buses=[])
    native = WindowsLockFilter(watch)
    fired: list[bool] = []
    watch.lock_now.connect(lambda: fired.append(True))
    msg = _windows_message(message, w_param)
    result = native.nativeEventFilter(QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg))
    assert result == (False, 0)  # the message still goes on to Qt
    assert fired == ([True] if locks else [])
    native.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), ctypes.addressof(msg))
    assert len(fired) == (1 if locks else 0)


def test_application_suspended_asks_to_lock(qtbot: QtBot) -> None:
    watch = SessionWatch(buses=[])
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    fired: list[bool] = []
    watch.lock_now.connect(lambda: fired.append(True))
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert fired == []
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert fired == [True]


def test_app_locks_when_the_system_says_so(
    controller: AppController, vault: OpenVault, case: Case
) -> None:
    controller.on_unlocked(vault)
    assert controller.vault is vault
    controller.session.lock_now.emit()
    assert vault.closed
    assert controller.main_window is None
    assert controller.start_window.isVisible()
