# mypy: disable-error-code="no-untyped-call"
"""A meeting recorded from the main window: a disputed decision, the team's response, tasks."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry
from fftimeline.domain.views import ViewHolder, ViewPosition
from fftimeline.domain.wording_check import MarkKind, WordingMark
from fftimeline.services.vault import OpenVault
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.meetings.meeting_dialog import MeetingDialog
from fftimeline.ui.models.case_list_model import case_facts
from fftimeline.ui.widgets.form_drafts import FORM_DRAFT_KEY
from fftimeline.ui.widgets.form_tables import RowsTable
from tests.gui.conftest import answer_reason_soon


def _set(table: RowsTable, row: int, column: int, text: str) -> None:
    item = table.table.item(row, column)
    assert item is not None
    item.setText(text)


def _fill_meeting(qtbot: QtBot, dialog: MeetingDialog, arrested: Entry) -> None:
    """What a key worker types after a core group where Mum disputed a decision."""
    save = dialog.save_button
    assert not save.isEnabled() and dialog.problem.text() == "Say when the meeting was."
    qtbot.keyClicks(dialog.when.line, "10/7/25")
    dialog.kind.setCurrentIndex(dialog.kind.findData("core-group"))
    qtbot.keyClicks(dialog.summary, "Core group after the arrest")
    assert dialog.problem.text() == "Say who attended the meeting."
    dialog.add_team.click()
    dialog.add_family.click()
    assert dialog.people.rows() == [
        ["Rita Hughes", "Team around the child", "Head of Year, Park School", "Yes", "Yes"],
        ["Grace Okafor", "Family", "Mother", "Yes", "Yes"],
    ]
    dialog.decisions.add_row(
        ["Jayden stays with his aunt at weekends", "Grace Okafor", "", "", "", ""]
    )
    assert dialog.problem.text() == ("Decision 1: say who challenged it, when, and what they said.")
    _set(dialog.decisions, 0, 2, "12/7/25")
    _set(dialog.decisions, 0, 3, "She wants Jayden home at weekends")
    position = dialog.views.widgets["view_pos:member:Grace Okafor"]
    assert isinstance(position, QComboBox)
    position.setCurrentIndex(position.findData("dispute"))
    qtbot.keyClicks(
        dialog.views.widgets["view_text:member:Grace Okafor"],
        "Grace disputes the weekends decision",
    )
    for i in range(dialog.discussed.count()):
        item = dialog.discussed.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == arrested.id:
            item.setCheckState(Qt.CheckState.Checked)
    dialog.tasks.add_row(["Ask the aunt about weekends", "Sam Key", "1/8/25"])
    dialog.parents_told.setChecked(True)
    assert save.isEnabled(), dialog.problem.text()
    save.click()


def test_a_meeting_with_a_disputed_decision_and_the_teams_later_response(
    qtbot: QtBot, window: MainWindow, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    arrested = entries[1]

    def record() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MeetingDialog)
        _fill_meeting(qtbot, dialog, arrested)

    QTimer.singleShot(0, record)
    window.commands.new_meeting.trigger()
    [meeting] = [e for e in vault.entries.entries(case.id) if e.meeting is not None]
    assert meeting.event_date.start == dt.date(2025, 7, 10) and meeting.parents_told
    assert [(v.holder, v.name, v.position) for v in meeting.views] == [
        (ViewHolder.MEMBER, "Grace Okafor", ViewPosition.DISPUTE)
    ]
    assert meeting.meeting is not None and meeting.meeting.discussed == {arrested.id}
    assert meeting.meeting.unanswered == 1
    [task] = vault.meetings.tasks_of(meeting.id)
    assert (task.owner, task.due) == ("Sam Key", dt.date(2025, 8, 1))
    assert window.selected_entry() == meeting  # the window shows what was saved
    pane = window.ui.detail.toPlainText()
    assert "Challenged by Grace Okafor on 12 July 2025: She wants Jayden home" in pane
    assert "The team has not responded yet." in pane
    assert "Arrested with cash and two phones in Birmingham" in pane  # the entry discussed
    assert "Ask the aunt about weekends" in pane
    summary = window.ui.case_model.summary_at(0)
    days = (today() - dt.date(2025, 7, 10)).days
    assert f"Parents last updated {days} days ago" in case_facts(summary)

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MeetingDialog)
        assert dialog.decisions.rows()[0][3] == "She wants Jayden home at weekends"
        _set(dialog.decisions, 0, 4, "We will look again at the review in August")
        assert dialog.problem.text() == "Say when the team responded to the challenge."
        _set(dialog.decisions, 0, 5, "20/7/25")
        answer_reason_soon("The team responded to Grace's challenge")
        dialog.save_button.click()

    QTimer.singleShot(0, respond)
    window.commands.open_entry.trigger()
    history = vault.entries.history(meeting.id)
    assert [v.version for v in history] == [1, 2]
    assert history[1].amendment_reason == "The team responded to Grace's challenge"
    assert history[1].meeting is not None and history[1].meeting.unanswered == 0
    pane = window.ui.detail.toPlainText()
    assert "The team's response on 20 July 2025: We will look again at the review" in pane
    assert len(vault.meetings.tasks_of(meeting.id)) == 1  # no task added twice


def test_a_meeting_form_keeps_its_typing_when_the_app_locks(
    qtbot: QtBot, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    dialog = MeetingDialog(vault, case.id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.summary, "Family meeting at home")
    dialog.add_family.click()
    dialog.decisions.add_row(["Mum drives Jayden to school", "", "", "", "", ""])
    MeetingDialog.stash_open_forms()
    assert not dialog.isVisible() and dialog.summary.text() == ""
    [record] = json.loads(vault.drafts.load(FORM_DRAFT_KEY) or "[]")
    assert record["kind"] == "meeting" and record["case_id"] == case.id
    again = MeetingDialog.reopen(QApplication.activeWindow() or dialog, vault, record)
    assert isinstance(again, MeetingDialog)
    qtbot.addWidget(again)
    assert again.summary.text() == "Family meeting at home"
    assert again.people.rows()[0][:2] == ["Grace Okafor", "Family"]
    assert again.decisions.rows()[0][0] == "Mum drives Jayden to school"


def test_parents_not_invited_must_say_why(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = MeetingDialog(vault, case.id, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.when.line, "10/7/25")
    qtbot.keyClicks(dialog.summary, "Strategy meeting")
    dialog.add_team.click()
    assert dialog.save_button.isEnabled()
    assert dialog.not_invited_because.isEnabled() is False
    dialog.parents_invited.setChecked(False)
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text().startswith("The parents were not invited: say why.")
    qtbot.keyClicks(dialog.not_invited_because, "Police shared intelligence")
    assert dialog.save_button.isEnabled()


def test_the_meetings_own_words_are_checked_as_typed_and_marks_are_kept(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = MeetingDialog(vault, case.id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.when.line, "10/7/25")
    qtbot.keyClicks(dialog.summary, "Core group")
    dialog.add_team.click()
    qtbot.keyClicks(dialog.notes, "Jayden keeps putting himself at risk.")
    notes = dialog.wording.underliners["account"]
    notes.recheck_now()
    assert [f.rule_id for f in notes.findings] == ["self-risk"]
    assert dialog.wording.summary.text().startswith("Wording: 1 wording finding.")
    [finding] = notes.findings
    dialog.marks.add(
        WordingMark(
            field="account",
            rule_id=finding.rule_id,
            words=finding.words,
            kind=MarkKind.OWN_WORDS,
            reason="Jayden's own words at the meeting",
        )
    )
    dialog.save_button.click()
    [saved] = [e for e in vault.entries.entries(case.id) if e.meeting is not None]
    assert [m.reason for m in saved.wording_marks] == ["Jayden's own words at the meeting"]
    assert vault.wording.case_findings(case.id) == []  # kept on purpose: closed
    [kept] = vault.wording.case_findings(case.id, include_closed=True)
    assert (kept.field_label, kept.finding.rule_id) == ("the full account", "self-risk")
