"""The main window: cases on the left, the chronology in the middle, the entry on the right.

Slots here stay short: read the selection, call one service on the open vault, show the
result. Models only hold what is on screen, and `clear_case_data` empties all of them when
the vault locks, so nothing about a child stays in memory behind a locked screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QClipboard, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget
from typing_extensions import override

from fftimeline.domain.closing import CaseClosed, CaseClosure
from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry
from fftimeline.domain.errors import DomainError
from fftimeline.domain.people import Linked
from fftimeline.domain.tasks import TaskSuggestion, suggested_task
from fftimeline.settings import example_support
from fftimeline.ui.clipboard import SensitiveClipboard
from fftimeline.ui.dialogs.case_dialog import CaseDialog
from fftimeline.ui.dialogs.close_case_dialog import CloseCaseDialog
from fftimeline.ui.dialogs.disclosures_dialog import DisclosuresDialog
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.dialogs.export_dialog import ExportDialog
from fftimeline.ui.dialogs.handover_dialog import HandoverDialog
from fftimeline.ui.dialogs.handover_import_dialog import HandoverImportDialog
from fftimeline.ui.dialogs.history_dialog import HistoryDialog
from fftimeline.ui.dialogs.print_dialog import PrintDialog, SupportList
from fftimeline.ui.dialogs.purge_case_dialog import PurgeCaseDialog
from fftimeline.ui.dialogs.register_dialog import RegisterDialog
from fftimeline.ui.dialogs.retract_dialog import RetractDialog
from fftimeline.ui.dialogs.support_offer_dialog import SupportOfferDialog
from fftimeline.ui.dialogs.task_dialog import TaskDialog
from fftimeline.ui.meetings.meeting_dialog import MeetingDialog
from fftimeline.ui.models import entry_text as words
from fftimeline.ui.models.case_list_model import case_name, closed_words
from fftimeline.ui.models.entry_text import NameMask, no_mask
from fftimeline.ui.safety_plans.plan_view import SafetyPlanView
from fftimeline.ui.widgets.main_actions import build_actions
from fftimeline.ui.widgets.main_layout import MainLayout
from fftimeline.ui.wording.findings_dialog import WordingFindingsDialog

if TYPE_CHECKING:
    from fftimeline.domain.tasks import Task
    from fftimeline.services.vault import OpenVault

_T = TypeVar("_T")
SEARCH_LIMIT = 100_000
"""Most search results asked for at once: enough for every entry of a very large case."""


class MainWindow(QMainWindow):
    """The key person's daily view of an open vault."""

    lock_requested = Signal()
    """Ctrl+L or the Lock button: the app should lock the vault now."""
    hide_names_changed = Signal(bool)
    """The "Hide names" switch changed (the app may remember it in its settings)."""

    def __init__(
        self,
        vault: OpenVault,
        *,
        support: SupportList = example_support,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._support = support
        self._case_id: int | None = None
        self._links: dict[int, Linked] = {}
        self._tasks: list[Task] = []
        self._mask: NameMask = no_mask
        self.commands = build_actions(self)
        self.ui = MainLayout(self, self.commands)
        self.clipboard = SensitiveClipboard(self)
        self.setWindowTitle(vault.path.name)
        self._connect()
        self.refresh_cases()
        first = self.ui.case_model.index(0)
        if first.isValid():
            self.ui.case_panel.view.setCurrentIndex(first)
        else:
            self._show_names()
        self._update_actions()

    # Seam with app.py ----------------------------------------------------------
    def select_case(self, case_id: int) -> None:
        """Show a case's chronology (reloading it if it is already shown)."""
        if self.ui.case_panel.current_case_id() == case_id:
            self._load_case(case_id)
        elif not self.ui.case_panel.select(case_id):
            self._show_problem(self.tr("That case is not in this vault."))

    def clear_case_data(self) -> None:
        """Empty every model, the detail pane, the tasks and the search box (on lock)."""
        self._case_id = None
        self._links = {}
        self._tasks = []
        self._mask = no_mask  # its pattern holds the child's names
        self.ui.chronology_model.set_mask(no_mask)
        self.ui.task_model.set_mask(no_mask)
        self.ui.search.reset()
        self.ui.delegate.set_query("")
        self.ui.proxy.set_match_ids(None)
        self.ui.filters.forget()
        self.ui.chronology_model.clear()
        self.ui.task_model.clear()
        self.ui.case_model.clear()
        self.ui.detail.show_nothing()
        self.ui.case_heading.clear()
        self.statusBar().clearMessage()
        self.clipboard.clear_ours()
        self._update_actions()

    def set_hide_names(self, hide: bool) -> None:
        """Show initials instead of children's names (the app restores the saved choice)."""
        self.commands.hide_names.setChecked(hide)

    @property
    def current_case_id(self) -> int | None:
        """The case shown now, if any."""
        return self._case_id

    def selected_entry(self) -> Entry | None:
        """The entry selected in the table, if any."""
        index = self.ui.table.currentIndex()
        if not index.isValid() or not self.ui.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.ui.proxy.entry_at(index.row())

    # Wiring --------------------------------------------------------------------
    def _connect(self) -> None:
        a, ui = self.commands, self.ui
        a.new_entry.triggered.connect(self._new_entry)
        a.open_entry.triggered.connect(self._open_entry)
        a.history.triggered.connect(self._show_history)
        a.retract.triggered.connect(self._retract)
        a.export.triggered.connect(self._export)
        a.print_.triggered.connect(self._print)
        a.disclosures.triggered.connect(self._show_disclosures)
        a.lock.triggered.connect(self.lock_requested)
        a.find.triggered.connect(self._focus_search)
        a.filters.toggled.connect(ui.filters.setVisible)
        a.hide_names.toggled.connect(self._hide_names)
        a.new_case.triggered.connect(self._new_case)
        a.edit_case.triggered.connect(self._edit_case)
        a.register.triggered.connect(self._edit_register)
        a.new_task.triggered.connect(self._new_task)
        a.copy_entry.triggered.connect(self._copy_entry)
        a.hand_over.triggered.connect(self._hand_over)
        a.import_handover.triggered.connect(self._import_handover)
        a.close_case.triggered.connect(self._close_case)
        a.purge_case.triggered.connect(self._purge_case)
        ui.detail.selection_copied.connect(self._selection_copied)
        a.wording.triggered.connect(self._check_wording)
        a.new_meeting.triggered.connect(self._new_meeting)
        a.support_offered.triggered.connect(self._support_offered)
        a.safety_plan.triggered.connect(self._safety_plan)
        ui.case_panel.safety_plan_requested.connect(self._safety_plan)
        ui.case_panel.case_selected.connect(self._case_chosen)
        ui.case_panel.new_requested.connect(self._new_case)
        ui.case_panel.edit_requested.connect(self._edit_case)
        ui.case_panel.register_requested.connect(self._edit_register)
        ui.task_panel.new_requested.connect(self._new_task)
        ui.task_panel.edit_requested.connect(self._edit_task)
        ui.search.search_requested.connect(self._search)
        ui.filters.filter_changed.connect(self._filters_changed)
        ui.table.doubleClicked.connect(self._open_entry)
        ui.table.selectionModel().currentRowChanged.connect(self._entry_chosen)
        ui.table.selectionModel().selectionChanged.connect(self._update_actions)
        ui.proxy.modelReset.connect(self._show_counts)
        ui.proxy.layoutChanged.connect(self._show_counts)
        ui.proxy.rowsInserted.connect(self._show_counts)
        ui.proxy.rowsRemoved.connect(self._show_counts)

    def _update_actions(self, *_ignored: object) -> None:
        has_case = self._case_id is not None
        for action in self.commands.case_actions():
            action.setEnabled(has_case)
        entry = self.selected_entry()
        for action in self.commands.entry_actions():
            action.setEnabled(entry is not None)
        self.commands.retract.setEnabled(entry is not None and not entry.retracted)
        self.ui.task_panel.setEnabled(has_case)
        self._follow_closure(has_case)

    def _closure(self) -> CaseClosure | None:
        row = self.ui.case_model.row_of(self._case_id) if self._case_id is not None else None
        return None if row is None else self.ui.case_model.summary_at(row).closure

    def _follow_closure(self, has_case: bool) -> None:
        """A closed case is read-only: only reading, exporting and (when due) purging."""
        a, closure = self.commands, self._closure()
        for action in (a.hand_over, a.close_case):
            action.setEnabled(has_case and closure is None)
        a.purge_case.setEnabled(closure is not None and closure.purge_allowed())
        if closure is not None:
            for action in (a.new_entry, a.edit_case, a.register, a.new_task, a.open_entry):
                action.setEnabled(False)
            for action in (a.new_meeting, a.support_offered):
                action.setEnabled(False)
            a.retract.setEnabled(False)
            self.ui.task_panel.setEnabled(False)

    def _writable(self) -> bool:
        """Whether the case shown can be changed; says why not when it is closed."""
        if self._closure() is None:
            return True
        self._show_problem(CaseClosed().message)
        return False

    # Cases -----------------------------------------------------------------------
    def refresh_cases(self) -> None:
        """Reload the case list (counts, open tasks, last serious risk)."""
        summaries = self._call(self._vault.cases.summaries)
        if summaries is None:
            return
        chosen = self._case_id
        self.ui.case_model.set_cases(summaries)
        if chosen is not None:
            self.ui.case_panel.view.blockSignals(True)
            self.ui.case_panel.select(chosen)
            self.ui.case_panel.view.blockSignals(False)

    def _case_chosen(self, case_id: int | None) -> None:
        self.ui.search.reset()
        self.ui.delegate.set_query("")
        self.ui.proxy.set_match_ids(None)
        if case_id is None:
            self._case_id = None
            self.ui.chronology_model.clear()
            self.ui.task_model.clear()
            self.ui.detail.show_nothing()
            self.ui.case_heading.clear()
        else:
            self._load_case(case_id)
        self._update_actions()

    def _load_case(self, case_id: int, *, keep_entry: int | None = None) -> None:
        entries = self._call(lambda: self._vault.entries.entries(case_id))
        if entries is None:
            return
        self._case_id = case_id
        self._show_names()
        self._load_links()
        self.ui.chronology_model.set_entries(entries, in_date_order=True)
        self._load_tasks()
        self._select_entry(keep_entry)

    def _load_links(self) -> None:
        if self._case_id is None:
            return
        case_id = self._case_id
        items = self._call(lambda: self._vault.links.items(case_id)) or []
        self._links = {i.id: i for i in items if i.id is not None}
        self.ui.filters.set_links(items, self._mask)

    def _load_tasks(self) -> None:
        if self._case_id is None:
            return
        case_id = self._case_id
        self._tasks = self._call(lambda: self._vault.tasks.tasks(case_id)) or []
        self.ui.task_model.set_tasks(self._tasks)

    def _show_names(self) -> None:
        """Heading and masks follow "Hide names": initials for every person, everywhere.

        The mask hides the child, the family, the register's people, withheld sources and
        the people of the vault's other cases, with the same matcher as the exports.
        """
        row = self.ui.case_model.row_of(self._case_id) if self._case_id is not None else None
        hide = self.ui.case_model.hide_names
        self._mask = no_mask
        if row is None and self.ui.case_model.rowCount() == 0:
            self.ui.case_heading.setText(
                self.tr("No cases yet: choose “New case…” to add a child.")
            )
        elif row is None:
            self.ui.case_heading.clear()
        else:
            summary = self.ui.case_model.summary_at(row)
            closed = closed_words(summary)
            heading = case_name(summary, hide_names=hide)
            if closed:
                heading = self.tr("{name} · {closed} · read-only").format(
                    name=heading, closed=closed
                )
            self.ui.case_heading.setText(heading)
            if hide:
                case_id = summary.case.id
                self._mask = self._call(lambda: self._vault.people.screen_mask(case_id)) or no_mask
        self.ui.chronology_model.set_mask(self._mask)
        self.ui.task_model.set_mask(self._mask)

    def _hide_names(self, hide: bool) -> None:
        self.ui.case_model.set_hide_names(hide)
        self._show_names()
        self.ui.filters.set_links(list(self._links.values()), self._mask)
        self._entry_chosen(self.ui.table.currentIndex(), QModelIndex())
        self.hide_names_changed.emit(hide)

    def _new_case(self) -> None:
        case = CaseDialog.ask(self, self._vault, None)
        if case is not None:
            self.refresh_cases()
            self.select_case(case.id)

    def _edit_case(self) -> None:
        if self._case_id is None or not self._writable():
            return
        case = self._call(lambda: self._vault.cases.get(self._case_id or 0))
        if case is not None and CaseDialog.ask(self, self._vault, case) is not None:
            self.refresh_cases()
            self._show_names()

    def _edit_register(self) -> None:
        if self._case_id is None or not self._writable():
            return
        if RegisterDialog.ask(self, self._vault, self._case_id) is not None:
            self._load_links()
            self._entry_chosen(self.ui.table.currentIndex(), QModelIndex())

    # Entries ---------------------------------------------------------------------
    def _select_entry(self, entry_id: int | None) -> None:
        row = self.ui.chronology_model.row_of(entry_id) if entry_id is not None else None
        if row is None:
            self.ui.detail.show_nothing()
            return
        index = self.ui.proxy.mapFromSource(self.ui.chronology_model.index(row, 0))
        if index.isValid():
            self.ui.table.setCurrentIndex(index)
            self.ui.table.scrollTo(index)
            self._entry_chosen(index, QModelIndex())

    def _entry_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            entry = self.ui.proxy.entry_at(current.row())
            named = self._discussed(entry)
            self.ui.detail.show_entry(entry, self._links, self._tasks, self._mask, named)
        else:
            self.ui.detail.show_nothing()
        self._update_actions()

    def _discussed(self, entry: Entry) -> dict[int, str]:
        """The entries a meeting discussed, in words, from the chronology shown."""
        if entry.meeting is None:
            return {}
        model = self.ui.chronology_model
        rows = (model.row_of(i) for i in entry.meeting.discussed)
        found = [model.entry_at(r) for r in rows if r is not None]
        return {e.id: f"{words.date_text(e)} — {e.summary}" for e in found}

    def _new_entry(self) -> None:
        if self._case_id is None:
            return
        saved = EntryEditorDialog.ask(self, self._vault, self._case_id)
        self._after_save(saved)

    def _open_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or self._case_id is None or not self._writable():
            return
        self._after_save(self._edit_entry(self._case_id, entry))

    def _edit_entry(self, case_id: int, entry: Entry) -> Entry | None:
        """Open an entry in its own form: a meeting's, support offered's, or the editor."""
        if entry.meeting is not None:
            return MeetingDialog.ask(self, self._vault, case_id, entry)
        if entry.support is not None:
            names = [o.name for o in self._support()]
            return SupportOfferDialog.ask(self, self._vault, case_id, names, entry)
        return EntryEditorDialog.ask(self, self._vault, case_id, entry)

    def _new_meeting(self) -> None:
        if self._case_id is not None and self._writable():
            self._after_save(MeetingDialog.ask(self, self._vault, self._case_id))

    def _support_offered(self) -> None:
        if self._case_id is not None and self._writable():
            names = [o.name for o in self._support()]
            self._after_save(SupportOfferDialog.ask(self, self._vault, self._case_id, names))

    def _safety_plan(self) -> bool:
        """Show the case's safety plan; True when a new version was saved."""
        if self._case_id is None:
            return False
        writable, mask = self._closure() is None, self._mask
        saved = SafetyPlanView.ask(self, self._vault, self._case_id, writable=writable, mask=mask)
        if saved:
            self.refresh_cases()
        return saved

    def _check_wording(self) -> None:
        if self._case_id is not None:
            WordingFindingsDialog.ask(
                self,
                self._vault,
                self._case_id,
                open_entry=self._open_entry_id,
                mask=self._mask,
                open_plan=self._safety_plan,
            )

    def _open_entry_id(self, entry_id: int) -> bool:
        """Open one entry in the editor (from the wording list); True if it was saved."""
        entry = self._call(lambda: self._vault.entries.get(entry_id))
        if entry is None or self._case_id is None:
            return False
        self._select_entry(entry_id)
        if not self._writable():  # a closed case is read-only: its entry is shown, not opened
            return False
        saved = self._edit_entry(self._case_id, entry)
        self._after_save(saved)
        return saved is not None

    def _after_save(self, saved: Entry | None) -> None:
        if saved is None or self._case_id is None:
            return
        self.refresh_cases()
        self._load_case(self._case_id, keep_entry=saved.id)
        self.statusBar().showMessage(self.tr("Saved."), 5000)

    def _show_history(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            HistoryDialog.ask(self, self._vault, entry.id)

    def _retract(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.retracted:
            return
        saved = RetractDialog.ask(self, self._vault, entry)
        if saved is not None:
            self.ui.chronology_model.replace_entry(saved)
            self.refresh_cases()
            self._select_entry(saved.id)
            self.statusBar().showMessage(self.tr("Withdrawn. It stays in the history."), 5000)

    def _export(self) -> None:
        if self._case_id is not None and ExportDialog.ask(
            self, self._vault, self._case_id, mask=self._mask
        ):
            self.statusBar().showMessage(self.tr("Exported, and recorded as a disclosure."), 5000)

    def _print(self) -> None:
        if self._case_id is not None and PrintDialog.ask(
            self, self._vault, self._case_id, self._support, mask=self._mask
        ):
            self.statusBar().showMessage(self.tr("Printed, and recorded as a disclosure."), 5000)

    def _copy_entry(self) -> None:
        """The selected entry as the detail pane shows it (names masked if hidden)."""
        if self.selected_entry() is None:
            return
        self.clipboard.copy(self.ui.detail.toPlainText())
        self.statusBar().showMessage(
            self.tr("Entry copied. The clipboard is cleared in 30 seconds."), 5000
        )

    def _selection_copied(self, text: str) -> None:
        self.clipboard.copied(text, QClipboard.Mode.Clipboard)
        if QGuiApplication.clipboard().supportsSelection():
            self.clipboard.copied(text, QClipboard.Mode.Selection)

    # Hand-over and the end of a case ------------------------------------------------------
    def _hand_over(self) -> None:
        if self._case_id is not None and HandoverDialog.ask(self, self._vault, self._case_id):
            self.refresh_cases()
            self._show_names()
            self.statusBar().showMessage(self.tr("Handed over, and recorded in What was shared."))

    def _import_handover(self) -> None:
        case_id = HandoverImportDialog.ask(self, self._vault)
        if case_id is not None:
            self.refresh_cases()
            self.select_case(case_id)

    def _close_case(self) -> None:
        if self._case_id is not None and CloseCaseDialog.ask(self, self._vault, self._case_id):
            self.refresh_cases()
            self._update_actions()
            self.statusBar().showMessage(
                self.tr("Closed. It is kept, read-only, below the open cases.")
            )

    def _purge_case(self) -> None:
        row = self.ui.case_model.row_of(self._case_id) if self._case_id is not None else None
        if row is None:
            return
        summary = self.ui.case_model.summary_at(row)
        name = case_name(summary, hide_names=self.ui.case_model.hide_names)
        if PurgeCaseDialog.ask(self, self._vault, summary, name) is not None:
            self.refresh_cases()
            self.statusBar().showMessage(self.tr("The case was purged."))

    def _show_disclosures(self) -> None:
        if self._case_id is not None:
            DisclosuresDialog.ask(self, self._vault, self._case_id)

    # Search and filters ------------------------------------------------------------
    def _focus_search(self) -> None:
        self.ui.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search.selectAll()

    def _search(self, query: str) -> None:
        if not query or self._case_id is None:
            self.ui.proxy.set_match_ids(None)
            self.ui.delegate.set_query("")
        else:
            case_id = self._case_id
            found = self._call(
                lambda: self._vault.entries.search(query, case_id=case_id, limit=SEARCH_LIMIT)
            )
            self.ui.proxy.set_match_ids(frozenset(found or ()))
            self.ui.delegate.set_query(query)
        self.ui.table.viewport().update()
        self._show_counts()

    def _filters_changed(self) -> None:
        self.ui.proxy.set_filter(self.ui.filters.current())
        self._show_counts()

    def _show_counts(self) -> None:
        if self._case_id is None:
            self.statusBar().clearMessage()
            return
        shown, total = self.ui.proxy.rowCount(), self.ui.chronology_model.rowCount()
        narrowed = self.ui.proxy.searching or self.ui.proxy.chronology_filter.is_active
        text = (
            self.tr("{shown} of {total} entries shown").format(shown=shown, total=total)
            if narrowed
            else self.tr("{total} entries").format(total=total)
        )
        self.statusBar().showMessage(text)

    # Tasks -----------------------------------------------------------------------
    def _new_task(self) -> None:
        """Ctrl+T: a new task, filled from the selected entry when there is one."""
        if self._case_id is None or not self._writable():
            return
        entry = self.selected_entry()
        suggested = None if entry is None else self._suggestion(entry)
        if TaskDialog.ask(self, self._vault, self._case_id, suggested=suggested) is not None:
            self._tasks_changed()

    def _suggestion(self, entry: Entry) -> TaskSuggestion:
        row = self.ui.case_model.row_of(entry.case_id)
        key_worker = self.ui.case_model.summary_at(row).case.key_worker if row is not None else ""
        has_task = any(t.next_action_of == entry.id for t in self._tasks)
        return suggested_task(entry, key_worker, today(), action_has_task=has_task)

    def _edit_task(self, task: Task) -> None:
        if (
            self._case_id is not None
            and self._writable()
            and TaskDialog.ask(self, self._vault, self._case_id, task)
        ):
            self._tasks_changed()

    def _tasks_changed(self) -> None:
        self._load_tasks()
        self.refresh_cases()
        self._entry_chosen(self.ui.table.currentIndex(), QModelIndex())

    # Helpers ---------------------------------------------------------------------
    def _call(self, work: Callable[[], _T]) -> _T | None:
        """Run one service call; show its plain-words message if the vault refuses."""
        try:
            return work()
        except DomainError as error:
            self._show_problem(error.message)
            return None

    def _show_problem(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("fftimeline"), message)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear_case_data()
        super().closeEvent(event)
