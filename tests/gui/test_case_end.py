# mypy: disable-error-code="no-untyped-call"
"""Closing a case from the app: read-only, listed apart; purging it once its date has come."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.closing import ClosureDraft, suggested_retention
from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs.close_case_dialog import CloseCaseDialog
from fftimeline.ui.dialogs.purge_case_dialog import PurgeCaseDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.widgets.form_helpers import chosen_date
from tests.factories import make_case


def test_close_form_suggests_a_date_and_needs_a_reason(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = CloseCaseDialog(vault, case.id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    dialog.show()
    assert chosen_date(dialog.keep_until) == suggested_retention(case.date_of_birth, today())
    assert not dialog.close_button.isEnabled()
    assert dialog.problem.text() == "Fill in “Why it is closed”."
    dialog.reason.setPlainText("Moved to another area; case transferred")
    assert dialog.close_button.isEnabled()
    dialog.close_button.click()
    closure = vault.closing.closure(case.id)
    assert closure is not None and closure.reason.startswith("Moved to another area")


def test_a_closed_case_is_read_only_and_listed_after_the_open_ones(
    qtbot: QtBot, window: MainWindow, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    later = vault.cases.add(make_case(child_name="Mia Reid"))
    vault.closing.close(
        case.id, ClosureDraft(reason="Moved", retain_until=today() + dt.timedelta(days=30))
    )
    window.refresh_cases()
    model = window.ui.case_model
    assert [model.summary_at(r).case.id for r in range(model.rowCount())] == [later.id, case.id]
    shown = model.data(model.index(1), Qt.ItemDataRole.DisplayRole)
    assert "Closed " in shown and ", kept until " in shown
    window.select_case(case.id)
    window.ui.table.setCurrentIndex(window.ui.proxy.index(0, 0))
    a = window.commands
    assert a.export.isEnabled() and a.history.isEnabled() and a.copy_entry.isEnabled()
    for action in (a.new_entry, a.open_entry, a.retract, a.edit_case, a.register, a.new_task):
        assert not action.isEnabled(), action.text()
    assert not a.close_case.isEnabled() and not a.hand_over.isEnabled()
    assert not a.purge_case.isEnabled()  # kept for another 30 days
    window.select_case(later.id)
    assert a.new_entry.isEnabled() and a.close_case.isEnabled() and not a.purge_case.isEnabled()


def test_purge_needs_a_tick_then_removes_the_case(
    qtbot: QtBot, window: MainWindow, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    vault.closing.close(case.id, ClosureDraft(reason="Moved", retain_until=today()))
    window.refresh_cases()
    window.select_case(case.id)
    assert window.commands.purge_case.isEnabled()
    [summary] = vault.cases.summaries()
    dialog = PurgeCaseDialog(vault, summary, "J. O.", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert f"its {len(entries)} entries" in dialog.findChildren(type(dialog.problem))[0].text()
    assert not dialog.purge.isEnabled()
    dialog.understood.setChecked(True)
    dialog.purge.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report is not None and dialog.report.counts["entries"] == len(entries)
    assert vault.cases.summaries() == []
    assert vault.check().ok
