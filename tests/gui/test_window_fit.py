# mypy: disable-error-code="no-untyped-call"
"""Windows open within the screen's free area, remember their size, and stay readable.

A fake small screen (1024x700 and 1366x768 less a 40-pixel taskbar) stands in for a key
worker's laptop; screenshots of the main window are saved under tmp_path for a person to look
at (tools/screenshots.py writes the same views into docs/screenshots).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.settings import load_settings
from fftimeline.ui import window_fit
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.models.chronology_model import Column
from fftimeline.ui.window_fit import ScreenFit, fitted
from tests.factories import passphrase
from tests.gui.conftest import add_varied_entries

TASKBAR = 40


def screen(width: int, height: int) -> QRect:
    return QRect(0, 0, width, height - TASKBAR)


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QRect]]:
    """A fake screen whose size the test sets; ScreenFit installed on the app meanwhile."""
    free = [screen(1366, 768)]
    monkeypatch.setattr(window_fit, "available_geometry", lambda _widget: free[0])
    app = QApplication.instance()
    assert app is not None
    fit = ScreenFit()
    app.installEventFilter(fit)
    yield free
    app.removeEventFilter(fit)


def inside(widget: QWidget, free: QRect) -> bool:
    return free.contains(widget.frameGeometry())


def test_fitted_keeps_the_whole_frame_on_the_screen() -> None:
    free = QRect(0, 0, 1366, 728)
    place = fitted(QSize(1280, 800), QPoint(200, 100), QSize(0, 32), free)
    assert place.height() == 728 - 32
    assert place.width() == 1280
    assert place.left() == 86 and place.top() == 0
    tiny = fitted(QSize(920, 760), QPoint(-50, -50), QSize(8, 32), QRect(0, 0, 800, 560))
    assert tiny == QRect(0, 0, 792, 528)


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1366, 768)])
def test_main_window_fits_a_small_laptop_screen(
    qtbot: QtBot,
    tmp_path: Path,
    vault: OpenVault,
    case: Case,
    small_screen: list[QRect],
    width: int,
    height: int,
) -> None:
    small_screen[0] = screen(width, height)
    add_varied_entries(vault, case.id)
    controller = AppController(tmp_path / "settings.json", tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(controller.start_window)
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    qtbot.waitExposed(window)
    window.grab().save(str(tmp_path / f"main-window-{width}x{height}.png"))
    assert inside(window, small_screen[0]), window.geometry()
    assert window.statusBar().geometry().bottom() <= window.height()
    table = window.ui.table
    char = table.fontMetrics().averageCharWidth()
    wanted = 20 if width < 1280 else 40  # the bounds of test_main_window_layout at 1024 and 1280
    assert table.columnWidth(Column.SUMMARY) >= wanted * char, "What happened has no room"
    controller.lock()
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(controller.idle)


def test_the_main_window_remembers_its_size_between_unlocks(
    qtbot: QtBot, tmp_path: Path, vault: OpenVault, case: Case, small_screen: list[QRect]
) -> None:
    settings = tmp_path / "settings.json"
    controller = AppController(settings, tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(controller.start_window)
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    window.resize(700, 500)  # under the offscreen screen's 800x600
    controller.lock()
    assert load_settings(settings).main_window_geometry
    again = AppController(settings, tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(again.start_window)
    reopened = open_vault(vault.path, passphrase(), actor="Sam Key")
    again.on_unlocked(reopened)
    assert again.main_window is not None
    assert again.main_window.size() == QSize(700, 500)
    again.lock()
    app = QApplication.instance()
    assert app is not None
    for c in (controller, again):
        app.removeEventFilter(c.idle)


def test_the_entry_editor_keeps_save_visible_on_a_1366x768_screen(
    qtbot: QtBot, vault: OpenVault, case: Case, small_screen: list[QRect]
) -> None:
    editor = EntryEditorDialog(None, vault, case.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert inside(editor, small_screen[0]), editor.geometry()
    save = editor.save_button
    corner = save.mapTo(editor, save.rect().bottomRight())
    assert editor.rect().contains(corner), "Save is below the bottom of the editor"
    editor.wipe()
    editor.close()
