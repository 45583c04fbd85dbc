"""The main window's keyboard use, table layout and hidden names, and the export dialog's fit.

Covered: Tab leaving the tables, Enter opening a task, the columns at
1280 and 1024 pixels, the export dialog's height, Esc asking before typing is lost, hidden
names in the task list and the export preview, undoing a manual redaction, plain words after
saving, the search highlight's "…", and the padlock and clock icons.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QStyle, QWidget

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.services.vault import OpenVault
from fftimeline.ui import icons
from fftimeline.ui.dialogs.disclosures_dialog import DisclosuresDialog
from fftimeline.ui.dialogs.export_dialog import ExportDialog
from fftimeline.ui.dialogs.task_dialog import TaskDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.models.chronology_model import Column
from fftimeline.ui.models.task_model import TaskColumn
from fftimeline.ui.widgets import form_helpers
from fftimeline.ui.widgets.highlight_delegate import ELLIPSIS, marked_document
from tests.factories import make_entry, make_task


def _image(icon: QIcon) -> QImage:
    return icon.pixmap(32, 32).toImage()


def _export(qtbot, vault: OpenVault, case: Case, tmp_path, **kw: Any) -> ExportDialog:
    dlg = ExportDialog(vault, case.id, **kw)
    qtbot.addWidget(dlg)
    dlg.folder = tmp_path
    return dlg


def _select_entry(dlg: ExportDialog, summary: str) -> None:
    rows = dlg.preview.entries
    rows.setCurrentRow(next(i for i in range(rows.count()) if summary in rows.item(i).text()))


def _select_words(pane: Any, words: str) -> None:
    start = pane.toPlainText().index(words)
    cursor = pane.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


# Item 1: Tab leaves the tables; Enter opens a task -------------------------------------
def test_tab_moves_from_the_chronology_to_the_tasks_and_on(
    qtbot, window: MainWindow, vault: OpenVault, case: Case
) -> None:
    vault.tasks.add(case.id, make_task())
    window.select_case(case.id)
    assert not window.ui.table.tabKeyNavigation()
    assert not window.ui.task_panel.view.tabKeyNavigation()
    window.ui.table.setFocus()
    window.ui.table.selectRow(0)
    qtbot.keyClick(window.ui.table, Qt.Key.Key_Tab)
    assert window.ui.task_panel.view.hasFocus()
    qtbot.keyClick(window.ui.task_panel.view, Qt.Key.Key_Tab)
    assert window.ui.task_panel.new_button.hasFocus()


def test_enter_on_a_task_opens_it_for_editing(
    qtbot, window: MainWindow, vault: OpenVault, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = vault.tasks.add(case.id, make_task(what="Return home interview"))
    window.select_case(case.id)
    opened: list[Any] = []

    def fake_ask(cls: Any, parent: QWidget, vault: OpenVault, case_id: int, *a: Any) -> None:
        opened.append(a[0] if a else None)

    monkeypatch.setattr(TaskDialog, "ask", classmethod(fake_ask))
    view = window.ui.task_panel.view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [t.id for t in opened] == [task.id]


# Item 4: the columns at 1280 and 1024 pixels ---------------------------------------------
def _cut(window: MainWindow, column: Column) -> list[str]:
    """Texts of a column wider than their cell (they would end in "…")."""
    table, proxy = window.ui.table, window.ui.proxy
    metrics = table.fontMetrics()
    room = table.horizontalHeader().sectionSize(column) - 8
    texts = [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]
    return [t for t in texts if metrics.horizontalAdvance(t) > room]


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1024, 700)])
def test_what_happened_gets_the_room_and_kind_and_sharing_fit(
    qtbot, window: MainWindow, vault: OpenVault, case: Case, width: int, height: int, tmp_path: Path
) -> None:
    vault.entries.add(case.id, make_entry(summary="Information from the school office"))
    window.select_case(case.id)
    window.resize(width, height)
    qtbot.wait(20)
    header = window.ui.table.horizontalHeader()
    char = window.ui.table.fontMetrics().averageCharWidth()
    summary = header.sectionSize(Column.SUMMARY)
    assert summary >= (40 if width >= 1280 else 20) * char
    assert _cut(window, Column.KIND) == []
    assert _cut(window, Column.SHARING) == []
    assert _cut(window, Column.DATE) == []
    assert window.ui.table.horizontalScrollBar().maximum() == 0  # every column on screen
    window.grab().save(str(tmp_path / f"main-window-{width}.png"))


def test_kind_and_sharing_are_short_in_the_table_and_whole_in_the_tip(
    window: MainWindow, entries: list[Entry]
) -> None:
    proxy = window.ui.proxy
    row = next(r for r in range(proxy.rowCount()) if "Car seen" in proxy.entry_at(r).summary)
    sharing = proxy.index(row, Column.SHARING)
    assert sharing.data() == "Team, Police"
    tip = sharing.data(Qt.ItemDataRole.ToolTipRole)
    assert "Yes: Police" in tip and "No: Parents/carers" in tip
    arrested = next(r for r in range(proxy.rowCount()) if "Arrested" in proxy.entry_at(r).summary)
    assert proxy.index(arrested, Column.SHARING).data() == "Team, Strategy"
    kind = proxy.index(row, Column.KIND)
    assert (kind.data(), kind.data(Qt.ItemDataRole.ToolTipRole)) == ("Intelligence", "Intelligence")
    header = proxy.headerData(Column.SHARING, Qt.Orientation.Horizontal)
    assert "\n" in header  # two lines, so the column can stay narrow
    tip = proxy.headerData(Column.SHARING, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Safe to share with"


# Item 5: the export dialog fits a 768-pixel screen ------------------------------------------
def test_export_dialog_fits_a_768_pixel_screen(qtbot, vault, case, entries, tmp_path) -> None:
    dlg = _export(qtbot, vault, case, tmp_path)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.height() <= 700
    assert dlg.minimumSizeHint().height() <= 680
    save = dlg.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.mapTo(dlg, save.rect().bottomLeft()).y() <= dlg.height()
    assert dlg.preview.full.height() >= 100  # room to read the entry
    assert not dlg.password.isVisibleTo(dlg)  # shown only when protecting
    dlg.protect.setChecked(True)
    assert dlg.password.isVisibleTo(dlg)
    dlg.grab().save(str(tmp_path / "export-dialog.png"))


# Item 6: Esc asks before throwing typing away -------------------------------------------------
def test_esc_in_the_export_dialog_asks_before_losing_typing(
    qtbot, vault, case, entries, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[bool] = []
    asked: list[QWidget] = []

    def fake_ask(parent: QWidget) -> bool:
        asked.append(parent)
        return answers.pop(0)

    monkeypatch.setattr(form_helpers, "ask_discard_changes", fake_ask)
    dlg = _export(qtbot, vault, case, tmp_path)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert asked == [] and not dlg.isVisible()
    dlg.show()
    dlg.recipients.setText("Members of the strategy meeting")
    answers.append(False)  # "Carry on editing"
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dlg.isVisible()
    assert dlg.recipients.text() == "Members of the strategy meeting"
    answers.append(False)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(asked) == 2 and dlg.isVisible()
    answers.append(True)  # "Discard"
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert len(asked) == 3 and not dlg.isVisible()
    dlg.show()
    dlg.reject()  # locking closes without a question
    assert len(asked) == 3 and not dlg.isVisible()


# Item 8: "Hide names" reaches the task list and the export preview ----------------------------
def test_hide_names_masks_tasks_and_the_export_preview(
    qtbot, window: MainWindow, vault: OpenVault, case: Case, monkeypatch, tmp_path
) -> None:
    vault.tasks.add(case.id, make_task(what="Ask Jayden about the car"))
    window.select_case(case.id)
    window.commands.hide_names.trigger()
    model = window.ui.task_model
    texts = [model.index(r, TaskColumn.WHAT).data() for r in range(model.rowCount())]
    assert "Ask J. about the car" in texts
    assert not any("Jayden" in str(t) for t in texts)
    masks: list[Any] = []
    monkeypatch.setattr(
        ExportDialog,
        "ask",
        classmethod(lambda cls, parent, vault, case_id, mask: masks.append(mask)),
    )
    window.commands.export.trigger()
    assert masks and masks[0]("Jayden Okafor") == "J. O."
    window.commands.hide_names.trigger()
    assert "Ask Jayden about the car" in [
        model.index(r, TaskColumn.WHAT).data() for r in range(model.rowCount())
    ]


def test_export_preview_full_entry_shows_initials_when_names_are_hidden(
    qtbot, vault: OpenVault, case: Case, tmp_path
) -> None:
    vault.entries.add(case.id, make_entry(summary="Jayden Okafor said he was scared"))
    dlg = _export(qtbot, vault, case, tmp_path, mask=vault.people.screen_mask(case.id))
    _select_entry(dlg, "said he was scared")
    everything = dlg.preview.full.toPlainText() + dlg.preview.shown.toPlainText()
    everything += " ".join(
        dlg.preview.entries.item(i).text() for i in range(dlg.preview.entries.count())
    )
    assert "J. O. said he was scared" in dlg.preview.full.toPlainText()
    assert "Jayden" not in everything and "Okafor" not in everything


# Item 10: keyboard selection, and manual redactions listed and removable ----------------------
def test_a_manual_redaction_is_listed_and_can_be_removed(
    qtbot, vault, case, entries, tmp_path
) -> None:
    dlg = _export(qtbot, vault, case, tmp_path)
    flags = dlg.preview.shown.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert dlg.preview.full.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    _select_entry(dlg, "getting into a car")
    assert not dlg.preview.remove_button.isEnabled()
    _select_words(dlg.preview.shown, "grey car")
    dlg.preview.redact_button.click()
    assert "grey car" not in dlg.preview.shown.toPlainText()
    assert [dlg.preview.redactions.item(i).text() for i in range(dlg.preview.redactions.count())]
    assert dlg.preview.redactions.item(0).text() == "grey car"
    dlg.audience.setCurrentIndex(dlg.audience.findData("police"))  # not hidden from police
    assert dlg.preview.redactions.item(0).text() != "grey car"
    dlg.audience.setCurrentIndex(dlg.audience.findData("strategy-meeting"))
    _select_entry(dlg, "getting into a car")
    assert dlg.preview.remove_button.isEnabled()
    dlg.preview.remove_button.click()
    assert "grey car" in dlg.preview.shown.toPlainText()
    assert dlg.preview.redactions.item(0).text() != "grey car"
    assert not dlg.preview.remove_button.isEnabled()


# Item 11: plain words after saving, the folder before, the hash out of the way -----------------
def test_save_says_where_and_what_was_shared_in_plain_words(
    qtbot, vault, case, entries, tmp_path
) -> None:
    dlg = _export(qtbot, vault, case, tmp_path)
    dlg.file_name.setText("meeting.xlsx")
    assert str(tmp_path) in dlg.where.text()  # the whole folder, before saving
    dlg.recipients.setText("Members of the strategy meeting")
    dlg.purpose.setText("Section 47 strategy meeting")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    text = dlg.result_label.text()
    assert "Recorded in What was shared (the disclosure register)." in text
    assert "recorded in the register" not in text
    [disclosure] = vault.disclosures.disclosures(case.id)
    assert disclosure.sha256 in text.splitlines()[-1]  # kept, as a details line
    assert text.splitlines()[-1].startswith("Details:")


def test_disclosure_register_keeps_by_on_screen_and_the_hash_in_a_tip(
    qtbot, vault, case, entries, tmp_path
) -> None:
    dlg = _export(qtbot, vault, case, tmp_path)
    dlg.recipients.setText("Members of the strategy meeting")
    dlg.purpose.setText("Section 47 strategy meeting " * 6)
    dlg.file_name.setText("meeting.xlsx")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    [disclosure] = vault.disclosures.disclosures(case.id)
    register = DisclosuresDialog(vault, case.id)
    qtbot.addWidget(register)
    register.show()
    qtbot.waitExposed(register)
    table = register.table
    headers = [
        str(table.model().headerData(c, Qt.Orientation.Horizontal))
        for c in range(table.columnCount())
    ]
    assert "SHA-256" not in headers
    by = headers.index("By")
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(by) + 20 <= table.viewport().width()
    file_tip = table.model().index(0, headers.index("File")).data(Qt.ItemDataRole.ToolTipRole)
    assert disclosure.sha256 in file_tip


# Item 13: a marked search hit too long for its cell ends in "…" -----------------------------
def test_marked_text_is_cut_with_an_ellipsis_to_the_cell_width(qtbot) -> None:
    font = QFont()
    pattern = re.compile("birmingham", re.IGNORECASE)
    text = "Arrested with cash and two phones in Birmingham after a long chase " * 3
    doc = marked_document(text, pattern, font, 200)
    assert doc.toPlainText().endswith(ELLIPSIS)
    assert doc.idealWidth() <= 200
    short = marked_document("Seen in Birmingham", pattern, font, 400)
    assert short.toPlainText() == "Seen in Birmingham"


# Item 14: a padlock for Lock, a clock for overdue -----------------------------------------------
def test_lock_is_not_a_red_cross_and_overdue_is_not_the_risk_triangle(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    stop = app.style().standardIcon(QStyle.StandardPixmap.SP_BrowserStop)
    assert not icons.lock().isNull()
    assert _image(icons.lock()) != _image(stop)
    assert not icons.overdue().isNull()
    assert _image(icons.overdue()) != _image(icons.serious_risk())


def test_sharing_reads_in_few_words_never_by_colour(vault: OpenVault, case: Case) -> None:
    from fftimeline.domain.sharing import Audience, Sharing
    from fftimeline.ui.models.entry_text import sharing_text

    def shared(*audiences: Audience) -> str:
        draft = make_entry(sharing=Sharing(audiences=frozenset(audiences)))
        return sharing_text(vault.entries.add(case.id, draft))

    assert shared(*Audience) == "All five"
    assert shared(*(a for a in Audience if a is not Audience.POLICE)) == "All but Police"
    assert shared(Audience.SAFEGUARDING_TEAM) == "Team"
    assert shared() == "Nobody else"
