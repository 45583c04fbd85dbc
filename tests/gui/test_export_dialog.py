"""The export dialog: preview per audience, manual redaction, protection, save and register."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from fftimeline.export.protect import decrypt_xlsx
from fftimeline.ui.dialogs.disclosures_dialog import DisclosuresDialog
from fftimeline.ui.dialogs.export_dialog import CustomAudienceDialog, ExportDialog
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


def test_leak_in_typed_text_stops_the_save(qtbot, vault, case, entries, tmp_path):
    dlg = _dialog(qtbot, vault, case, tmp_path)
    _fill(dlg)
    dlg.recipients.setText("Bugsy's lawyer")
    _save(dlg)
    assert dlg.problem.text().startswith("The export was stopped")
    assert "Bugsy" not in dlg.problem.text()
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
