# mypy: disable-error-code="no-untyped-call"
"""Locking keeps typing in the case, task, register and export dialogs as encrypted drafts."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs.case_dialog import CaseDialog
from fftimeline.ui.dialogs.export_dialog import ExportDialog
from fftimeline.ui.dialogs.register_dialog import RegisterDialog
from fftimeline.ui.dialogs.task_dialog import TaskDialog
from fftimeline.ui.widgets import editor_drafts
from fftimeline.ui.widgets.form_drafts import FORM_DRAFT_KEY
from fftimeline.ui.widgets.form_helpers import GuardedDialog
from tests.factories import make_person, make_task
from tests.gui.conftest import unlock_again, vault_bytes

CANARY = "Kdraftcanary Zq7 typed before the lock"
PASSWORD = "a file password 123"


def field(dialog: QDialog) -> QLineEdit | QPlainTextEdit:
    """The field each test types into."""
    if isinstance(dialog, CaseDialog):
        return dialog.known_as
    if isinstance(dialog, TaskDialog):
        return dialog.outcome
    if isinstance(dialog, RegisterDialog):
        return dialog.notes
    assert isinstance(dialog, ExportDialog)
    return dialog.recipients


def text_of(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


def put(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(edit, QLineEdit):
        edit.setText(text)
    else:
        edit.setPlainText(text)


Opener = Callable[[OpenVault, Case, QWidget], GuardedDialog]


def _task(vault: OpenVault, case: Case, parent: QWidget) -> GuardedDialog:
    task = vault.tasks.add(case.id, make_task())
    return TaskDialog(vault, case.id, task, frozenset(), parent)


def _register(vault: OpenVault, case: Case, parent: QWidget) -> GuardedDialog:
    vault.links.save(case.id, make_person(name="Someone Else", third_party=False))
    person = vault.links.save(case.id, make_person())
    dialog = RegisterDialog(vault, case.id, parent)
    dialog.table.setCurrentCell([i.id for i in dialog.items].index(person.id), 0)
    return dialog


OPENERS: dict[str, Opener] = {
    "case": lambda v, c, p: CaseDialog(v, c, p),
    "task": _task,
    "register": _register,
    "export": lambda v, c, p: ExportDialog(v, c.id, p),
}


def when_shown(kind: type[GuardedDialog], act: Callable[[GuardedDialog], None]) -> None:
    """Once a dialog of ``kind`` is open (in its own event loop), do ``act`` with it."""

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown:
            act(shown[0])
        else:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


def open_and_type(
    controller: AppController, vault: OpenVault, case: Case, which: str
) -> GuardedDialog:
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    QApplication.processEvents()  # the offer of drafts after unlock: none yet
    dialog = OPENERS[which](vault, case, window)
    dialog.show()
    put(field(dialog), CANARY)
    return dialog


@pytest.mark.parametrize("which", list(OPENERS))
def test_lock_keeps_form_typing_encrypted_and_offers_it_back(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    which: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = vault.path
    dialog = open_and_type(controller, vault, case, which)
    before_lock = type(dialog)
    controller.lock()
    assert not dialog.isVisible()
    assert text_of(field(dialog)) == ""  # nothing typed stays in memory behind the lock
    assert CANARY.encode() not in vault_bytes(path)

    asked: list[str] = []

    def carry_on(_cls: object, _parent: object, _count: int = 1, text: str = "") -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(editor_drafts.CarryOnQuestion, "ask", classmethod(carry_on))
    seen: list[tuple[type, str]] = []

    def look_then_close(shown: GuardedDialog) -> None:
        seen.append((type(shown), text_of(field(shown))))
        shown.reject()

    when_shown(GuardedDialog, look_then_close)
    again = unlock_again(qtbot, controller)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(before_lock, CANARY)]
    assert asked == ["You were filling in a form when fftimeline locked. Carry on with it?"]
    qtbot.waitUntil(lambda: again.drafts.load(FORM_DRAFT_KEY) is None)  # closed on purpose


def test_a_restored_form_saves_what_was_typed(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_type(controller, vault, case, "case")
    controller.lock()
    monkeypatch.setattr(editor_drafts.CarryOnQuestion, "ask", classmethod(lambda *_a, **_k: True))
    saved: list[bool] = []

    def save(shown: GuardedDialog) -> None:
        assert isinstance(shown, CaseDialog)
        shown.buttons.accepted.emit()
        saved.append(True)

    when_shown(CaseDialog, save)
    again = unlock_again(qtbot, controller)
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert again.cases.get(case.id).known_as == CANARY
    assert again.drafts.load(FORM_DRAFT_KEY) is None


def test_a_password_is_never_kept_in_a_draft(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_and_type(controller, vault, case, "export")
    assert isinstance(dialog, ExportDialog)
    dialog.protect.setChecked(True)
    dialog.password.setText(PASSWORD)
    dialog.password_again.setText(PASSWORD)
    path = vault.path
    controller.lock()
    assert dialog.password.text() == ""
    again = unlock_again_quietly(qtbot, controller, monkeypatch)
    payload = again.drafts.load(FORM_DRAFT_KEY) or ""
    assert CANARY in payload and PASSWORD not in payload
    assert PASSWORD.encode() not in vault_bytes(path)


def unlock_again_quietly(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> OpenVault:
    """Unlock and answer "Later" to the carry-on question."""
    monkeypatch.setattr(editor_drafts.CarryOnQuestion, "ask", classmethod(lambda *_a, **_k: None))
    vault = unlock_again(qtbot, controller)
    qtbot.wait(200)
    return vault


def test_later_keeps_the_draft_and_discard_removes_it(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_type(controller, vault, case, "task")
    controller.lock()
    again = unlock_again_quietly(qtbot, controller, monkeypatch)
    [record] = json.loads(again.drafts.load(FORM_DRAFT_KEY) or "[]")
    assert record["kind"] == "task" and record["case_id"] == case.id
    controller.lock()
    monkeypatch.setattr(editor_drafts.CarryOnQuestion, "ask", classmethod(lambda *_a, **_k: False))
    third = unlock_again(qtbot, controller)
    qtbot.waitUntil(lambda: third.drafts.load(FORM_DRAFT_KEY) is None)


def test_an_untouched_form_leaves_no_draft(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    CaseDialog(vault, case, window).show()
    controller.lock()
    again = unlock_again_quietly(qtbot, controller, monkeypatch)
    assert again.drafts.load(FORM_DRAFT_KEY) is None
