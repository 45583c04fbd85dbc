# mypy: disable-error-code="no-untyped-call"
"""A safety plan agreed, found overdue in the case list, then reviewed (main window walk)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry
from fftimeline.domain.safety_plans import Working
from fftimeline.services.vault import OpenVault
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.models.case_list_model import CASE_ID_ROLE, case_facts, needs_attention
from fftimeline.ui.safety_plans.plan_dialog import SafetyPlanDialog
from fftimeline.ui.safety_plans.plan_view import SafetyPlanView
from fftimeline.ui.widgets.form_tables import RowsTable


def _modal(kind: type[QWidget]) -> QWidget:
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind), type(widget)
    return widget


def _set(table: RowsTable, row: int, column: int, text: str) -> None:
    item = table.table.item(row, column)
    assert item is not None
    item.setText(text)


def _in_view(then: Callable[[SafetyPlanView], None]) -> None:
    """Once the plan window is open: do ``then`` in it, and close it."""

    def act() -> None:
        view = _modal(SafetyPlanView)
        assert isinstance(view, SafetyPlanView)
        then(view)
        view.reject()

    QTimer.singleShot(0, act)


def _agree(qtbot: QtBot) -> Callable[[SafetyPlanView], None]:
    def fill() -> None:
        form = _modal(SafetyPlanDialog)
        assert isinstance(form, SafetyPlanDialog)
        assert not form.save_button.isEnabled()
        form.measures.add_row(["Jayden home by 9pm on school nights", "Jayden and Grace", ""])
        form.measures.add_row(["School checks in each morning", "Rita Hughes", ""])
        qtbot.keyClicks(form.agreed_with, "Grace, Jayden and Sam Key")
        form.agreed_on.line.setText("1/3/25")
        qtbot.keyClicks(form.review_on.line, "1/4/25")
        assert form.save_button.isEnabled(), form.problem.text()
        form.save_button.click()

    def agree(view: SafetyPlanView) -> None:
        assert view.agree.isVisible() and not view.review.isVisible()
        QTimer.singleShot(0, fill)
        view.agree.click()
        assert view.versions.count() == 1
        assert "⚠ Review overdue: it was due on 1 April 2025" in view.pane.toPlainText()

    return agree


def _review(qtbot: QtBot) -> Callable[[SafetyPlanView], None]:
    soon = today() + dt.timedelta(days=28)

    def fill() -> None:
        form = _modal(SafetyPlanDialog)
        assert isinstance(form, SafetyPlanDialog)
        assert [r[0] for r in form.review.rows()] == [
            "Jayden home by 9pm on school nights",
            "School checks in each morning",
        ]
        _set(form.review, 0, 1, "Not working")
        _set(form.review, 0, 2, "Late three times")
        assert form.problem.text().startswith("A measure is not working: say what changes")
        qtbot.keyClicks(form.changes, "Home by 8pm; Grace texts Sam if he is late")
        qtbot.keyClicks(form.family_view, "Grace thinks 8pm will work.")
        qtbot.keyClicks(form.child_view, "Jayden says 8pm is too early on Fridays.")
        _set(form.measures, 0, 0, "Jayden home by 8pm on school nights")
        form.review_on.line.clear()
        qtbot.keyClicks(form.review_on.line, f"{soon.day}/{soon.month}/{soon.year}")
        assert form.save_button.isEnabled(), form.problem.text()
        form.save_button.click()

    def review(view: SafetyPlanView) -> None:
        QTimer.singleShot(0, fill)
        view.review.click()
        assert view.versions.count() == 2
        shown = view.pane.toPlainText()
        assert "Jayden home by 9pm on school nights: Not working (Late three times)" in shown
        assert "Jayden says 8pm is too early on Fridays." in shown
        assert "Review overdue" not in shown
        view.versions.setCurrentRow(1)
        assert "Jayden home by 9pm on school nights" in view.pane.toPlainText()

    return review


def test_a_plan_agreed_goes_overdue_in_the_case_list_and_a_review_keeps_both_versions(
    qtbot: QtBot, window: MainWindow, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    _in_view(_agree(qtbot))
    window.commands.safety_plan.trigger()
    row = window.ui.case_model.index(0)
    facts = str(row.data())
    assert "⚠ Safety plan review overdue (due 1 April 2025)" in facts
    assert needs_attention(window.ui.case_model.summary_at(0))
    assert row.data(CASE_ID_ROLE) == case.id

    _in_view(_review(qtbot))
    window.ui.case_panel.safety_plan_button.click()
    [first, second] = vault.safety_plans.versions(case.id)
    assert second.review is not None
    assert [m.working for m in second.review.measures] == [Working.NO, Working.YES]
    assert second.review.child_view == "Jayden says 8pm is too early on Fridays."
    assert first.measures[0].what == "Jayden home by 9pm on school nights"
    soon = today() + dt.timedelta(days=28)
    facts = case_facts(window.ui.case_model.summary_at(0))
    assert f"Safety plan review {soon.day} {soon.strftime('%B')} {soon.year}" in facts
    assert "overdue" not in facts.split("Safety plan")[1]
