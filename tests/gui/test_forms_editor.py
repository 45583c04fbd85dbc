# mypy: disable-error-code="no-untyped-call"
"""The entry editor: Enter never saves, one history dialog, plain words; drafts after unlock."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs import entry_editor
from fftimeline.ui.dialogs.entry_editor import DRAFT_KEY, EntryEditorDialog
from fftimeline.ui.dialogs.history_dialog import HistoryDialog
from fftimeline.ui.widgets import editor_history
from fftimeline.ui.widgets.date_edit import DateEdit
from fftimeline.ui.widgets.editor_drafts import CarryOnQuestion


@pytest.fixture(autouse=True)
def _no_question_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_editor.KeepDraftQuestion, "ask", classmethod(lambda *_a: "discard"))


def open_editor(
    qtbot: QtBot, vault: OpenVault, case: Case, entry: Entry | None = None
) -> EntryEditorDialog:
    dialog = EntryEditorDialog(None, vault, case.id, entry)
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_closing", True))
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def line(dialog: EntryEditorDialog, key: str) -> QLineEdit:
    widget = dialog.form.fields.widgets[key]
    target = widget.line if isinstance(widget, DateEdit) else widget
    assert isinstance(target, QLineEdit)
    return target


def fill_valid(qtbot: QtBot, dialog: EntryEditorDialog) -> None:
    qtbot.keyClicks(line(dialog, "date"), "12/3/25")
    qtbot.keyClicks(line(dialog, "summary"), "Seen near the station after school")
    qtbot.keyClicks(line(dialog, "source_name"), "Rita Hughes")
    nature = dialog.form.fields.widgets["nature"]  # "How do we know?" has no default
    nature.setCurrentIndex(nature.findData("reported"))  # type: ignore[attr-defined]
    assert dialog.save_button.isEnabled()


# 3. Enter moves on; Ctrl+S and Ctrl+Enter save ----------------------------------------
def test_no_button_in_the_editor_is_default(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    defaults = [
        b.text() for b in dialog.findChildren(QPushButton) if b.isDefault() or b.autoDefault()
    ]
    assert defaults == []


def test_enter_in_a_line_moves_to_the_next_field_and_does_not_save(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    fill_valid(qtbot, dialog)
    summary = line(dialog, "summary")
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None
    assert vault.entries.entries(case.id) == []
    focus = dialog.focusWidget()
    assert focus is not None and focus.accessibleName() == "Full account"


@pytest.mark.parametrize("keys", ["Ctrl+S", "Ctrl+Return"])
def test_ctrl_s_and_ctrl_enter_save(qtbot: QtBot, vault: OpenVault, case: Case, keys: str) -> None:
    dialog = open_editor(qtbot, vault, case)
    fill_valid(qtbot, dialog)
    summary = line(dialog, "summary")
    summary.setFocus()
    key = Qt.Key.Key_S if keys == "Ctrl+S" else Qt.Key.Key_Return
    qtbot.keyClick(summary, key, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None
    assert [e.summary for e in vault.entries.entries(case.id)] == [
        "Seen near the station after school"
    ]


def test_save_tooltip_shows_the_shortcuts(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    tip = dialog.save_button.toolTip()
    assert "Ctrl+S" in tip and "Ctrl+Return" in tip


# 12 and 14. One history dialog; "Withdraw" everywhere -----------------------------------
def test_editor_history_uses_the_main_history_dialog(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[int] = []
    monkeypatch.setattr(
        HistoryDialog, "ask", classmethod(lambda _cls, _parent, _vault, i: shown.append(i))
    )
    dialog = open_editor(qtbot, vault, case, entries[0])
    history = next(b for b in dialog.findChildren(QPushButton) if b.text() == "History…")
    history.click()
    assert shown == [entries[0].id]
    assert not hasattr(editor_history, "HistoryDialog")


def test_history_why_column_stretches_and_says_withdrawn(
    qtbot: QtBot, vault: OpenVault, entries: list[Entry]
) -> None:
    vault.entries.retract(entries[0].id, "Recorded on the wrong child's file by mistake")
    versions = vault.entries.history(entries[0].id)
    dialog = HistoryDialog(versions, {})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    assert rows[0][3] == "First recorded"
    assert rows[-1][3].startswith("Withdrawn: Recorded on the wrong child")
    header = dialog.table.horizontalHeader()
    assert header.sectionResizeMode(3) == header.ResizeMode.Stretch
    assert header.sectionSize(3) >= 150


def test_editor_says_withdraw_not_retract(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    titles: list[str] = []

    def cancel() -> None:  # the withdraw dialog is modal: note its title, then cancel it
        asked = QApplication.activeModalWidget()
        assert asked is not None
        titles.append(asked.windowTitle())
        asked.close()

    dialog = open_editor(qtbot, vault, case, entries[0])
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Withdraw…" in texts
    assert not any("Retract" in t for t in texts)
    QTimer.singleShot(0, cancel)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Withdraw…").click()
    assert titles == ["Reason for withdrawing"]


# 15. Plain joining of the status; the withheld source's message ---------------------------
def test_status_joins_the_problem_as_its_own_sentence(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    fill_valid(qtbot, dialog)
    nature = dialog.form.fields.widgets["nature"]
    nature.setCurrentIndex(nature.findData("professional-opinion"))  # type: ignore[attr-defined]
    assert dialog.status.text() == "Not ready to save. Say whose opinion this is."


def test_withheld_with_no_name_says_untick_not_clear(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    qtbot.keyClicks(line(dialog, "date"), "12/3/25")
    qtbot.keyClicks(line(dialog, "summary"), "Seen near the station")
    box = dialog.form.fields.widgets["source_withheld"]
    box.setChecked(True)  # type: ignore[attr-defined]
    message = dialog.form.fields.errors["source_name"].text()
    assert "untick 'Withhold'" in message
    assert "clear" not in message


# 7. After unlock: carry on, later (Esc; the draft stays) or discard (confirmed) ----------
def answer_boxes(qtbot: QtBot, *answers: str) -> list[str]:
    """Answer the coming message boxes in turn: a button's text, or "Esc"."""
    seen: list[str] = []
    remaining = list(answers)
    # The boxes answered so far, kept alive: a box deleted and forgotten could hand its id()
    # to the next box, which would then never be answered (the test hung on that).
    done: list[QMessageBox] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or any(box is b for b in done):
            QTimer.singleShot(10, answer)
            return
        done.append(box)
        seen.append(box.text())
        choice = remaining.pop(0)
        if remaining:
            QTimer.singleShot(10, answer)
        if choice == "Esc":
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.buttons() if b.text() == choice).click()

    QTimer.singleShot(0, answer)
    return seen


