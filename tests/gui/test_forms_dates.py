# mypy: disable-error-code="no-untyped-call"
"""Optional date boxes (due date, date of birth, filters, export): typed into, Tab moves on."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialogButtonBox
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs.case_dialog import CaseDialog
from fftimeline.ui.dialogs.task_dialog import TaskDialog
from fftimeline.ui.widgets import form_helpers
from fftimeline.ui.widgets.filter_panel import FilterPanel
from fftimeline.ui.widgets.form_helpers import (
    NO_DATE,
    OptionalDateEdit,
    chosen_date,
    optional_date_edit,
    show_date,
)

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture(autouse=True)
def _no_question_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes leftover dialogs at teardown; never block on "Discard your changes?"."""
    monkeypatch.setattr(form_helpers, "ask_discard_changes", lambda _parent: True)


def shown_task_dialog(qtbot: QtBot, vault: OpenVault, case: Case) -> TaskDialog:
    dialog = TaskDialog(vault, case.id, None, frozenset())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_an_empty_date_box_means_no_date_and_says_so(qtbot: QtBot) -> None:
    edit = optional_date_edit("Due date", "No date")
    qtbot.addWidget(edit)
    assert isinstance(edit, OptionalDateEdit)
    assert chosen_date(edit) is None
    assert edit.date() == NO_DATE
    assert edit.line.placeholderText() == "e.g. 12/3/25"
    assert edit.readback.text() == "No date"
    assert edit.line.accessibleName() == "Due date"


def test_typing_a_date_is_understood_and_read_back(qtbot: QtBot) -> None:
    edit = optional_date_edit("Date of birth", "Not known")
    qtbot.addWidget(edit)
    seen: list[QDate] = []
    edit.dateChanged.connect(seen.append)
    qtbot.keyClicks(edit.line, "12/3/09")
    assert chosen_date(edit) == dt.date(2009, 3, 12)
    assert seen[-1] == QDate(2009, 3, 12)
    assert edit.readback.text() == "understood as: 12 March 2009"
    edit.line.clear()
    assert chosen_date(edit) is None


def test_unreadable_text_is_no_date_and_explained(qtbot: QtBot) -> None:
    edit = optional_date_edit("From", "Any")
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit.line, "31/13/25")
    assert chosen_date(edit) is None
    assert edit.readback.text() == "Can't read this date. Try 12/3/25."
    assert "can't read '31/13/25'" in edit.problem()


def test_show_date_and_set_date_put_a_day_in_the_box(qtbot: QtBot) -> None:
    edit = optional_date_edit("Due date", "No date")
    qtbot.addWidget(edit)
    show_date(edit, dt.date(2025, 7, 5))
    assert edit.text() == "5 Jul 2025"
    assert chosen_date(edit) == dt.date(2025, 7, 5)
    edit.setDate(NO_DATE)
    assert edit.text() == "" and chosen_date(edit) is None


def test_tab_moves_from_the_due_date_to_the_next_field(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = shown_task_dialog(qtbot, vault, case)
    dialog.due.setFocus()
    qtbot.waitUntil(lambda: dialog.due.line.hasFocus())
    qtbot.keyClicks(dialog.due.line, "5/8/26")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.status
    assert chosen_date(dialog.due) == dt.date(2026, 8, 5)


def test_a_due_date_without_a_year_is_the_next_one(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = shown_task_dialog(qtbot, vault, case)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    qtbot.keyClicks(dialog.due.line, f"{yesterday.day}/{yesterday.month}")
    day = chosen_date(dialog.due)
    assert day is not None and day > dt.date.today()


def test_an_unreadable_due_date_stops_saving(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = shown_task_dialog(qtbot, vault, case)
    qtbot.keyClicks(dialog.what, "Return home interview")
    qtbot.keyClicks(dialog.owner, "R. Hughes")
    assert dialog.buttons.button(SAVE).isEnabled()
    qtbot.keyClicks(dialog.due.line, "next week sometime")
    assert not dialog.buttons.button(SAVE).isEnabled()
    assert dialog.problem.text().startswith("Due date: I can't read")


def test_the_calendar_opens_at_today_not_1900(qtbot: QtBot) -> None:
    edit = optional_date_edit("Date of birth", "Not known")
    qtbot.addWidget(edit)
    edit.show()
    assert edit.findChild(QCalendarWidget) is None  # no calendar until asked for
    edit.open_calendar()
    assert edit.calendar is not None and edit.calendar_menu is not None
    assert edit.calendar.selectedDate() == QDate.currentDate()
    menu = edit.calendar_menu
    edit.calendar.clicked.emit(QDate(2011, 2, 3))
    assert chosen_date(edit) == dt.date(2011, 2, 3)
    assert not menu.isVisible()
    assert edit.calendar_menu is None


def test_case_date_of_birth_is_typed(qtbot: QtBot, vault: OpenVault) -> None:
    dialog = CaseDialog(vault, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.child_name, "Mia Roberts")
    qtbot.keyClicks(dialog.date_of_birth.line, "3 Feb 2011")
    dialog.buttons.button(SAVE).click()
    assert dialog.saved is not None and dialog.saved.date_of_birth == dt.date(2011, 2, 3)


def test_filter_dates_are_typed_and_clear_filters_empties_them(qtbot: QtBot) -> None:
    panel = FilterPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClicks(panel.date_from.line, "1/6/25")
    assert panel.current().date_from == dt.date(2025, 6, 1)
    panel.reset()
    assert panel.date_from.text() == "" and panel.current().date_from is None
