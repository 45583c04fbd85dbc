# mypy: disable-error-code="no-untyped-call"
"""The whole unlock → work → lock → unlock cycle, with unsaved typing kept as a draft."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.domain.records import DisclosureDraft
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs import entry_editor
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.widgets.editor_state import FormState
from tests.gui.conftest import unlock_again, vault_bytes

CANARY = "Canary draft Zq9 about Friday night"


def type_summary(editor: EntryEditorDialog, text: str) -> None:
    summary = editor.form.fields.widgets["summary"]
    assert isinstance(summary, QLineEdit)
    summary.setText(text)


def test_unsaved_editor_survives_a_lock_encrypted_and_is_offered_after_unlock(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = vault.path
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    editor = EntryEditorDialog(window, vault, case.id)
    editor.show()
    type_summary(editor, CANARY)

    controller.lock()
    assert not editor.isVisible()
    assert CANARY.encode() not in vault_bytes(path)

    reopened: list[FormState] = []
    monkeypatch.setattr(entry_editor.CarryOnQuestion, "ask", classmethod(lambda *_a: True))

    def capture(_cls: object, dialog: EntryEditorDialog) -> Entry | None:
        reopened.append(dialog.form.state())
        dialog._closing = True
        dialog.reject()
        dialog.deleteLater()
        return None

    monkeypatch.setattr(EntryEditorDialog, "_run", classmethod(capture))
    unlock_again(qtbot, controller)
    qtbot.waitUntil(lambda: bool(reopened))
    assert reopened[0]["summary"] == CANARY


def test_declining_the_draft_discards_it(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller.on_unlocked(vault)
    editor = EntryEditorDialog(controller.main_window, vault, case.id)
    editor.show()
    type_summary(editor, CANARY)
    controller.lock()

    asked: list[bool] = []

    def decline(*_a: object) -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(entry_editor.CarryOnQuestion, "ask", classmethod(decline))
    unlock_again(qtbot, controller)
    qtbot.waitUntil(lambda: bool(asked))
    assert controller.vault is not None
    assert controller.vault.drafts.load(entry_editor.DRAFT_KEY) is None


def test_lock_while_the_modal_editor_is_open_keeps_the_typing(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entry_editor.CarryOnQuestion, "ask", classmethod(lambda *_a: False))
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None

    def type_then_lock() -> None:
        editor = EntryEditorDialog._open[-1]
        type_summary(editor, CANARY)
        controller.lock()

    QTimer.singleShot(50, type_then_lock)
    result = EntryEditorDialog.ask(window, vault, case.id)
    assert result is None
    assert EntryEditorDialog._open == []
    unlock_again(qtbot, controller)
    assert controller.vault is not None
    payload = controller.vault.drafts.load(entry_editor.DRAFT_KEY)
    assert payload is not None
    assert json.loads(payload)[0]["state"]["summary"] == CANARY


def test_settings_remember_the_vault_path_and_nothing_about_cases(
    controller: AppController, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    controller.on_unlocked(vault)
    text = controller.settings_path.read_text(encoding="utf-8")
    assert json.loads(text)["last_vault_path"] == str(vault.path)
    assert "Jayden" not in text and "Okafor" not in text


def test_window_title_is_the_file_name_never_a_child(
    controller: AppController, vault: OpenVault, case: Case
) -> None:
    controller.on_unlocked(vault)
    assert controller.main_window is not None
    assert controller.main_window.windowTitle() == "work-chronologies.fft"


def test_lock_closes_every_dialog_that_shows_case_details(
    qtbot: QtBot, controller: AppController, vault: OpenVault, case: Case
) -> None:
    from fftimeline.ui.dialogs.case_dialog import CaseDialog

    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    seen: list[bool] = []

    def lock_while_open() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDialog))
        seen.append(dialog.isVisible() and dialog.child_name.text() == case.child_name)
        controller.lock()
        seen.append(dialog.isVisible())
        dialog.reject()  # so a regression fails the assertion below instead of hanging

    QTimer.singleShot(50, lock_while_open)
    assert CaseDialog.ask(window, vault, case) is None
    assert seen == [True, False]
    assert controller.vault is None


def test_after_unlock_the_app_says_what_an_interrupted_export_left(
    qtbot: QtBot, controller: AppController, vault: OpenVault, case: Case, tmp_path: Path
) -> None:
    controller.on_unlocked(vault)
    out = tmp_path / "exports"
    out.mkdir()
    (out / "police.xlsx").write_bytes(b"a finished export")
    draft = DisclosureDraft(audience="police", recipients="DC Price", purpose="Investigation")
    sha = hashlib.sha256(b"a finished export").hexdigest()
    part = ".fft-0000000000000abc.part"
    vault.disclosures.begin(
        case.id, draft, entry_ids=[], out=out / "police.xlsx", part_name=part, sha256=sha,
        protected=False,
    )  # fmt: skip
    controller.lock()  # as if the app had stopped just after the file was put in place
    told: list[str] = []

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        if not boxes:
            QTimer.singleShot(50, read_and_close)
            return
        told.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(50, read_and_close)
    again = unlock_again(qtbot, controller)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told[0].startswith("An export of ")
    assert told[0].endswith(
        "was interrupted; the file was written; it is now recorded in What was shared."
    )
    assert [d.recipients for d in again.disclosures.disclosures(case.id)] == ["DC Price"]
