"""Add or edit a task: what is to be done, who owns it, when it is due (ui layer).

Every task has an owner, and a closed task says what came of it; the form says so as you
type and keeps Save disabled until the task can be saved (`FormDialog`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget
from typing_extensions import override

from fftimeline.domain.tasks import (
    TASK_STATUS_LABELS,
    Task,
    TaskDraft,
    TaskStatus,
    TaskSuggestion,
)
from fftimeline.ui.widgets.form_dialog import FormDialog
from fftimeline.ui.widgets.form_helpers import chosen_date, optional_date_edit, show_date

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class TaskDialog(FormDialog):
    """The task form; `ask` saves through `vault.tasks` and returns the saved task."""

    draft_kind = "task"

    def __init__(
        self,
        vault: OpenVault,
        case_id: int,
        task: Task | None,
        entry_ids: frozenset[int],
        parent: QWidget | None = None,
        *,
        suggested: TaskSuggestion | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case_id = case_id
        self._task = task
        self._entry_ids = task.entry_ids if task is not None else entry_ids
        self.setWindowTitle(self.tr("New task") if task is None else self.tr("Edit task"))
        self.what = QLineEdit()
        self.what.setAccessibleName(self.tr("What is to be done"))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(self.tr("Who owns it"))
        self.due = optional_date_edit(self.tr("Due date"), self.tr("No date"), ahead=True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in TaskStatus:
            self.status.addItem(self.tr(TASK_STATUS_LABELS[status]), status.value)
        self.outcome = QPlainTextEdit()
        self.outcome.setAccessibleName(self.tr("What came of it"))
        self.outcome.setTabChangesFocus(True)
        if task is not None:
            self._fill(task)
        elif suggested is not None:
            self._suggest(suggested)
        form = QFormLayout()
        form.addRow(self.tr("What is to be done"), self.what)
        form.addRow(self.tr("Who owns it"), self.owner)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("What came of it"), self.outcome)
        self.watch(self.what, self.owner, self.status, self.outcome)
        self.watch_date(self.due, self.tr("Due date"))
        context = {"task_id": task.id if task else None, "entry_ids": sorted(self._entry_ids)}
        self.finish(form, vault, case_id, context)
        self.resize(480, 320)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> TaskDialog | None:
        """The form again after a lock, for the same task (or a new one) of the same case."""
        if case_id is None:
            return None
        task_id = context.get("task_id")
        task = next((t for t in vault.tasks.tasks(case_id) if t.id == task_id), None)
        if task_id is not None and task is None:
            return None
        entry_ids = frozenset(int(i) for i in context.get("entry_ids", ()))
        return cls(vault, case_id, task, entry_ids, parent)

    def _fill(self, task: Task) -> None:
        self.what.setText(task.what)
        self.owner.setText(task.owner)
        show_date(self.due, task.due)
        self.status.setCurrentIndex(self.status.findData(task.status.value))
        self.outcome.setPlainText(task.outcome)

    def _suggest(self, suggestion: TaskSuggestion) -> None:
        """Start from the selected entry (Ctrl+T): its next action, owner and due date."""
        self.what.setText(suggestion.what)
        self.owner.setText(suggestion.owner)
        show_date(self.due, suggestion.due)

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {
            "what": self.tr("What is to be done"),
            "owner": self.tr("Who owns it"),
            "outcome": self.tr("What came of it"),
        }

    @override
    def draft(self) -> TaskDraft:
        """The task as typed; raises ValidationError when a rule is broken."""
        return TaskDraft(
            what=self.what.text(),
            owner=self.owner.text(),
            due=chosen_date(self.due),
            status=TaskStatus(self.status.currentData()),
            outcome=self.outcome.toPlainText(),
            entry_ids=self._entry_ids,
            next_action_of=self._task.next_action_of if self._task is not None else None,
        )

    @override
    def persist(self, draft: TaskDraft) -> Task:
        """Add the task, or save its changes."""
        if self._task is None:
            return self._vault.tasks.add(self._case_id, draft)
        return self._vault.tasks.update(self._task.id, draft)

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        vault: OpenVault,
        case_id: int,
        task: Task | None = None,
        *,
        entry_ids: frozenset[int] = frozenset(),
        suggested: TaskSuggestion | None = None,
    ) -> Task | None:
        """Show the form; the saved task, or None when cancelled.

        ``suggested`` fills a new task's form from the selected entry (the key worker edits it).
        """
        if suggested is not None:
            entry_ids = suggested.entry_ids
        dialog = cls(vault, case_id, task, entry_ids, parent, suggested=suggested)
        saved: Task | None = dialog.run()
        return saved
