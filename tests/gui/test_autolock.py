# mypy: disable-error-code="no-untyped-call"
"""Auto-lock: idle time, sleep past the limit, Ctrl+L; locking leaves no case data behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.services.vault import OpenVault
from fftimeline.settings import load_settings
from fftimeline.ui import autolock
from fftimeline.ui.autolock import IdleLock
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.main_window import MainWindow

CASE_WORDS = ("Jayden", "Okafor", "Birmingham", "Bugsy", "Marcus", "Rita Hughes")


class FakeClock:
    """Wall-clock time the test moves by hand (a laptop asleep gets no events)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[AppController]:
    c = AppController(tmp_path / "config" / "settings.json", tmp_path / "data", actor="Sam Key")
    c.idle.clock = clock
    qtbot.addWidget(c.start_window)
    yield c
    c.shutdown()
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(c.idle)


def unlock(controller: AppController, vault: OpenVault, case: Case) -> MainWindow:
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    window.select_case(case.id)
    return window


def models_of(window: QWidget) -> list[QAbstractItemModel]:
    return window.findChildren(QAbstractItemModel)


def visible_text(window: QWidget) -> str:
    labels = [w.text() for w in window.findChildren(QLabel)]
    lines = [w.text() for w in window.findChildren(QLineEdit)]
    return "\n".join(labels + lines)


def assert_locked(controller: AppController, window: QWidget, vault: OpenVault) -> None:
    assert controller.vault is None and controller.main_window is None
    assert vault.closed
    assert controller.start_window.isVisible()
    assert controller.start_window.pages.currentWidget() is controller.start_window.unlock_page
    assert not window.isVisible()
    data_models = [m for m in models_of(window) if not isinstance(m.parent(), QComboBox)]
    assert data_models, "the main window should have its item models"
    assert [type(m).__name__ for m in data_models if m.rowCount() > 0] == []
    for combo in window.findChildren(QComboBox):  # fixed filter choices only
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert not [t for t in texts if any(c in t for c in CASE_WORDS)]
    shown = visible_text(window)
    assert [c for c in CASE_WORDS if c in shown] == []


def test_case_data_is_on_screen_before_locking(
    controller: AppController, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    window = unlock(controller, vault, case)
    assert any(m.rowCount() > 0 for m in models_of(window))
    assert window.windowTitle() == "work-chronologies.fft"


def test_idle_past_the_limit_locks_and_empties_every_model(
    controller: AppController,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    clock: FakeClock,
) -> None:
    window = unlock(controller, vault, case)
    clock.now += 4 * 60
    controller.idle.check()
    assert controller.vault is vault
    clock.now += 61
    controller.idle.check()
    assert_locked(controller, window, vault)


def test_activity_restarts_the_idle_clock(
    qtbot: QtBot, controller: AppController, vault: OpenVault, case: Case, clock: FakeClock
) -> None:
    window = unlock(controller, vault, case)
    clock.now += 4 * 60
    qtbot.keyClick(window, Qt.Key.Key_Down)
    clock.now += 4 * 60
    controller.idle.check()
    assert controller.vault is vault


def test_waking_from_sleep_past_the_limit_locks_without_any_event(
    controller: AppController,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    clock: FakeClock,
) -> None:
    window = unlock(controller, vault, case)
    clock.now += 3 * 60 * 60  # the lid was closed for three hours: no events, no timer ticks
    controller.idle.timer.timeout.emit()
    assert_locked(controller, window, vault)


def test_first_input_after_waking_locks_before_it_counts_as_use(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    clock: FakeClock,
) -> None:
    window = unlock(controller, vault, case)
    clock.now += 3 * 60 * 60  # asleep for three hours; the 15-second timer has not ticked yet
    qtbot.keyClick(window.ui.table, Qt.Key.Key_Down)  # the key that wakes the laptop
    assert_locked(controller, window, vault)
    controller.idle.check()  # the timer's next tick finds nothing more to do
    assert controller.vault is None


def test_input_that_locks_never_reaches_the_window(
    qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = QLineEdit()
    qtbot.addWidget(box)
    box.show()
    lock = IdleLock(5, clock=clock)
    box.installEventFilter(lock)
    fired: list[bool] = []
    lock.idle.connect(lambda: fired.append(True))
    lock.start()
    qtbot.keyClicks(box, "ab")
    clock.now += 5 * 60 + 1
    qtbot.keyClicks(box, "c")
    assert fired == [True]
    assert box.text() == "ab"


def test_lock_button_signal_locks_at_once(
    controller: AppController, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    window = unlock(controller, vault, case)
    window.lock_requested.emit()
    assert_locked(controller, window, vault)


def test_ctrl_l_locks_even_from_inside_the_editor(
    qtbot: QtBot, controller: AppController, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    window = unlock(controller, vault, case)
    editor = EntryEditorDialog(window, vault, case.id)
    editor.show()
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert_locked(controller, window, vault)


def test_idle_lock_timer_checks_every_fifteen_seconds(clock: FakeClock) -> None:
    lock = IdleLock(5, clock=clock)
    assert lock.timer.interval() == 15_000
    fired: list[bool] = []
    lock.idle.connect(lambda: fired.append(True))
    lock.check()
    assert fired == []  # not started: a locked app does not lock again
    lock.start()
    clock.now += 5 * 60
    lock.check()
    lock.check()
    assert fired == [True]
    assert not lock.active


def test_chosen_idle_time_is_used_and_remembered(
    controller: AppController,
    vault: OpenVault,
    case: Case,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(autolock.IdleMinutesQuestion, "ask", classmethod(lambda *_a: 2))
    window = unlock(controller, vault, case)
    names = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert "Lock when idle…" in names
    controller.choose_idle_minutes()
    assert load_settings(controller.settings_path).idle_lock_minutes == 2
    clock.now += 2 * 60 + 1
    controller.idle.check()
    assert controller.vault is None
