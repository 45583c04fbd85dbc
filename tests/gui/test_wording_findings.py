# mypy: disable-error-code="no-untyped-call"
"""The case-wide list of wording findings (F7) and the notice for what is going out."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.services.demo import write_demo
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.settings import example_support
from fftimeline.ui.dialogs import entry_editor
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.dialogs.export_dialog import ExportDialog
from fftimeline.ui.dialogs.print_dialog import PrintDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.safety_plans.plan_view import SafetyPlanView
from fftimeline.ui.widgets import editor_history
from fftimeline.ui.wording.findings_dialog import WordingFindingsDialog
from fftimeline.ui.wording.notice import WordingNotice
from tests.factories import family_view, make_entry, make_plan, passphrase

ISSUE = "Head of Year thinks Jayden is choosing to hang around with older boys"
ALL = Sharing(audiences=frozenset(Audience))


@pytest.fixture(autouse=True)
def _answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_editor.KeepDraftQuestion, "ask", classmethod(lambda *_a: "discard"))
    monkeypatch.setattr(
        editor_history.ReasonDialog, "ask", classmethod(lambda *_a: "Reworded after review")
    )


@pytest.fixture
def worded(vault: OpenVault, case: Case) -> list[Entry]:
    """Entries with findings, a clean one, quoted words and jargon; all shared with everyone."""
    return [
        vault.entries.add(case.id, make_entry(summary=ISSUE, sharing=ALL)),
        vault.entries.add(case.id, make_entry(summary="Seen near the park", sharing=ALL)),
        vault.entries.add(
            case.id,
            make_entry(
                summary="Talked at school",
                views=family_view('Jayden said "I chose to go back there".'),
                sharing=ALL,
            ),
        ),
        vault.entries.add(case.id, make_entry(summary="CLA review held", sharing=ALL)),
    ]


def when_modal(kind: type[QWidget], then: Callable[[QWidget], None]) -> None:
    """Run ``then`` on the next modal dialog of ``kind`` once it is open."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, check)
            return
        then(dialog)

    QTimer.singleShot(0, check)


def test_f7_lists_every_finding_and_enter_opens_its_entry(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    assert window.commands.wording.shortcut().toString() == "F7"
    seen: dict[str, object] = {}

    def fix_the_entry(editor: QWidget) -> None:
        assert isinstance(editor, EntryEditorDialog)
        seen["editing"] = editor.entry.id if editor.entry else None
        editor.form.fields.widgets["summary"].setText("Older boys are targeting Jayden")  # type: ignore[attr-defined]
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, WordingFindingsDialog)
        seen["summary"] = dialog.summary.text()
        seen["before"] = [row[:5] for row in dialog.rows()]
        when_modal(EntryEditorDialog, fix_the_entry)
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        seen["after"] = [row[:5] for row in dialog.rows()]
        seen["still open"] = dialog.isVisible()
        dialog.reject()

    when_modal(WordingFindingsDialog, review)
    window.commands.wording.trigger()
    assert seen["summary"] == (
        "3 wording findings in 2 entries. Double-click one, or press Enter, to open its entry."
    )
    assert seen["before"] == [
        ["14 March 2025", "What happened", "choosing to hang", "Says the child chose harm",
         "Strongly advised against"],
        ["14 March 2025", "What happened", "hang around with older boys",
         "Makes the child the one seeking out harmful adults", "Advised against"],
        ["14 March 2025", "What happened", "CLA review", "Uses 'LAC' or 'CLA'",
         "Worth a second look"],
    ]  # fmt: skip
    assert seen["editing"] == worded[0].id
    assert [row[2] for row in seen["after"]] == ["CLA review"]  # type: ignore[attr-defined]
    assert seen["still open"] is True
    assert window.selected_entry() is not None
    assert window.selected_entry().summary == "Older boys are targeting Jayden"  # type: ignore[union-attr]


def test_f7_lists_the_safety_plans_words_and_enter_opens_the_plan(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    vault.safety_plans.save(case.id, make_plan(agreed_with="Grace, who is hard to reach"))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, object] = {}

    def look_at_the_plan(view: QWidget) -> None:
        assert isinstance(view, SafetyPlanView)
        seen["plan"] = view.pane.toPlainText()
        view.reject()

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, WordingFindingsDialog)
        seen["summary"] = dialog.summary.text()
        seen["last"] = dialog.rows()[-1][:3]
        dialog.table.setCurrentCell(dialog.table.rowCount() - 1, 0)
        when_modal(SafetyPlanView, look_at_the_plan)
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        dialog.reject()

    when_modal(WordingFindingsDialog, review)
    window.commands.wording.trigger()
    assert seen["summary"] == (
        "4 wording findings in 2 entries and the safety plan. Double-click one, or press "
        "Enter, to open it."
    )
    assert seen["last"] == ["4 May 2024", "Who agreed the safety plan", "hard to reach"]
    assert "Grace, who is hard to reach" in str(seen["plan"])


