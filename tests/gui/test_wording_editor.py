# mypy: disable-error-code="no-untyped-call"
"""The wording check in the entry editor: underlines as you type, the card, marks and history."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.domain.wording_check import MarkKind
from fftimeline.language import Severity, WordingFinding
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs import entry_editor
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.dialogs.history_dialog import HistoryDialog
from fftimeline.ui.widgets import editor_history
from fftimeline.ui.wording.editor_hook import FIELD_KEYS
from fftimeline.ui.wording.marks import MarkDialog
from fftimeline.ui.wording.underline import WordingUnderliner
from tests.factories import family_text, family_view, make_case, make_entry

ISSUE = "Head of Year thinks Jayden is choosing to hang around with older boys"


@pytest.fixture(autouse=True)
def _answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never block on the keep-draft question; amendments get a reason."""
    monkeypatch.setattr(entry_editor.KeepDraftQuestion, "ask", classmethod(lambda *_a: "discard"))
    monkeypatch.setattr(
        editor_history.ReasonDialog, "ask", classmethod(lambda *_a: "Marked Mum's own word")
    )


def open_editor(qtbot: QtBot, vault: OpenVault, case: Case, entry: Entry | None = None):
    dialog = EntryEditorDialog(None, vault, case.id, entry)
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_closing", True))
    dialog.show()
    return dialog


def account_with(dialog: EntryEditorDialog, text: str) -> QPlainTextEdit:
    """The editor's full-account box, holding ``text``."""
    account = dialog.form.fields.widgets["account"]
    assert isinstance(account, QPlainTextEdit)
    account.setPlainText(text)
    return account


def underliner(dialog: EntryEditorDialog, key: str) -> WordingUnderliner:
    return dialog.wording.underliners[key]


def wait_checked(qtbot: QtBot, dialog: EntryEditorDialog, key: str) -> WordingUnderliner:
    u = underliner(dialog, key)
    if u.pending:
        with qtbot.waitSignal(u.checked, timeout=3000):
            pass
    return u


def underlined(box: QPlainTextEdit) -> list[tuple[int, int, QTextCharFormat.UnderlineStyle]]:
    """What the document really draws underlined: (start, end, style) per formatted range."""
    found: list[tuple[int, int, QTextCharFormat.UnderlineStyle]] = []
    block = box.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            style = r.format.underlineStyle()
            if style != QTextCharFormat.UnderlineStyle.NoUnderline:
                found.append(
                    (block.position() + r.start, block.position() + r.start + r.length, style)
                )
        block = block.next()
    return found


