"""Add or edit a task: what is to be done, who owns it, when it is due (ui layer).

Every task has an owner, and a closed task says what came of it; the form says so as you
type and keeps Save disabled until the task can be saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.errors import DomainError
from fftimeline.domain.tasks import (
    TASK_STATUS_LABELS,
    Task,
    TaskDraft,
    TaskStatus,
    TaskSuggestion,
)
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.form_helpers import (
    GuardedDialog,
    chosen_date,
    first_problem,
    optional_date_edit,
    problem_label,
    show_date,
)

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class TaskDialog(GuardedDialog):
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
        self.saved: Task | None = None
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
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._lay_out()
        if task is not None:
            self._fill(task)
        elif suggested is not None:
            self._suggest(suggested)
        self.mark_unchanged()
        self._connect()
        self._check()
        context = {"task_id": task.id if task else None, "entry_ids": sorted(self._entry_ids)}
        self.keep_typing_in(vault, case_id, context)

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

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("What is to be done"), self.what)
        form.addRow(self.tr("Who owns it"), self.owner)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("What came of it"), self.outcome)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self.resize(480, 320)

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

    def _connect(self) -> None:
        self.what.textChanged.connect(self._check)
        self.owner.textChanged.connect(self._check)
        self.due.edited.connect(self._check)
        self.status.currentIndexChanged.connect(self._check)
        self.outcome.textChanged.connect(self._check)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.cancel)

    @override
    def snapshot(self) -> tuple[str, ...]:
        """Everything in the form, to tell whether it was changed."""
        return (
            self.what.text(),
            self.owner.text(),
            self.due.text(),
            str(self.status.currentData()),
            self.outcome.toPlainText(),
        )

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

    def _problem(self) -> str:
        labels = {
            "what": self.tr("What is to be done"),
            "owner": self.tr("Who owns it"),
            "outcome": self.tr("What came of it"),
        }
        if self.due.problem():
            return self.tr("Due date: {problem}").format(problem=self.due.problem())
        try:
            self.draft()
        except ValidationError as error:
            return first_problem(error, labels)
        return ""

    def _check(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def _save(self) -> None:
        try:
            draft = self.draft()
            if self._task is None:
                self.saved = self._vault.tasks.add(self._case_id, draft)
            else:
                self.saved = self._vault.tasks.update(self._task.id, draft)
        except (ValidationError, DomainError) as error:
            self.problem.setText(plain_message(error))
            return
        self.accept()

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
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved
