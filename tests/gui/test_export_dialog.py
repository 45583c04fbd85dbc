"""The export dialog: preview per audience, manual redaction, protection, save and register."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from fftimeline.domain.leaks import Finding, LeakFound
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.export.protect import decrypt_xlsx
from fftimeline.redaction.redact import RedactedChronology
from fftimeline.services import export as export_service
from fftimeline.services.export import manual_redactions
from fftimeline.ui.dialogs.disclosures_dialog import DisclosuresDialog
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.dialogs.export_dialog import CustomAudienceDialog, ExportDialog
from tests.factories import make_entry, make_plan
from tests.gui.conftest import WITHHELD_NAME


def _dialog(qtbot, vault, case, tmp_path):
    dlg = ExportDialog(vault, case.id)
    qtbot.addWidget(dlg)
    dlg.folder = tmp_path
    return dlg


def _fill(dlg, name="meeting.xlsx"):
    dlg.recipients.setText("Members of the strategy meeting")
    dlg.purpose.setText("Section 47 strategy meeting")
    dlg.file_name.setText(name)


def _select(dlg, summary):
    rows = dlg.preview.entries
    row = next(i for i in range(rows.count()) if summary in rows.item(i).text())
    rows.setCurrentRow(row)


def _save(dlg):
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_preview_shows_full_and_audience_side_by_side(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    assert dlg.audience.currentData() == "strategy-meeting"
    assert dlg.preview.counts.text().startswith("3 included, 1 left out")
    _select(dlg, "Arrested with cash")  # linked to Marcus Bell
    assert "Marcus Bell" not in dlg.preview.shown.toPlainText()
    assert "Strategy meeting" in dlg.preview.shown_title.text()
    _select(dlg, "Car seen at the flat")  # intelligence for police only
    assert dlg.preview.shown.toPlainText() == "Left out: not shared with this audience."
    assert WITHHELD_NAME in dlg.preview.full.toPlainText()
    _select(dlg, "Arrested with cash")
    dlg.grab().save(str(tmp_path / "export.png"))


def test_changing_audience_updates_counts(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    dlg.audience.setCurrentIndex(dlg.audience.findData("police"))
    assert dlg.preview.counts.text().startswith("1 included, 3 left out")
    assert dlg.child_name.isChecked() and not dlg.child_name.isEnabled()
    assert dlg.file_name.text().startswith("chronology-police-")


def test_redact_selection_hides_the_words(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _select(dlg, "getting into a car")
    pane = dlg.preview.shown
    start = pane.toPlainText().index("grey car")
    cursor = pane.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("grey car"), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    dlg.preview.redact_button.click()
    assert "grey car" not in dlg.preview.shown.toPlainText()
    assert "[redacted]" in dlg.preview.shown.toPlainText()
    assert "grey car" in dlg.preview.full.toPlainText()


def test_save_writes_file_shows_hash_and_records(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    _save(dlg)
    [disclosure] = vault.disclosures.disclosures(case.id)
    assert dlg.disclosure == disclosure
    assert disclosure.sha256 in dlg.result_label.text()
    assert str(tmp_path / "meeting.xlsx") in dlg.result_label.text()
    ws = load_workbook(tmp_path / "meeting.xlsx")["Chronology"]
    assert ws.max_row == 4
    dlg.grab().save(str(tmp_path / "export-saved.png"))


def test_missing_recipients_and_mismatched_passwords_are_said_plainly(
    qtbot, vault, case, entries, tmp_path
):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _save(dlg)
    assert dlg.problem.text() == "Say who will receive the file."
    _fill(dlg)
    dlg.protect.setChecked(True)
    assert "different route" in dlg.reminder.text()
    dlg.password.setText("harbour-kettle-9")
    dlg.password_again.setText("harbour-kettle-8")
    _save(dlg)
    assert dlg.problem.text() == "The two passwords are not the same."
    assert vault.disclosures.disclosures(case.id) == []
    assert not (tmp_path / "meeting.xlsx").exists()


def test_protected_save_opens_only_with_password(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    dlg.protect.setChecked(True)
    dlg.password.setText("harbour-kettle-9")
    dlg.password_again.setText("harbour-kettle-9")
    _save(dlg)
    data = (tmp_path / "meeting.xlsx").read_bytes()
    assert decrypt_xlsx(data, "harbour-kettle-9") is not None
    assert decrypt_xlsx(data, "harbour-kettle-8") is None
    assert dlg.password.text() == ""


def test_names_typed_in_the_recipients_are_replaced_on_the_cover(
    qtbot, vault, case, entries, tmp_path
):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    dlg.recipients.setText("Bugsy's lawyer")
    _save(dlg)
    cover = [
        c.value
        for row in load_workbook(tmp_path / "meeting.xlsx")["Cover"].iter_rows()
        for c in row
    ]
    assert "An adult male's lawyer" in cover


def test_leak_in_typed_text_stops_the_save(qtbot, vault, case, entries, tmp_path, monkeypatch):
    # A redaction that missed the recipients: the leak check must stop the save.
    monkeypatch.setattr(RedactedChronology, "redact_text", lambda self, text: text)
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    dlg.recipients.setText("Bugsy's lawyer")
    _save(dlg)
    assert not dlg.findings.isHidden()
    assert dlg.findings.summary.text().startswith("The export was stopped")
    assert "Bugsy" not in dlg.findings.summary.text()
    assert dlg.disclosure is None and not (tmp_path / "meeting.xlsx").exists()


def test_disclosures_dialog_lists_the_register(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    _save(dlg)
    register = DisclosuresDialog(vault, case.id)
    qtbot.addWidget(register)
    table = register.table
    assert table.rowCount() == 1
    cells = [table.model().index(0, c).data() for c in range(table.columnCount())]
    assert "Strategy meeting" in cells and "Members of the strategy meeting" in cells
    assert "3" in cells and "meeting.xlsx" in cells
    register.grab().save(str(tmp_path / "disclosures.png"))


def test_new_audience_is_saved_and_chosen(qtbot, vault, case, entries, tmp_path, monkeypatch):
    def fill(parent):
        form = CustomAudienceDialog(parent)
        form.name.setText("Youth justice")
        form.base.setCurrentIndex(form.base.findData("strategy-meeting"))
        form.fields.item(1).setCheckState(Qt.CheckState.Checked)  # the full account
        form._check()
        return form.profile

    monkeypatch.setattr(CustomAudienceDialog, "ask", staticmethod(fill))
    dlg = _dialog(qtbot, vault, case, tmp_path)
    dlg.new_audience.click()
    assert dlg.audience.currentText() == "Youth justice"
    assert dlg.preview.counts.text().startswith("3 included")
    again = _dialog(qtbot, vault, case, tmp_path)
    assert again.audience.findData("custom-youth-justice") >= 0


def test_a_new_audience_named_after_a_protected_person_is_refused_calmly(
    qtbot, vault, case, entries, tmp_path, monkeypatch
):
    def fill(parent):
        form = CustomAudienceDialog(parent)
        form.name.setText(f"{WITHHELD_NAME}'s panel")
        form._check()
        return form.profile

    monkeypatch.setattr(CustomAudienceDialog, "ask", staticmethod(fill))
    dlg = _dialog(qtbot, vault, case, tmp_path)
    before = dlg.audience.count()
    dlg.new_audience.click()
    assert dlg.audience.count() == before
    assert "names someone we must protect" in dlg.problem.text()
    dlg.grab().save(str(tmp_path / "refused-audience.png"))


def test_custom_audience_needs_a_name(qtbot):
    form = CustomAudienceDialog()
    qtbot.addWidget(form)
    form._check()
    assert form.profile is None and form.problem.text() == "Give the audience a name."


def test_selecting_a_replaced_name_says_it_cannot_be_redacted(
    qtbot, vault, case, entries, tmp_path
):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _select(dlg, "getting into a car")
    pane = dlg.preview.shown
    start = pane.toPlainText().index("J. O. was")
    cursor = pane.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("J. O. was"), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    dlg.preview.redact_button.click()
    assert dlg.problem.text().startswith("Those words are not in the entry as recorded")


def test_changing_audience_keeps_the_window_answering(qtbot, vault, case, entries, monkeypatch):
    """The preview is worked out off the interface thread: timers keep firing meanwhile."""
    import time

    from PySide6.QtCore import QTimer

    from fftimeline.services.export import preview

    dialog = ExportDialog(vault, case.id)
    qtbot.addWidget(dialog)

    def slower(*args, **kwargs):
        time.sleep(0.6)  # as a 2,000-entry case takes on a slow laptop
        return preview(*args, **kwargs)

    monkeypatch.setattr("fftimeline.ui.dialogs.export_dialog.preview", slower)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    dialog.audience.setCurrentIndex(dialog.audience.findData("police"))
    timer.stop()
    assert len(ticks) >= 10
    assert dialog.preview.counts.text().startswith("1 included, 3 left out")  # it arrived


def test_the_preview_highlights_every_replacement(qtbot, vault, case, entries, tmp_path):
    vault.entries.add(case.id, make_entry(summary="Bugsy met Jayden at Marcus Bell's flat"))
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _select(dlg, "met Jayden")
    shown = dlg.preview.shown.toPlainText()
    assert "An adult male met J. O. at an adult male's flat" in shown
    assert dlg.preview.marked_texts()[:3] == ["An adult male", "J. O.", "an adult male's"]
    assert "highlighted and underlined" in dlg.preview.counts.text()
    dlg.resize(1000, 680)
    dlg.grab().save(str(tmp_path / "export-highlights.png"))


def _stop_once(monkeypatch, value="Seen getting into a car"):
    """The export's scan step reports ``value`` in the first entry, once; then passes."""
    real = export_service.render_checked
    calls: list[int] = []

    def scan(cover, chron, file_name, check, plan=None):
        calls.append(1)
        if len(calls) > 1:
            return real(cover, chron, file_name, check, plan)
        entry = chron.entries[0]
        found = Finding(value, "a name the strategy meeting must not see", "what happened",
                        entry.entry_id, entry.date_words)  # fmt: skip
        raise LeakFound([found.place], [found])

    monkeypatch.setattr(export_service, "render_checked", scan)
    return calls


def test_a_stop_lists_findings_without_the_words_until_asked(
    qtbot, vault, case, entries, tmp_path, monkeypatch
):
    _stop_once(monkeypatch)
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    _save(dlg)
    panel = dlg.findings
    assert not panel.isHidden() and dlg.disclosure is None
    [sentence] = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert sentence == (
        "A name the strategy meeting must not see is in the entry of 14 March 2025 "
        f"(entry {entries[0].id}), what happened."
    )
    assert "Seen getting" not in sentence
    panel.show_words.setChecked(True)
    assert panel.list.item(0).text().startswith("Seen getting into a car, a name the strategy")
    dlg.resize(1000, 680)
    dlg.grab().save(str(tmp_path / "export-stopped.png"))


def test_hide_these_words_redacts_them_and_checks_again(
    qtbot, vault, case, entries, tmp_path, monkeypatch
):
    calls = _stop_once(monkeypatch)
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    _save(dlg)
    dlg.findings.hide_words.click()
    [span] = manual_redactions(vault, case.id).spans
    assert (span.entry_id, span.audience, span.text) == (
        entries[0].id,
        "strategy-meeting",
        "Seen getting into a car",
    )
    assert len(calls) == 2  # checked again, without writing
    assert "Checked again" in dlg.findings.summary.text()
    _select(dlg, "getting into a car")
    assert "Seen getting into a car" not in dlg.preview.shown.toPlainText()
    assert not (tmp_path / "meeting.xlsx").exists()
    _save(dlg)
    assert dlg.disclosure is not None and (tmp_path / "meeting.xlsx").exists()


