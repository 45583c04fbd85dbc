# mypy: disable-error-code="no-untyped-call"
"""Copying an entry: marked sensitive, cleared after 30 seconds and when the app locks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QTextCursor
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.services.vault import OpenVault
from fftimeline.ui.clipboard import CLEAR_AFTER_MS, SENSITIVE_FORMATS
from fftimeline.ui.main_window import MainWindow
from tests.gui.conftest import WITHHELD_NAME


def clipboard() -> QClipboard:
    return QGuiApplication.clipboard()


def select_row(window: MainWindow, summary: str) -> None:
    for row in range(window.ui.proxy.rowCount()):
        if window.ui.proxy.entry_at(row).summary == summary:
            window.ui.table.setCurrentIndex(window.ui.proxy.index(row, 0))
            return
    raise AssertionError(summary)


@pytest.fixture(autouse=True)
def empty_clipboard() -> Iterator[None]:
    clipboard().clear()
    yield
    clipboard().clear()


def test_ctrl_c_on_the_table_copies_the_entry_marked_sensitive(
    qtbot: QtBot, window: MainWindow, entries: list[Entry]
) -> None:
    select_row(window, "Car seen at the flat most nights")
    window.ui.table.setFocus()
    qtbot.keyClick(window.ui.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = clipboard().text()
    assert "Car seen at the flat most nights" in text
    assert text == window.ui.detail.toPlainText()
    assert WITHHELD_NAME not in text  # the pane never shows a withheld source, nor does the copy
    data = clipboard().mimeData()
    for name, value in SENSITIVE_FORMATS.items():
        assert data.data(name).data() == value, name
    assert "cleared in 30 seconds" in window.statusBar().currentMessage()


def test_copied_entry_is_cleared_after_thirty_seconds(
    qtbot: QtBot, window: MainWindow, entries: list[Entry]
) -> None:
    select_row(window, "Car seen at the flat most nights")
    window.commands.copy_entry.trigger()
    assert clipboard().text() != ""
    assert window.clipboard.timer.interval() == CLEAR_AFTER_MS == 30_000
    assert window.clipboard.timer.isActive()
    window.clipboard.timer.timeout.emit()  # thirty seconds later
    assert clipboard().text() == ""


def test_something_copied_since_is_left_alone(
    qtbot: QtBot, window: MainWindow, entries: list[Entry]
) -> None:
    select_row(window, "Car seen at the flat most nights")
    window.commands.copy_entry.trigger()
    clipboard().setText("the user's own note")
    window.clipboard.timer.timeout.emit()
    assert clipboard().text() == "the user's own note"


def test_hidden_names_stay_hidden_in_the_copy(
    qtbot: QtBot, window: MainWindow, entries: list[Entry]
) -> None:
    window.set_hide_names(True)
    select_row(window, "Seen getting into a car outside school")
    window.commands.copy_entry.trigger()
    assert "Jayden" not in clipboard().text()


def test_words_copied_from_the_detail_pane_are_marked_and_cleared(
    qtbot: QtBot, window: MainWindow, entries: list[Entry]
) -> None:
    select_row(window, "Car seen at the flat most nights")
    pane = window.ui.detail
    cursor = pane.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert "Car seen at the flat" in clipboard().text()
    assert clipboard().mimeData().data("x-kde-passwordManagerHint").data() == b"secret"
    window.clear_case_data()  # what locking does
    assert clipboard().text() == ""


def test_locking_clears_the_clipboard(
    controller: AppController, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    window.select_case(case.id)
    select_row(window, "Car seen at the flat most nights")
    window.commands.copy_entry.trigger()
    assert "Car seen" in clipboard().text()
    controller.lock()
    assert clipboard().text() == ""
