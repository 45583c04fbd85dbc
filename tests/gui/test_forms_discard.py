# mypy: disable-error-code="no-untyped-call"
"""Esc, Cancel and the close button in the case, task and register dialogs keep typing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs.case_dialog import CaseDialog
from fftimeline.ui.dialogs.register_dialog import RegisterDialog
from fftimeline.ui.dialogs.task_dialog import TaskDialog
from fftimeline.ui.widgets import form_dialog, form_helpers
from fftimeline.ui.widgets.form_helpers import GuardedDialog

CANCEL = QDialogButtonBox.StandardButton.Cancel


def shown(qtbot: QtBot, dialog: GuardedDialog) -> GuardedDialog:
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def dialogs(vault: OpenVault, case: Case) -> dict[str, Callable[[], GuardedDialog]]:
    return {
        "case": lambda: CaseDialog(vault, case),
        "task": lambda: TaskDialog(vault, case.id, None, frozenset()),
        "register": lambda: RegisterDialog(vault, case.id),
    }


def first_line(dialog: GuardedDialog):
    if isinstance(dialog, CaseDialog):
        return dialog.known_as
    if isinstance(dialog, TaskDialog):
        return dialog.what
    assert isinstance(dialog, RegisterDialog)
    return dialog.name


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record each "Discard your changes?" and answer "Carry on editing"."""
    answers: list[bool] = []

    def carry_on(_parent: object) -> bool:
        answers.append(False)
        return False

    monkeypatch.setattr(form_helpers, "ask_discard_changes", carry_on)
    monkeypatch.setattr(form_dialog, "ask_discard_changes", carry_on)
    return answers


@pytest.mark.parametrize("which", ["case", "task", "register"])
def test_esc_on_an_untouched_form_just_closes(
    qtbot: QtBot, vault: OpenVault, case: Case, asked: list[bool], which: str
) -> None:
    dialog = shown(qtbot, dialogs(vault, case)[which]())
    qtbot.keyClick(first_line(dialog), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert asked == []


@pytest.mark.parametrize("which", ["case", "task", "register"])
def test_esc_with_typing_asks_and_carry_on_keeps_it(
    qtbot: QtBot, vault: OpenVault, case: Case, asked: list[bool], which: str
) -> None:
    dialog = shown(qtbot, dialogs(vault, case)[which]())
    line = first_line(dialog)
    qtbot.keyClicks(line, "typed with care")
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert asked == [False]
    assert dialog.isVisible()
    assert line.text().endswith("typed with care")
    dialog.close()
    assert asked == [False, False] and dialog.isVisible()


@pytest.mark.parametrize("which", ["case", "task"])
def test_cancel_with_typing_asks_too(
    qtbot: QtBot, vault: OpenVault, case: Case, asked: list[bool], which: str
) -> None:
    dialog = shown(qtbot, dialogs(vault, case)[which]())
    qtbot.keyClicks(first_line(dialog), "x")
    buttons = getattr(dialog, "buttons")  # noqa: B009 - both dialogs have one
    buttons.button(CANCEL).click()
    assert asked == [False] and dialog.isVisible()


def test_register_close_button_asks_when_the_item_was_changed(
    qtbot: QtBot, vault: OpenVault, case: Case, asked: list[bool]
) -> None:
    dialog = shown(qtbot, RegisterDialog(vault, case.id))
    assert isinstance(dialog, RegisterDialog)
    qtbot.keyClicks(dialog.name, "Dean Smith")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert asked == [False] and dialog.isVisible()


def test_register_after_saving_an_item_closes_without_asking(
    qtbot: QtBot, vault: OpenVault, case: Case, asked: list[bool]
) -> None:
    dialog = shown(qtbot, RegisterDialog(vault, case.id))
    assert isinstance(dialog, RegisterDialog)
    qtbot.keyClicks(dialog.name, "VX19 ABC")
    dialog.save_button.click()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()


def test_locking_closes_a_changed_form_without_a_question(
    qtbot: QtBot, vault: OpenVault, case: Case, asked: list[bool]
) -> None:
    dialog = shown(qtbot, CaseDialog(vault, case))
    qtbot.keyClicks(first_line(dialog), "x")
    dialog.reject()  # what locking does to every open dialog
    assert asked == [] and not dialog.isVisible()


def answer_next_box(qtbot: QtBot, button_text: str = "") -> list[str]:
    """Answer the next message box with Esc (or the named button); record what it said."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        if button_text:
            next(b for b in box.buttons() if b.text() == button_text).click()
        else:
            qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    return seen


def test_the_question_is_plain_and_esc_means_carry_on(qtbot: QtBot) -> None:
    seen = answer_next_box(qtbot)
    assert form_helpers.ask_discard_changes(None) is False
    assert seen[0] == "Discard your changes?"
    assert set(seen[1:]) == {"Discard", "Carry on editing"}


def test_choosing_discard_discards(qtbot: QtBot) -> None:
    answer_next_box(qtbot, "Discard")
    assert form_helpers.ask_discard_changes(None) is True