def hover(u: WordingUnderliner, finding: WordingFinding) -> None:
    """Rest the mouse on the middle of a finding's words."""
    widget = u.surface.widget
    middle = (finding.start + finding.end) // 2
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(middle)
        point = widget.cursorRect(cursor).center()
    else:
        assert isinstance(widget, QLineEdit)
        point = QPoint(widget.cursorRect().x(), widget.height() // 2)
        for x in range(widget.width()):
            if widget.cursorPositionAt(QPoint(x, point.y())) >= middle:
                point = QPoint(x, point.y())
                break
    target = u.surface.target()
    event = QHelpEvent(QEvent.Type.ToolTip, point, target.mapToGlobal(point))
    QApplication.sendEvent(target, event)


# Underlining as you type ------------------------------------------------------------------
def test_typing_a_flagged_phrase_underlines_it(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    account = dialog.form.fields.widgets["account"]
    assert isinstance(account, QPlainTextEdit)
    qtbot.keyClicks(account, "She keeps putting herself at risk by going there.")
    u = wait_checked(qtbot, dialog, "account")
    (finding,) = u.findings
    assert (finding.rule_id, finding.words) == ("self-risk", "putting herself at risk")
    assert underlined(account) == [
        (finding.start, finding.end, QTextCharFormat.UnderlineStyle.WaveUnderline)
    ]
    assert "1 wording finding" in dialog.wording.summary.text()


def test_the_check_waits_for_typing_to_pause(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    u = wait_checked(qtbot, dialog, "summary")
    calls: list[str] = []
    real = u._check

    def counting(text: str) -> list[WordingFinding]:
        calls.append(text)
        return real(text)

    u._check = counting
    qtbot.keyClicks(dialog.form.fields.widgets["summary"], "Jayden chose to go back there")
    assert calls == []  # nothing checked while typing
    assert u.pending
    wait_checked(qtbot, dialog, "summary")
    assert calls == ["Jayden chose to go back there"]
    assert [f.words for f in u.findings] == ["chose to go"]


def test_underlines_move_with_the_text_before_the_next_check(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    account = account_with(dialog, "Mum is hostile.")
    u = wait_checked(qtbot, dialog, "account")
    assert [(f.start, f.end) for f in u.findings] == [(7, 14)]
    cursor = account.textCursor()
    cursor.setPosition(0)
    account.setTextCursor(cursor)
    qtbot.keyClicks(account, "Today ")
    assert u.pending
    assert [(f.start, f.end, f.words) for f in u.findings] == [(13, 20, "hostile")]
    assert underlined(account)[0][:2] == (13, 20)


def test_underlines_stay_on_the_right_words_after_an_emoji(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    account = account_with(dialog, "Message 😀 said Mum is hostile.")
    u = wait_checked(qtbot, dialog, "account")
    (finding,) = u.findings
    assert finding.words == "hostile"
    start, end, _style = underlined(account)[0]
    cursor = QTextCursor(account.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "hostile"


def test_every_free_text_field_is_checked(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    views = {"view_text:child", "view_text:member:Grace Okafor", "view_text:family"}
    assert set(dialog.wording.underliners) == set(FIELD_KEYS) | views  # each person's words
    for key in (
        "view_text:child",
        "view_text:member:Grace Okafor",
        "wish_text",
        "no_source_reason",
        "outcome",
        "next_action",
        "no_action_reason",
        "why_not_police",
    ):
        widget = dialog.form.fields.widgets[key]
        if isinstance(widget, QLineEdit):
            widget.setText("Mum is in denial.")
        else:
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText("Mum is in denial.")
        u = wait_checked(qtbot, dialog, key)
        assert [f.rule_id for f in u.findings] == ["in-denial"], key


def test_the_childs_age_on_the_date_typed_changes_the_finding(
    qtbot: QtBot, vault: OpenVault
) -> None:
    case = vault.cases.add(make_case(date_of_birth=dt.date(2008, 6, 1)))
    dialog = open_editor(qtbot, vault, case)
    date = dialog.form.fields.widgets["date"]
    date.setText("1/3/2024")
    dialog.form.fields.widgets["summary"].setText("She is sexually active")
    u = wait_checked(qtbot, dialog, "summary")
    assert [(f.severity, "16" in f.note) for f in u.findings] == [(Severity.HIGH, True)]
    date.setText("1/3/2025")
    u = wait_checked(qtbot, dialog, "summary")
    assert [f.severity for f in u.findings] == [Severity.MEDIUM]


# The card: why, alternatives, exactly that span -----------------------------------------------
def test_hovering_shows_why_and_the_alternatives(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    dialog.form.fields.widgets["summary"].setText(ISSUE)
    u = wait_checked(qtbot, dialog, "summary")
    chose = next(f for f in u.findings if f.rule_id == "chose-to")
    hover(u, chose)
    card = dialog.wording.card
    assert card.isVisible()
    assert card.heading.text() == "Strongly advised against · Says the child chose harm"
    assert card.why.text().startswith("Why: A child under controlling pressure is not choosing")
    assert [b.accessibleName() for b in card.buttons] == list(chose.alternatives)


def test_clicking_an_alternative_replaces_only_that_span(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    line = dialog.form.fields.widgets["summary"]
    assert isinstance(line, QLineEdit)
    line.setText("Jayden chose to go back to the flat, he chose to go.")
    u = wait_checked(qtbot, dialog, "summary")
    second = [f for f in u.findings if f.rule_id == "chose-to"][1]
    assert second.start == 40
    hover(u, second)
    card = dialog.wording.card
    assert card.finding == second
    qtbot.mouseClick(card.buttons[0], Qt.MouseButton.LeftButton)
    alternative = second.alternatives[0]
    assert line.text() == "Jayden chose to go back to the flat, he " + alternative + "."
    assert line.selectedText() == "[Name]"  # the first placeholder, ready to type over
    assert not card.isVisible()
    line.undo()
    assert line.text() == "Jayden chose to go back to the flat, he chose to go."


def test_an_alternative_for_words_that_changed_meanwhile_is_refused(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    account = account_with(dialog, "Mum is hostile.")
    u = wait_checked(qtbot, dialog, "account")
    stale = u.findings[0]
    account.blockSignals(True)
    account.setPlainText("Mum is hostile to us.")
    account.blockSignals(False)
    stale_moved = WordingFinding(**{**stale.__dict__, "start": 0, "end": 7})
    assert not u.use_alternative(stale_moved, "X")
    assert account.toPlainText() == "Mum is hostile to us."


# Marks: their own words, saved with the version, shown in history --------------------------
def answer_mark(qtbot: QtBot, reason: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MarkDialog)
        qtbot.keyClicks(dialog.reason, reason)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_their_own_words_survives_an_amend_and_appears_in_history(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    words = "Mum says the man (24) is her boyfriend."
    entry = vault.entries.add(case.id, make_entry(views=family_view(words)))
    dialog = open_editor(qtbot, vault, case, entry)
    u = wait_checked(qtbot, dialog, "view_text:family")
    (finding,) = u.findings
    hover(u, finding)
    answer_mark(qtbot, "Mum's word for him, said on the phone")
    qtbot.mouseClick(dialog.wording.card.own_words, Qt.MouseButton.LeftButton)
    assert u.findings[0].mark is not None
    assert u.findings[0].mark.kind is MarkKind.OWN_WORDS
    assert "1 kept on purpose" in dialog.wording.summary.text()
    assert dialog.form.fields.widgets["view_text:family"].text() == words
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog.saved
    assert saved is not None and saved.version == 2
    assert [m.reason for m in saved.wording_marks] == ["Mum's word for him, said on the phone"]
    assert family_text(saved) == words

    again = open_editor(qtbot, vault, case, saved)
    again.form.fields.widgets["summary"].setText("Seen getting into a car at 15:20")
    assert wait_checked(qtbot, again, "view_text:family").findings[0].mark is not None
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.saved is not None and again.saved.version == 3
    assert again.saved.wording_marks == saved.wording_marks
    assert vault.wording.count_findings([entry.id]).findings == 0

    versions = vault.entries.history(entry.id)
    history = HistoryDialog(versions, {})
    qtbot.addWidget(history)
    history.table.setCurrentCell(0, 0)
    assert "No wording marks" in history.marks.text()
    history.table.setCurrentCell(1, 0)
    assert "Their own words (“boyfriend”, the family's view): Mum's word for him" in (
        history.marks.text()
    )


def test_a_mark_for_words_no_longer_there_is_not_saved(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    dialog = open_editor(qtbot, vault, case)
    dialog.form.fields.widgets["date"].setText("3/3/2025")
    summary = dialog.form.fields.widgets["summary"]
    assert isinstance(summary, QLineEdit)
    summary.setText("Mum is hostile")
    u = wait_checked(qtbot, dialog, "summary")
    hover(u, u.findings[0])
    answer_mark(qtbot, "Her own word about herself")
    qtbot.mouseClick(dialog.wording.card.accurate, Qt.MouseButton.LeftButton)
    assert len(dialog.form.marks.marks) == 1
    summary.setText("Mum was upset and said nobody was helping")
    nature = dialog.form.fields.widgets["nature"]  # "How do we know?" has no default
    nature.setCurrentIndex(nature.findData("family-account"))
    dialog.form.fields.widgets["no_source_reason"].setText("She told me herself")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    assert dialog.saved.wording_marks == ()


def test_marks_stay_with_a_kept_draft(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    dialog = open_editor(qtbot, vault, case)
    dialog.form.fields.widgets["summary"].setText("Mum is hostile")
    u = wait_checked(qtbot, dialog, "summary")
    hover(u, u.findings[0])
    answer_mark(qtbot, "Mum said it of herself")
    qtbot.mouseClick(dialog.wording.card.own_words, Qt.MouseButton.LeftButton)
    state = dialog.form.state()
    restored = EntryEditorDialog(None, vault, case.id, state=state)
    qtbot.addWidget(restored, before_close_func=lambda d: setattr(d, "_closing", True))
    restored.show()  # a shown dialog is closed (and forgotten) at the end of the test
    assert [m.reason for m in restored.form.marks.marks] == ["Mum said it of herself"]
