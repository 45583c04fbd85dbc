"""Case, register, task, history and withdraw dialogs against a real vault (offscreen)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.domain.people import LinkKind
from fftimeline.domain.tasks import TaskStatus
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs import case_dialog
from fftimeline.ui.dialogs.case_dialog import CaseDialog
from fftimeline.ui.dialogs.history_dialog import HistoryDialog
from fftimeline.ui.dialogs.register_dialog import RegisterDialog
from fftimeline.ui.dialogs.retract_dialog import RetractDialog
from fftimeline.ui.dialogs.task_dialog import TaskDialog
from fftimeline.ui.widgets.form_helpers import show_date
from tests.factories import make_entry

SAVE = QDialogButtonBox.StandardButton.Save


def test_new_case_through_ask_is_saved(qtbot, vault: OpenVault) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CaseDialog)
        qtbot.keyClicks(dialog.child_name, "Mia Roberts")
        qtbot.keyClicks(dialog.known_as, "Mimi")
        dialog.family.add_row(["Claire Roberts", "Mother", "07700 900123"])
        dialog.buttons.button(SAVE).click()

    QTimer.singleShot(0, fill_and_save)
    case = CaseDialog.ask(parent, vault, None)
    assert case is not None
    saved = vault.cases.get(case.id)
    assert saved.display_name == "Mia Roberts (Mimi)"
    assert [(f.name, f.relationship) for f in saved.family] == [("Claire Roberts", "Mother")]


def test_case_form_says_what_is_missing_as_you_type(qtbot, vault: OpenVault) -> None:
    dialog = CaseDialog(vault, None)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(SAVE)
    assert not save.isEnabled()
    assert dialog.problem.text() == "Fill in “Child's name”."
    qtbot.keyClicks(dialog.child_name, "Mia Roberts")
    assert save.isEnabled() and dialog.problem.text() == ""
    dialog.family.add_row(["Claire Roberts", "", ""])
    assert dialog.problem.text() == "Give each family member's name and relationship."
    assert not save.isEnabled()
    dialog.family.table.removeRow(0)
    show_date(dialog.date_of_birth, dt.date.today() + dt.timedelta(days=2))
    assert dialog.problem.text() == "The date of birth is in the future."


def test_edit_case_updates_team_and_keeps_the_rest(qtbot, vault: OpenVault, case: Case) -> None:
    dialog = CaseDialog(vault, case)
    qtbot.addWidget(dialog)
    assert dialog.child_name.text() == "Jayden Okafor"
    dialog.team.add_row(["PC Amir Khan", "Police", "Missing persons"])
    dialog.buttons.button(SAVE).click()
    saved = vault.cases.get(case.id)
    assert [t.name for t in saved.team] == ["Rita Hughes", "PC Amir Khan"]
    assert saved.family == case.family


def test_register_asks_a_third_party_for_a_role_then_saves(
    qtbot, vault: OpenVault, case: Case
) -> None:
    dialog = RegisterDialog(vault, case.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Dean Smith")
    qtbot.keyClicks(dialog.nicknames, "D, Deano")
    dialog.third_party.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert "role label" in dialog.problem.text()
    qtbot.keyClicks(dialog.role, "an older teenager")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    items = vault.links.items(case.id)
    assert [(i.name, i.nicknames, i.role) for i in items] == [
        ("Dean Smith", ("D", "Deano"), "an older teenager")
    ]
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "D, Deano"  # type: ignore[union-attr]
    assert dialog.changed


def test_register_edits_an_existing_vehicle(qtbot, vault: OpenVault, case: Case) -> None:
    dialog = RegisterDialog(vault, case.id)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LinkKind.VEHICLE.value))
    qtbot.keyClicks(dialog.name, "VX19 ABC")
    dialog.save_button.click()
    dialog.table.setCurrentCell(0, 1)
    assert dialog.name.text() == "VX19 ABC"
    qtbot.keyClicks(dialog.role, "grey Audi")
    dialog.save_button.click()
    items = vault.links.items(case.id)
    assert [(i.kind, i.name, i.role) for i in items] == [
        (LinkKind.VEHICLE, "VX19 ABC", "grey Audi")
    ]


def test_task_needs_an_owner_and_a_closed_task_an_outcome(
    qtbot, vault: OpenVault, entries: list[Entry]
) -> None:
    case_id = entries[0].case_id
    dialog = TaskDialog(vault, case_id, None, frozenset({entries[1].id}))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.what, "Return home interview")
    assert dialog.problem.text() == "Fill in “Who owns it”."
    qtbot.keyClicks(dialog.owner, "R. Hughes")
    assert dialog.buttons.button(SAVE).isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData(TaskStatus.DONE.value))
    assert dialog.problem.text() == "Say what came of the task before closing it."
    dialog.outcome.setPlainText("Done on 5 July; he spoke about the car.")
    show_date(dialog.due, dt.date(2025, 7, 5))
    dialog.buttons.button(SAVE).click()
    # (the serious risk among the entries has a task of its own for its next action)
    [task] = [t for t in vault.tasks.tasks(case_id) if t.what == "Return home interview"]
    assert (task.owner, task.status, task.due) == (
        "R. Hughes",
        TaskStatus.DONE,
        dt.date(2025, 7, 5),
    )
    assert task.entry_ids == frozenset({entries[1].id})


def test_history_lists_every_version_with_who_and_why(
    qtbot, vault: OpenVault, entries: list[Entry]
) -> None:
    first = entries[0]
    vault.entries.amend(first.id, make_entry(summary="Seen getting into a grey car"), "CCTV")
    vault.entries.amend(first.id, make_entry(summary="Seen getting into a grey Audi"), "Make known")
    vault.entries.retract(first.id, "Wrong child")
    versions = vault.entries.history(first.id)
    dialog = HistoryDialog(versions, {})
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert [r[3] for r in rows[:3]] == ["First recorded", "CCTV", "Make known"]
    assert [r[4] for r in rows[:3]] == [  # the first in full, then what each changed
        "Seen getting into a car outside school",
        "What happened: Seen getting into a car outside school → Seen getting into a grey car",
        "What happened: Seen getting into a grey car → Seen getting into a grey Audi",
    ]
    assert all(r[2] == "Sam Key" for r in rows[:3])
    assert rows[-1][3] == "Withdrawn: Wrong child"
    # The withdrawal is the fourth version, with its reason: no extra row, no empty "why".
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]
    assert all(r[3] for r in rows)


def test_history_shows_what_changed_field_by_field(
    qtbot, vault: OpenVault, entries: list[Entry]
) -> None:
    from fftimeline.domain.entries import Significance
    from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

    first = entries[0]
    child = PersonView(holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="Not me")
    changed = first.draft().model_copy(
        update={
            "significance": Significance.SERIOUS,
            "no_action_reason": "Police already acting",
            "views": (*first.views, child),
        }
    )
    vault.entries.amend(first.id, changed, "Risk went up")
    dialog = HistoryDialog(vault.entries.history(first.id), {})
    qtbot.addWidget(dialog)
    what = dialog.rows()[1][4].splitlines()
    assert "How serious: Routine → Serious risk" in what
    assert "Why no action: (nothing) → Police already acting" in what
    assert any(w.startswith("The child's view: (nothing) → Disputes") for w in what), what
    assert not any(w.startswith("What happened") for w in what)
    dialog.table.setCurrentCell(0, 0)
    assert "Seen getting into a car outside school" in dialog.detail.toPlainText()


def test_withdraw_needs_a_reason_and_keeps_the_entry(
    qtbot, vault: OpenVault, entries: list[Entry]
) -> None:
    dialog = RetractDialog(vault, entries[0])
    qtbot.addWidget(dialog)
    assert not dialog.withdraw_button.isEnabled()
    assert dialog.problem.text() == "Say why the entry is withdrawn."
    qtbot.keyClicks(dialog.reason, "Recorded on the wrong child's file")
    dialog.withdraw_button.click()
    assert dialog.saved is not None and dialog.saved.retracted
    kept = vault.entries.get(entries[0].id)
    assert kept.retracted and kept.retraction_reason == "Recorded on the wrong child's file"
    assert kept.summary == entries[0].summary


def _answer_key_worker_question(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Answer "is this a new key person?" with ``answer``; the questions asked."""
    asked: list[str] = []

    def choose(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> str:
        asked.append(text)
        return answer

    monkeypatch.setattr(case_dialog, "ask_choice", choose)
    return asked


def test_changing_the_key_worker_shows_the_hand_over_next_time(
    qtbot, vault: OpenVault, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _answer_key_worker_question(monkeypatch, "new")
    dialog = CaseDialog(vault, case)
    qtbot.addWidget(dialog)
    assert dialog.key_person_history.text().startswith("Sam Key, since ")
    dialog.key_worker.setText("Ria Patel")
    dialog.buttons.button(SAVE).click()
    assert asked == ["“Sam Key” is now “Ria Patel”. Is this a new key person?"]
    again = CaseDialog(vault, vault.cases.get(case.id))
    qtbot.addWidget(again)
    lines = again.key_person_history.text().splitlines()
    assert lines[0].startswith("Ria Patel, since ")
    assert lines[1].startswith("Sam Key, from ")


def test_correcting_a_typo_in_the_key_workers_name_is_not_a_hand_over(
    qtbot, vault: OpenVault, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_key_worker_question(monkeypatch, "correction")
    dialog = CaseDialog(vault, case)
    qtbot.addWidget(dialog)
    dialog.key_worker.setText("Sam Keye")
    dialog.buttons.button(SAVE).click()
    saved = vault.cases.get(case.id)
    assert [a.worker for a in saved.allocations] == ["Sam Keye"]
    again = CaseDialog(vault, saved)
    qtbot.addWidget(again)
    assert again.key_person_history.text().startswith("Sam Keye, since ")
    assert "Sam Key," not in again.key_person_history.text()


def test_going_back_from_the_key_worker_question_saves_nothing(
    qtbot, vault: OpenVault, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_key_worker_question(monkeypatch, "cancel")
    dialog = CaseDialog(vault, case)
    qtbot.addWidget(dialog)
    dialog.key_worker.setText("Ria Patel")
    dialog.buttons.button(SAVE).click()
    assert vault.cases.get(case.id).key_worker == "Sam Key"
    assert dialog.isVisible() or dialog.result() == 0


def test_the_key_workers_contact_details_are_saved_for_the_familys_timeline(
    qtbot, vault: OpenVault, case: Case
) -> None:
    dialog = CaseDialog(vault, case)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.organisation, "Westbridge Children's Services")
    qtbot.keyClicks(dialog.phone, "01632 960 100")
    qtbot.keyClicks(dialog.email, "sam.key at westbridge")
    assert "does not look like an address" in dialog.problem.text()
    assert not dialog.buttons.button(SAVE).isEnabled()
    dialog.email.setText("sam.key@westbridge.example")
    dialog.buttons.button(SAVE).click()
    saved = vault.cases.get(case.id)
    assert saved.key_worker_organisation == "Westbridge Children's Services"
    assert (saved.key_worker_phone, saved.key_worker_email) == (
        "01632 960 100",
        "sam.key@westbridge.example",
    )


def test_support_organisations_are_edited_and_need_a_name(qtbot) -> None:
    from fftimeline.settings import example_support
    from fftimeline.ui.dialogs.support_dialog import SupportDialog

    dialog = SupportDialog(example_support())
    qtbot.addWidget(dialog)
    assert dialog.table.table.rowCount() == len(example_support())
    dialog.table.add_row(["", "Help with housing", "", ""])
    dialog.buttons.button(SAVE).click()
    assert "Every organisation needs a name." in dialog.problem.text()
    assert dialog.saved is None
    dialog.table.table.removeRow(dialog.table.table.rowCount() - 1)
    dialog.table.add_row(["Westbridge Family Hub", "Help with housing", "01632 960 555", ""])
    dialog.buttons.button(SAVE).click()
    saved = cast(Any, dialog).saved  # set by the click (mypy still thinks it is None)
    assert saved is not None and saved[-1].name == "Westbridge Family Hub"