def test_the_list_can_show_quoted_words_and_hides_names_when_asked(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    dialog = WordingFindingsDialog(vault, case.id, mask=lambda t: t.replace("Jayden", "J."))
    qtbot.addWidget(dialog)
    assert [r[2] for r in dialog.rows()] == [
        "choosing to hang",
        "hang around with older boys",
        "CLA review",
    ]
    dialog.show_closed.setChecked(True)
    rows = dialog.rows()
    assert [
        "14 March 2025",
        "The family's view",
        "chose to go",
        "Says the child chose harm",
        "A note",
    ] in [r[:5] for r in rows]
    assert not dialog.open_button.isEnabled()  # nothing to open entries with here


def test_the_notice_counts_the_entries_going_out_and_is_stronger_for_families(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    notice = WordingNotice(vault, case.id)
    qtbot.addWidget(notice)
    notice.show()
    ids = [e.id for e in worded]
    notice.show_for(ids, Audience.STRATEGY_MEETING)
    assert notice.text.text() == "2 wording findings in the entries going out."
    assert notice.review.isVisible() and not notice.icon.isVisible()
    assert not notice.text.font().bold()
    notice.show_for(ids, Audience.PARENTS)
    assert notice.text.text() == (
        "This document is for the family to read. 3 wording findings in the entries going "
        "out: please review the wording before it goes."
    )
    assert notice.icon.isVisible() and notice.text.font().bold()
    notice.show_for([worded[1].id], Audience.CHILD)
    assert notice.text.text() == "No wording findings in the entries going out."
    assert not notice.review.isVisible()


def test_review_lists_only_the_entries_going_out(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    notice = WordingNotice(vault, case.id)
    qtbot.addWidget(notice)
    notice.show_for([worded[3].id], Audience.PARENTS)
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, WordingFindingsDialog)
        seen["title"] = dialog.windowTitle()
        seen["words"] = [r[2] for r in dialog.rows()]
        dialog.reject()

    when_modal(WordingFindingsDialog, look)
    qtbot.mouseClick(notice.review, Qt.MouseButton.LeftButton)
    assert seen == {"title": "Wording in the entries going out", "words": ["CLA review"]}


def test_the_demo_vault_shows_a_real_problem_and_quoted_words(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "demo.fft"
    write_demo(path, passphrase(), actor="Sam Key")
    vault = open_vault(path, passphrase(), actor="Sam Key")
    try:
        jordan = next(s.case.id for s in vault.cases.summaries() if s.case.known_as == "Jords")
        dialog = WordingFindingsDialog(vault, jordan)
        qtbot.addWidget(dialog)
        assert [r[2:5] for r in dialog.rows()] == [
            ["choosing to hang", "Says the child chose harm", "Strongly advised against"],
            ["hang around with older boys", "Makes the child the one seeking out harmful adults",
             "Advised against"],
            ["putting himself at risk", "Puts the risk on the child", "Strongly advised against"],
        ]  # fmt: skip
        dialog.show_closed.setChecked(True)
        notes = [r[2] for r in dialog.rows() if r[4] == "A note"]
        assert "knows what he is doing" in notes
    finally:
        vault.close()


def test_the_export_dialog_counts_findings_in_what_goes_out(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    team_only = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))
    vault.entries.add(case.id, make_entry(summary="Mum is hostile.", sharing=team_only))
    dialog = ExportDialog(vault, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    choose_audience(dialog.audience, "strategy-meeting")
    assert dialog.wording.text.text() == "2 wording findings in the entries going out."
    choose_audience(dialog.audience, "parents-carers")
    assert dialog.wording.text.text().startswith("This document is for the family to read. 3 ")
    assert dialog.wording.review.isVisible()
    choose_audience(dialog.audience, "safeguarding-team")
    assert dialog.wording.text.text() == "3 wording findings in the entries going out."


def test_the_print_dialog_counts_findings_and_is_stronger_for_the_family(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    dialog = PrintDialog(vault, case.id, example_support)
    qtbot.addWidget(dialog)
    dialog.show()
    choose_audience(dialog.audience, "parents-carers")
    assert dialog.wording.text.text().startswith("This document is for the family to read. 3 ")
    assert dialog.wording.text.font().bold()
    choose_audience(dialog.audience, "police")
    assert dialog.wording.text.text() == "2 wording findings in the entries going out."


def test_the_print_notice_counts_the_safety_plan_when_it_goes_too(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry]
) -> None:
    vault.safety_plans.save(case.id, make_plan(agreed_with="Grace, who is hard to reach"))
    dialog = PrintDialog(vault, case.id, example_support)
    qtbot.addWidget(dialog)
    dialog.show()
    choose_audience(dialog.audience, "parents-carers")
    assert "3 wording findings" in dialog.wording.text.text()
    dialog.safety_plan.setChecked(True)
    assert "4 wording findings" in dialog.wording.text.text()
    listed: list[list[str]] = []

    def look(review: QWidget) -> None:
        assert isinstance(review, WordingFindingsDialog)
        listed.extend(review.rows())
        review.reject()

    when_modal(WordingFindingsDialog, look)
    dialog.wording.review.click()
    assert ["4 May 2024", "Who agreed the safety plan", "hard to reach"] in [
        row[:3] for row in listed
    ]
    dialog.safety_plan.setChecked(False)
    assert "3 wording findings" in dialog.wording.text.text()


def choose_audience(combo: QComboBox, slug: str) -> None:
    combo.setCurrentIndex(combo.findData(slug))


def test_the_case_is_checked_off_the_interface_thread(
    qtbot: QtBot, vault: OpenVault, case: Case, worded: list[Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    checked_in: list[str] = []
    real = vault.wording.case_findings

    def watched(*args: object, **kwargs: bool) -> object:
        checked_in.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(vault.wording, "case_findings", watched)
    dialog = WordingFindingsDialog(vault, case.id)
    qtbot.addWidget(dialog)
    assert len(dialog.rows()) == 3  # the real findings arrived
    assert checked_in and threading.main_thread().name not in checked_in
