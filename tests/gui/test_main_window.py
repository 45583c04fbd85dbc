"""The main window: the editor seam, the detail pane, locking and hiding names."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QWidget

from fftimeline.domain.cases import FamilyMember
from fftimeline.domain.entries import Entry
from fftimeline.services.vault import OpenVault
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.models.chronology_model import Column
from tests.factories import make_case, make_entry, make_person
from tests.gui.conftest import WITHHELD_NAME


def select_summary(window: MainWindow, summary: str) -> Entry:
    proxy = window.ui.proxy
    for row in range(proxy.rowCount()):
        if proxy.entry_at(row).summary == summary:
            window.ui.table.selectRow(row)
            return proxy.entry_at(row)
    raise AssertionError(f"{summary!r} is not in the table")


def table_summaries(window: MainWindow) -> list[str]:
    proxy = window.ui.proxy
    return [str(proxy.index(r, Column.SUMMARY).data()) for r in range(proxy.rowCount())]


def test_title_is_the_vault_file_name_never_a_child(window: MainWindow) -> None:
    assert window.windowTitle() == "work-chronologies.fft"
    assert "Jayden" not in window.windowTitle()


def test_ctrl_n_adds_an_entry_through_the_editor_and_it_appears(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, Entry | None]] = []

    def fake_ask(
        cls: Any, parent: QWidget, vault: OpenVault, case_id: int, entry: Entry | None = None
    ) -> Entry:
        calls.append((case_id, entry))
        return vault.entries.add(case_id, make_entry(summary="Missing overnight, found at a flat"))

    monkeypatch.setattr(EntryEditorDialog, "ask", classmethod(fake_ask))
    qtbot.keyClick(window.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert calls and calls[0][1] is None
    assert "Missing overnight, found at a flat" in table_summaries(window)
    assert window.selected_entry() is not None
    assert window.selected_entry().summary == "Missing overnight, found at a flat"  # type: ignore[union-attr]
    assert "5 entries" in window.ui.case_model.index(0).data()


def test_enter_opens_the_selected_entry_for_amending(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Entry | None] = []

    def fake_ask(
        cls: Any, parent: QWidget, vault: OpenVault, case_id: int, entry: Entry | None = None
    ) -> Entry | None:
        opened.append(entry)
        assert entry is not None
        draft = entry.draft().model_copy(update={"summary": "Seen getting into a grey car"})
        return vault.entries.amend(entry.id, draft, "Colour confirmed by CCTV")

    monkeypatch.setattr(EntryEditorDialog, "ask", classmethod(fake_ask))
    chosen = select_summary(window, "Seen getting into a car outside school")
    window.ui.table.setFocus()
    qtbot.keyClick(window.ui.table, Qt.Key.Key_Return)
    assert [e.id for e in opened if e] == [chosen.id]
    assert "Seen getting into a grey car" in table_summaries(window)
    assert "Version 2" in window.ui.detail.toPlainText()
    assert "Colour confirmed by CCTV" in window.ui.detail.toPlainText()


def test_cancelled_editor_changes_nothing(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(EntryEditorDialog, "ask", classmethod(lambda *a, **k: None))
    before = table_summaries(window)
    window.commands.new_entry.trigger()
    assert table_summaries(window) == before


def test_detail_pane_shows_the_whole_entry_but_never_a_withheld_name(
    window: MainWindow,
) -> None:
    select_summary(window, "Car seen at the flat most nights")
    text = window.ui.detail.toPlainText()
    assert "Source withheld (Naming them would put the source at risk)" in text
    assert WITHHELD_NAME not in text
    assert "No: Parents/carers (would alert those harming the child)" in text
    assert "Yes: Police" in text
    assert "Agrees: Mum says he told her it was a friend." in text


def test_detail_pane_shows_serious_risk_action_and_linked_person(window: MainWindow) -> None:
    select_summary(window, "Arrested with cash and two phones in Birmingham")
    text = window.ui.detail.toPlainText()
    assert "Serious risk" in text
    assert "Next action: Strategy meeting today (owner: Sam Key)" in text
    assert "Marcus Bell ('Bugsy') (Person)" in text


def test_serious_risk_row_shows_the_words(window: MainWindow) -> None:
    proxy = window.ui.proxy
    serious = [
        proxy.index(r, Column.SIGNIFICANCE).data()
        for r in range(proxy.rowCount())
        if "Arrested" in proxy.entry_at(r).summary
    ]
    assert serious == ["Serious risk"]


def test_clear_case_data_leaves_nothing_in_any_model(
    qtbot, window: MainWindow, entries: list[Entry]
) -> None:
    select_summary(window, "Arrested with cash and two phones in Birmingham")
    qtbot.keyClicks(window.ui.search, "car")
    window.clear_case_data()
    models: list[QAbstractItemModel] = [
        window.ui.case_model,
        window.ui.chronology_model,
        window.ui.proxy,
        window.ui.task_model,
        window.ui.filters.linked.model(),
    ]
    assert [m.rowCount() for m in models] == [0, 0, 0, 0, 1]  # "Any" only
    assert window.ui.filters.linked.itemText(0) == "Any"
    assert window.ui.detail.toPlainText() == ""
    assert window.ui.search.text() == ""
    assert window.ui.case_heading.text() == ""
    assert window.current_case_id is None
    assert not window.commands.new_entry.isEnabled()


def test_ctrl_l_asks_to_lock(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window.ui.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_hide_names_shows_initials_in_case_list_and_heading(qtbot, window: MainWindow) -> None:
    assert "Jayden Okafor (JJ)" in window.ui.case_model.index(0).data()
    with qtbot.waitSignal(window.hide_names_changed) as signal:
        window.commands.hide_names.trigger()
    assert signal.args == [True]
    assert window.ui.case_model.index(0).data().startswith("J. O.\n")
    assert "Jayden" not in window.ui.case_model.index(0).data()
    assert window.ui.case_heading.text() == "J. O."


def test_select_case_switches_the_chronology(window: MainWindow, vault: OpenVault) -> None:
    from tests.factories import make_case

    other = vault.cases.add(make_case(child_name="Mia Roberts", known_as=""))
    vault.entries.add(other.id, make_entry(summary="Mia's first entry"))
    window.refresh_cases()
    window.select_case(other.id)
    assert table_summaries(window) == ["Mia's first entry"]
    assert window.ui.case_heading.text() == "Mia Roberts"


def test_what_was_shared_opens_the_disclosure_register_for_the_case(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fftimeline.ui.dialogs.disclosures_dialog import DisclosuresDialog

    asked: list[int] = []
    monkeypatch.setattr(
        DisclosuresDialog,
        "ask",
        classmethod(lambda cls, parent, vault, case_id: asked.append(case_id)),
    )
    window.commands.disclosures.trigger()
    assert asked == [window.current_case_id]


def test_withdraw_marks_the_row_withdrawn(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fftimeline.ui.dialogs.retract_dialog import RetractDialog

    def fake_ask(cls: Any, parent: QWidget, vault: OpenVault, entry: Entry) -> Entry:
        return vault.entries.retract(entry.id, "Recorded on the wrong child's file")

    monkeypatch.setattr(RetractDialog, "ask", classmethod(fake_ask))
    select_summary(window, "Seen getting into a car outside school")
    window.commands.retract.trigger()
    assert "Withdrawn: Seen getting into a car outside school" in table_summaries(window)
    assert "Recorded on the wrong child's file" in window.ui.detail.toPlainText()


def test_hide_names_masks_the_child_in_the_table_and_detail_pane(
    qtbot, window: MainWindow, vault: OpenVault, entries: list[Entry]
) -> None:
    vault.entries.add(entries[0].case_id, make_entry(summary="JJ said Jayden Okafor was scared"))
    window.select_case(entries[0].case_id)
    select_summary(window, "JJ said Jayden Okafor was scared")
    window.commands.hide_names.trigger()
    assert "J. said J. O. was scared" in table_summaries(window)
    detail = window.ui.detail.toPlainText()
    assert "J. said J. O. was scared" in detail
    assert "Jayden" not in detail and "Okafor" not in detail
    window.commands.hide_names.trigger()
    assert "JJ said Jayden Okafor was scared" in table_summaries(window)


def test_tab_goes_from_the_search_box_to_the_table(qtbot, window: MainWindow) -> None:
    window.ui.search.setFocus()
    qtbot.keyClick(window.ui.search, Qt.Key.Key_Tab)
    assert window.ui.table.hasFocus()


def test_empty_vault_says_how_to_start(qtbot, vault: OpenVault) -> None:
    empty = MainWindow(vault)
    qtbot.addWidget(empty)
    assert empty.ui.case_model.rowCount() == 0
    assert empty.ui.case_heading.text() == "No cases yet: choose “New case…” to add a child."
    assert not empty.commands.new_entry.isEnabled()


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QDateEdit,
        QLineEdit,
        QTextEdit,
    )

    kinds = (QAbstractItemView, QComboBox, QDateEdit, QLineEdit, QTextEdit, QAbstractButton)
    unnamed = [
        w
        for kind in kinds
        for w in window.findChildren(kind)
        if w.isVisibleTo(window)
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and w.objectName() not in ("qt_toolbar_ext_button",)
        and type(w).__name__ not in ("QScrollBar", "QHeaderView")
    ]
    assert unnamed == []


def test_ctrl_e_opens_the_export_dialog_for_the_case(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fftimeline.ui.dialogs.export_dialog import ExportDialog

    asked: list[int] = []
    monkeypatch.setattr(
        ExportDialog,
        "ask",
        classmethod(lambda cls, parent, vault, case_id, **kw: asked.append(case_id)),
    )
    qtbot.keyClick(window.ui.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [window.current_case_id]


def test_hide_names_hides_third_parties_sources_and_the_family_too(
    qtbot, window: MainWindow, vault: OpenVault, entries: list[Entry]
) -> None:
    case_id = entries[0].case_id
    vault.cases.update(
        case_id, make_case(family=(FamilyMember(name="Grace Okafor", relationship="Mother"),))
    )
    summary = "Grace Okafor saw ZOE with Bugsy and Marcus Bell near Canary Neighbour Xq7"
    vault.links.save(case_id, make_person(name="Zoë Hart", nicknames=()))
    vault.entries.add(case_id, make_entry(summary=summary))
    window.refresh_cases()
    window.select_case(case_id)
    select_summary(window, summary)
    window.commands.hide_names.trigger()
    shown = "G. O. saw Z. with B. and M. B. near C. N. X."
    assert shown in table_summaries(window)
    detail = window.ui.detail.toPlainText()
    assert shown in detail
    for name in ("Grace", "Okafor", "ZOE", "Bugsy", "Marcus", "Bell", "Canary"):
        assert name not in detail and not any(name in s for s in table_summaries(window))
    linked = [window.ui.filters.linked.itemText(i) for i in range(window.ui.filters.linked.count())]
    assert not any("Marcus" in t or "Zoë" in t for t in linked)
    window.commands.hide_names.trigger()
    assert summary in table_summaries(window)


def test_every_toolbar_command_has_an_icon_beside_its_word(window: MainWindow) -> None:
    commands = window.commands
    for action in (commands.new_entry, commands.export, commands.print_, commands.lock):
        assert not action.icon().isNull(), action.text()


# A walk as a key worker would go: a serious risk becomes an overdue task, and the child's
# wish about sharing stops the parents' export until it is confirmed with a reason. ---------


def _answer_when_open(kind: type, answer: Any, tries: int = 200) -> list[object]:
    """Poll for a modal window of ``kind`` and answer it; the windows answered."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[object] = []

    def poll(left: int = tries) -> None:
        modal: Any = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            seen.append(modal)
            try:
                answer(modal)
            except AssertionError as failed:  # never leave a modal window waiting
                seen.append(failed)
                dialog: Any = modal
                dialog._closing = True  # no keep-draft question
                dialog.reject()
        elif left:
            QTimer.singleShot(25, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def _fill_editor(editor: EntryEditorDialog, values: dict[str, Any]) -> None:
    """Type, choose and tick as the key worker would; then save."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

    from fftimeline.ui.widgets.date_edit import DateEdit

    for key, value in values.items():
        widget = editor.form.fields.widgets[key]
        if isinstance(widget, DateEdit):
            widget.line.setText(value)
        elif isinstance(widget, QComboBox):
            assert widget.findData(value) >= 0, (key, value)
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
    assert editor.save_button.isEnabled(), editor.status.text()
    editor.save_button.click()


def test_a_serious_risk_entered_in_the_editor_becomes_an_overdue_task(
    qtbot, window: MainWindow, vault: OpenVault
) -> None:
    import datetime as dt

    from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog as Editor

    yesterday = dt.date.today() - dt.timedelta(days=1)
    before = dt.date.today() - dt.timedelta(days=3)
    seen = _answer_when_open(
        Editor,
        lambda editor: _fill_editor(
            editor,
            {
                "date": before.strftime("%d/%m/%Y"),
                "summary": "Missing overnight, found in another town",
                "nature": "observed-fact",
                "source_name": "Rita Hughes",
                "significance": "serious-risk",
                "next_action": "Return home interview",
                "next_action_owner": "Sam Key",
                "next_action_due": yesterday.strftime("%d/%m/%Y"),
            },
        ),
    )
    qtbot.keyClick(window.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1, [str(s) for s in seen]
    tasks = window.ui.task_model.tasks()
    [task] = [t for t in tasks if t.what == "Return home interview"]
    assert (task.owner, task.due) == ("Sam Key", yesterday)
    row = tasks.index(task)
    status = window.ui.task_model.index(row, 0).siblingAtColumn(_status_column()).data()
    assert status.endswith("overdue")
    assert "(1 overdue)" in window.ui.case_model.index(0).data()


def _status_column() -> int:
    from fftimeline.ui.models.task_model import TaskColumn

    return list(TaskColumn).index(TaskColumn.STATUS)


def test_the_childs_wish_stops_the_parents_export_until_a_reason_is_given(
    qtbot, window: MainWindow, vault: OpenVault, tmp_path
) -> None:
    from fftimeline.ui.dialogs.child_wish_dialog import ChildWishDialog
    from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog as Editor
    from fftimeline.ui.dialogs.export_dialog import ExportDialog

    _answer_when_open(
        Editor,
        lambda editor: _fill_editor(
            editor,
            {
                "date": "02/06/2025",
                "summary": "JJ told me older boys made him hold packages",
                "nature": "child-account",
                "source_name": "JJ",
                "view_pos:child": "agree",
                "view_text:child": "I want to tell Mum myself, when I am ready.",
                "wish_text": "JJ wants to tell his mum himself",
                "wish_not_parents-carers": True,
                "share_parents-carers": True,
            },
        ),
    )
    qtbot.keyClick(window.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    case_id = window.current_case_id
    assert case_id is not None
    [wished] = [e for e in vault.entries.entries(case_id) if e.child_wish is not None]
    assert wished.child_wish is not None
    assert [v.text for v in wished.views] == ["I want to tell Mum myself, when I am ready."]

    dialog = ExportDialog(vault, case_id)
    qtbot.addWidget(dialog)
    dialog.folder = tmp_path
    dialog.audience.setCurrentIndex(dialog.audience.findData("parents-carers"))
    dialog.recipients.setText("Grace Okafor")
    dialog.purpose.setText("Keeping Grace updated")
    dialog.file_name.setText("parents.xlsx")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)

    named: list[str] = []

    def keep_the_wish(asked: ChildWishDialog) -> None:
        named.append(asked.entries.text())
        asked.keep.click()

    kept = _answer_when_open(ChildWishDialog, keep_the_wish)
    save.click()
    assert kept and "JJ told me older boys made him hold packages" in named[0]
    assert "JJ wants to tell his mum himself" in named[0]
    assert dialog.problem.text() == "Not exported: the child's wish is kept."
    assert not (tmp_path / "parents.xlsx").exists()
    assert vault.disclosures.disclosures(case_id) == []

    def share_with_reason(asked: ChildWishDialog) -> None:
        asked.reason.setPlainText("JJ told his mum on Friday and asked us to share it now")
        asked.share.click()

    _answer_when_open(ChildWishDialog, share_with_reason)
    save.click()
    assert (tmp_path / "parents.xlsx").exists()
    [recorded] = vault.disclosures.disclosures(case_id)
    assert recorded.child_wish_entries == (wished.id,)
    assert recorded.child_wish_reason == "JJ told his mum on Friday and asked us to share it now"


def test_ctrl_t_starts_a_task_filled_from_the_selected_entry(
    qtbot, window: MainWindow, vault: OpenVault
) -> None:
    import datetime as dt

    from fftimeline.ui.dialogs.task_dialog import TaskDialog
    from fftimeline.ui.widgets.form_helpers import chosen_date

    read: list[tuple[str, str, dt.date | None, frozenset[int]]] = []

    def look_then_cancel(dialog: Any) -> None:
        read.append(
            (dialog.what.text(), dialog.owner.text(), chosen_date(dialog.due), dialog._entry_ids)
        )
        dialog.reject()

    serious = select_summary(window, "Arrested with cash and two phones in Birmingham")
    _answer_when_open(TaskDialog, look_then_cancel)
    qtbot.keyClick(window.ui.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    plain = select_summary(window, "Seen getting into a car outside school")
    _answer_when_open(TaskDialog, look_then_cancel)
    window.commands.new_task.trigger()  # the same command from the Entry menu
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert read == [
        # its next action is a task already: a follow-up, still due within 24 hours
        (f"Follow up: {serious.summary}", "Sam Key", tomorrow, frozenset({serious.id})),
        (f"Follow up: {plain.summary}", "Sam Key", None, frozenset({plain.id})),
    ]