def keep_a_draft(vault: OpenVault, case: Case) -> None:
    record = {"id": "d1", "case_id": case.id, "entry_id": None, "state": {"summary": "Half"}}
    vault.drafts.save(DRAFT_KEY, json.dumps([record]))


def test_esc_on_the_draft_question_means_later_and_keeps_the_draft(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    keep_a_draft(vault, case)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer_boxes(qtbot, "Esc")
    EntryEditorDialog.offer_drafts(parent, vault)
    assert seen == ["You were writing an entry when fftimeline locked. Carry on with it?"]
    assert vault.drafts.load(DRAFT_KEY) is not None


def test_the_draft_question_offers_three_choices(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    buttons: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        buttons.extend(b.text() for b in box.buttons())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    assert CarryOnQuestion.ask(parent) is None
    assert sorted(buttons) == ["Carry on", "Discard…", "Later"]


def test_discard_is_confirmed_and_esc_there_goes_back(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    keep_a_draft(vault, case)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer_boxes(qtbot, "Discard…", "Esc", "Discard…", "Discard")
    EntryEditorDialog.offer_drafts(parent, vault)
    assert seen[1] == "Discard what you were writing? It cannot be got back."
    assert seen[2] == seen[0]  # Esc on the confirmation asked the first question again
    assert vault.drafts.load(DRAFT_KEY) is None
