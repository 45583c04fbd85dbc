# mypy: disable-error-code="no-untyped-call"
"""The entry editor: adding through the keyboard, validation as you type, amending, drafts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry, Nature
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs import entry_editor
from fftimeline.ui.dialogs.entry_editor import DRAFT_KEY, EntryEditorDialog
from fftimeline.ui.dialogs.history_dialog import HistoryDialog
from fftimeline.ui.widgets import editor_history
from fftimeline.ui.widgets.date_edit import DateEdit


@pytest.fixture(autouse=True)
def _no_question_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes leftover editors at teardown; never block on the keep-draft question."""
    monkeypatch.setattr(entry_editor.KeepDraftQuestion, "ask", classmethod(lambda *_a: "discard"))


def open_editor(qtbot: QtBot, vault: OpenVault, case: Case, entry: Entry | None = None):
    dialog = EntryEditorDialog(None, vault, case.id, entry)
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_closing", True))
    dialog.show()
    return dialog


def field(dialog: EntryEditorDialog, key: str) -> QWidget:
    return dialog.form.fields.widgets[key]


def type_into(qtbot: QtBot, dialog: EntryEditorDialog, key: str, text: str) -> None:
    widget = field(dialog, key)
    target = widget.line if isinstance(widget, DateEdit) else widget
    if isinstance(target, QLineEdit):
        target.clear()
    qtbot.keyClicks(target, text)


def choose(dialog: EntryEditorDialog, key: str, value: str) -> None:
    combo = field(dialog, key)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def tick(dialog: EntryEditorDialog, key: str, on: bool = True) -> None:
    box = field(dialog, key)
    assert isinstance(box, QCheckBox)
    box.setChecked(on)


def problem(dialog: EntryEditorDialog, key: str) -> str:
    label: QLabel = dialog.form.fields.errors[key]
    return label.text() if label.isVisibleTo(dialog) else ""