def test_open_the_entry_then_checks_again(qtbot, vault, case, entries, tmp_path, monkeypatch):
    calls = _stop_once(monkeypatch)
    opened: list[int] = []

    def fake_ask(cls, parent, vault_, case_id, entry=None):
        opened.append(entry.id)
        return vault_.entries.amend(entry.id, make_entry(summary="Got into a car"), "Reworded")

    monkeypatch.setattr(EntryEditorDialog, "ask", classmethod(fake_ask))
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    _save(dlg)
    dlg.findings.open_entry.click()
    assert opened == [entries[0].id] and len(calls) == 2
    assert "Checked again" in dlg.findings.summary.text()


def test_the_words_are_never_shown_while_names_are_hidden(
    qtbot, vault, case, entries, tmp_path, monkeypatch
):
    _stop_once(monkeypatch)
    dlg = ExportDialog(vault, case.id, mask=vault.people.screen_mask(case.id))
    qtbot.addWidget(dlg)
    dlg.folder = tmp_path
    _fill(dlg)
    _save(dlg)
    assert not dlg.findings.show_words.isEnabled()
    dlg.findings.show_words.setChecked(True)
    assert "Seen getting" not in dlg.findings.list.item(0).text()


def test_grading_is_offered_to_a_strategy_meeting_only(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    assert dlg.grading.isEnabled() and not dlg.grading.isChecked()
    dlg.grading.setChecked(True)
    assert dlg.request().show_grading
    dlg.audience.setCurrentIndex(dlg.audience.findData("parents-carers"))
    assert not dlg.grading.isEnabled() and not dlg.request().show_grading


def test_the_safety_plan_is_added_on_its_own_sheet_when_it_may_go(
    qtbot, vault, case, entries, tmp_path
):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    assert not dlg.safety_plan.isEnabled()  # no plan yet
    team_only = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))
    vault.safety_plans.save(case.id, make_plan(sharing=team_only))
    dlg = _dialog(qtbot, vault, case, tmp_path)
    assert not dlg.safety_plan.isEnabled()
    assert "not marked as safe to share" in dlg.safety_plan.toolTip()
    dlg.audience.setCurrentIndex(dlg.audience.findData("safeguarding-team"))
    assert dlg.safety_plan.isEnabled()
    dlg.safety_plan.setChecked(True)
    _fill(dlg)
    _save(dlg)
    sheet = load_workbook(tmp_path / "meeting.xlsx")["Safety plan"]
    assert sheet["B3"].value == "Grace Okafor and Jayden"
    assert [c.value for c in sheet[7]] == ["Jayden home by 9pm", "Grace Okafor", None]