def test_add_an_entry_with_the_keyboard_and_it_is_saved(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    assert not dialog.save_button.isEnabled()
    date = field(dialog, "date")
    assert isinstance(date, DateEdit)
    qtbot.keyClicks(date.line, "12/3/25")
    dialog.focusNextChild()
    qtbot.keyClicks(field(dialog, "summary"), "Seen near the station after school")
    qtbot.keyClicks(field(dialog, "source_name"), "Rita Hughes")
    assert not dialog.save_button.isEnabled()  # "How do we know?" has no default
    assert "how we know" in dialog.status.text()
    choose(dialog, "nature", Nature.REPORTED.value)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.saved is not None
    saved = vault.entries.entries(case.id)
    assert [e.summary for e in saved] == ["Seen near the station after school"]
    assert saved[0].event_date == EventDate.exact(dt.date(2025, 3, 12))
    assert saved[0].source is not None and saved[0].source.name == "Rita Hughes"
    assert not dialog.isVisible()


def test_date_field_says_how_it_understood_the_text(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    date = field(dialog, "date")
    assert isinstance(date, DateEdit)
    qtbot.keyClicks(date.line, "around March 2025")
    assert date.readback.text() == "understood as: around March 2025"


def test_untouched_required_fields_are_quiet_but_the_status_says_what_is_needed(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    assert problem(dialog, "date") == ""
    assert problem(dialog, "summary") == ""
    assert dialog.status.text() == "To save, say when it happened, what happened and how we know."


VALID = {
    "date": "12/3/25",
    "summary": "Went missing overnight",
    "no_source_reason": "Seen by the key worker",
}
"""A valid entry's typing; "How do we know?" is chosen too (it has no default)."""
NO_REASON = ("clear", "no_source_reason", "")


@pytest.mark.parametrize(
    ("steps", "key", "message"),
    [
        (
            [("type", "date", "31/2/25")],
            "date",
            "I can't read '31/2/25' as a date. Try 12/3/25, March 2025 or around 2024.",
        ),
        ([("type", "date", "12/3/2099")], "date", "This date is in the future."),
        (
            [("type", "summary", "x"), ("clear", "summary", "")],
            "summary",
            "Say in a line what happened.",
        ),
        ([("choose", "nature", Nature.OPINION.value)], "opinion_of", "Say whose opinion this is."),
        (
            [NO_REASON, ("type", "source_name", "A neighbour"), ("tick", "source_withheld", "")],
            "source_withheld_reason",
            "Say why the source must be withheld.",
        ),
        (
            [
                NO_REASON,
                ("type", "source_name", "PC Jones"),
                ("tick", "source_professional", ""),
                ("tick", "source_withheld", ""),
                ("choose", "source_withheld_reason", "risk-to-source"),
            ],
            "source_override",
            "Professionals acting in their role are normally named.",
        ),
        (
            [NO_REASON, ("type", "source_role", "Youth worker")],
            "source_name",
            "Give the name, role or agency of who told us",
        ),
        (
            [("choose", "significance", "serious-risk")],
            "next_action",
            "Serious risk needs urgent action",
        ),
        (
            [
                ("choose", "significance", "serious-risk"),
                ("type", "next_action", "Strategy meeting"),
            ],
            "next_action_owner",
            "Say who owns the next action.",
        ),
        (
            [("type", "learned_on", "1/3/25")],
            "learned_on",
            "You cannot have learned of it before it happened.",
        ),
        ([("type", "learned_on", "March 2025")], "learned_on", "Give one day here"),
    ],
)
def test_each_rule_is_shown_next_to_its_field_as_you_type(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    steps: list[tuple[str, str, str]],
    key: str,
    message: str,
) -> None:
    dialog = open_editor(qtbot, vault, case)
    dialog.form.show_more(True)
    for k, text in VALID.items():
        type_into(qtbot, dialog, k, text)
    choose(dialog, "nature", Nature.REPORTED.value)
    assert dialog.save_button.isEnabled()
    for action, k, value in steps:
        if action == "type":
            type_into(qtbot, dialog, k, value)
        elif action == "clear":
            widget = field(dialog, k)
            assert isinstance(widget, QLineEdit)
            widget.clear()
        elif action == "tick":
            tick(dialog, k)
        else:
            choose(dialog, k, value)
    assert message in problem(dialog, key)
    assert not dialog.save_button.isEnabled()
    assert message in dialog.status.text()


def test_fixing_the_problem_clears_the_message_and_enables_save(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    for k, text in VALID.items():
        type_into(qtbot, dialog, k, text)
    choose(dialog, "nature", Nature.OPINION.value)
    assert field(dialog, "opinion_of").isVisibleTo(dialog)
    qtbot.keyClicks(field(dialog, "opinion_of"), "Dr Patel, CAMHS")
    assert problem(dialog, "opinion_of") == ""
    assert dialog.save_button.isEnabled()


def test_opinion_field_only_shows_for_opinions(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    assert not field(dialog, "opinion_of").isVisibleTo(dialog)
    choose(dialog, "nature", Nature.OPINION.value)
    assert field(dialog, "opinion_of").isVisibleTo(dialog)


def test_amend_asks_for_a_reason_and_history_shows_both_versions(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = entries[0]
    asked: list[str] = []

    def give_reason(_cls: object, _parent: object, title: str, _prompt: str) -> str:
        asked.append(title)
        return "Head of Year corrected the time"

    monkeypatch.setattr(editor_history.ReasonDialog, "ask", classmethod(give_reason))
    dialog = open_editor(qtbot, vault, case, original)
    assert dialog.windowTitle() == "Amend entry"
    summary = field(dialog, "summary")
    assert isinstance(summary, QLineEdit)
    assert summary.text() == original.summary
    summary.setText(original.summary + " (about 15:20)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert asked == ["Reason for the amendment"]
    versions = vault.entries.history(original.id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].amendment_reason == "Head of Year corrected the time"
    assert versions[1].summary.endswith("(about 15:20)")
    history = HistoryDialog(versions, {})
    qtbot.addWidget(history)
    cells = [
        [(history.table.item(r, c) or QTableWidgetItem()).text() for c in range(5)]
        for r in range(history.table.rowCount())
    ]
    assert cells[0][0] == "1" and cells[0][3] == "First recorded"
    assert cells[1][0] == "2" and cells[1][3] == "Head of Year corrected the time"
    assert cells[1][2] == "Sam Key"


def test_cancelling_the_reason_saves_nothing(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(editor_history.ReasonDialog, "ask", classmethod(lambda *_a: None))
    dialog = open_editor(qtbot, vault, case, entries[0])
    type_into(qtbot, dialog, "summary", "Changed my mind")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert len(vault.entries.history(entries[0].id)) == 1


def test_amending_with_no_change_says_so(
    qtbot: QtBot, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    dialog = open_editor(qtbot, vault, case, entries[0])
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Nothing has changed" in dialog.status.text()
    assert len(vault.entries.history(entries[0].id)) == 1


def test_retract_keeps_the_entry_with_its_reason(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fftimeline.ui.dialogs.retract_dialog import RetractDialog

    def give_reason() -> None:
        asked = QApplication.activeModalWidget()
        assert isinstance(asked, RetractDialog)
        asked.reason.setPlainText("Recorded on the wrong child")
        asked.withdraw_button.click()

    dialog = open_editor(qtbot, vault, case, entries[0])
    QTimer.singleShot(0, give_reason)
    dialog._retract()
    current = vault.entries.get(entries[0].id)
    assert current.retracted
    assert current.retraction_reason == "Recorded on the wrong child"


@pytest.mark.parametrize(("choice", "kept"), [("keep", True), ("discard", False)])
def test_escape_with_typing_offers_to_keep_a_draft(
    qtbot: QtBot,
    vault: OpenVault,
    case: Case,
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
    kept: bool,
) -> None:
    monkeypatch.setattr(entry_editor.KeepDraftQuestion, "ask", classmethod(lambda *_a: choice))
    dialog = open_editor(qtbot, vault, case)
    type_into(qtbot, dialog, "summary", "Half-written note about Friday")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    payload = vault.drafts.load(DRAFT_KEY)
    if kept:
        assert payload is not None
        assert json.loads(payload)[0]["state"]["summary"] == "Half-written note about Friday"
    else:
        assert payload is None
    assert vault.entries.entries(case.id) == []


def test_escape_then_carry_on_editing_keeps_the_editor_open(
    qtbot: QtBot, vault: OpenVault, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entry_editor.KeepDraftQuestion, "ask", classmethod(lambda *_a: None))
    dialog = open_editor(qtbot, vault, case)
    type_into(qtbot, dialog, "summary", "Still typing")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert field(dialog, "summary").text() == "Still typing"  # type: ignore[attr-defined]


def test_escape_without_typing_just_closes(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_more_section_links_register_items(
    qtbot: QtBot, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    bugsy = vault.links.items(case.id)[0]
    dialog = open_editor(qtbot, vault, case)
    assert not dialog.form.more.isVisibleTo(dialog)
    dialog.form.more_button.click()
    assert dialog.form.more.isVisibleTo(dialog)
    for k, text in VALID.items():
        type_into(qtbot, dialog, k, text)
    choose(dialog, "nature", Nature.REPORTED.value)
    checklist = field(dialog, "links")
    item = checklist.item(0)  # type: ignore[attr-defined]
    assert "Bugsy" in item.text()
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.link_ids == frozenset({bugsy.id})


def test_every_control_has_an_accessible_name(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    dialog.form.show_more(True)
    controls = dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox)
    controls += dialog.findChildren(QCheckBox) + dialog.findChildren(QPlainTextEdit)
    unnamed = [type(c).__name__ for c in controls if not c.accessibleName()]
    assert unnamed == []


def test_tab_goes_through_the_common_fields_in_reading_order(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    date = field(dialog, "date")
    assert isinstance(date, DateEdit)
    widget: QWidget | None = date.line
    names: list[str] = []
    for _ in range(6):
        assert widget is not None
        names.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
        while widget is not None and not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(dialog)
            and widget.isEnabled()
        ):
            widget = widget.nextInFocusChain()
    assert names == [
        "When did it happen?",
        "What kind?",
        "What happened?",
        "Full account",
        "How do we know?",
        "Who told us: name",
    ]


def test_who_told_us_suggests_the_team_and_family(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    name = field(dialog, "source_name")
    assert isinstance(name, QLineEdit)
    completer = name.completer()
    assert completer is not None
    model = completer.model()
    offered = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert {"Rita Hughes", "Grace Okafor", "Sam Key"} <= offered


def test_a_serious_risks_action_is_due_tomorrow_unless_changed(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    for k, text in VALID.items():
        type_into(qtbot, dialog, k, text)
    choose(dialog, "nature", Nature.REPORTED.value)
    choose(dialog, "significance", "serious-risk")
    due = field(dialog, "next_action_due")
    assert isinstance(due, DateEdit)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert due.day() == tomorrow and due.problem() == ""  # a day to come is fine here
    type_into(qtbot, dialog, "next_action", "Strategy meeting")
    type_into(qtbot, dialog, "next_action_owner", "Sam Key")
    assert dialog.save_button.isEnabled(), dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.next_action_due == tomorrow
    [task] = vault.tasks.tasks(case.id)
    assert (task.what, task.owner, task.due) == ("Strategy meeting", "Sam Key", tomorrow)


def test_whose_opinion_offers_who_told_us_and_never_copies_it_by_itself(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    type_into(qtbot, dialog, "source_name", "Dr Shah")
    type_into(qtbot, dialog, "source_role", "Paediatrician")
    choose(dialog, "nature", Nature.OPINION.value)
    opinion = field(dialog, "opinion_of")
    assert isinstance(opinion, QLineEdit)
    assert opinion.text() == ""
    offer = dialog.form.offer_source
    assert offer.isVisibleTo(dialog) and offer.text() == "Use: Dr Shah, Paediatrician"
    offer.click()
    assert opinion.text() == "Dr Shah, Paediatrician"
    assert not offer.isVisibleTo(dialog)


def test_unknown_to_us_is_an_honest_choice_for_a_withheld_source(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    type_into(qtbot, dialog, "date", "12/3/25")
    type_into(qtbot, dialog, "summary", "Police intelligence: seen at a known address")
    choose(dialog, "nature", Nature.INTELLIGENCE.value)
    tick(dialog, "source_withheld")
    choose(dialog, "source_withheld_reason", "risk-to-source")
    tick(dialog, "source_unknown")
    assert dialog.save_button.isEnabled(), dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.source is not None
    assert (dialog.saved.source.unknown, dialog.saved.source.name) == (True, "")


def test_views_are_per_person_with_the_childs_own_row(
    qtbot: QtBot, vault: OpenVault, case: Case, tmp_path
) -> None:
    dialog = open_editor(qtbot, vault, case)
    dialog.resize(900, 1000)
    for k, text in VALID.items():
        type_into(qtbot, dialog, k, text)
    choose(dialog, "nature", Nature.CHILD_ACCOUNT.value)
    choose(dialog, "view_pos:child", "dispute")
    type_into(qtbot, dialog, "view_text:child", "I was at my nan's.")
    choose(dialog, "view_pos:member:Grace Okafor", "partly-agree")
    type_into(qtbot, dialog, "view_text:member:Grace Okafor", "He was out, not all night.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    views = {(v.holder.value, v.name): (v.position.value, v.text) for v in dialog.saved.views}
    assert views == {
        ("child", ""): ("dispute", "I was at my nan's."),
        ("family-member", "Grace Okafor"): ("partly-agree", "He was out, not all night."),
    }
