"""The case's tasks as a table: what, owner, due date, status (ui layer).

Overdue tasks carry a clock icon and the word "overdue", never colour alone. When names are
hidden, the child's names in a task read as initials, as everywhere else.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from typing_extensions import override

from fftimeline.domain.dates import today
from fftimeline.domain.tasks import TASK_STATUS_LABELS, Task, TaskStatus
from fftimeline.ui import icons
from fftimeline.ui.models.entry_text import NameMask, day_text, no_mask

TASK_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the `Task` behind a row."""

_Index = QModelIndex | QPersistentModelIndex
_CTX = "TaskModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class TaskColumn(IntEnum):
    """The task table's columns."""

    WHAT = 0
    OWNER = 1
    DUE = 2
    STATUS = 3


_HEADERS = {
    TaskColumn.WHAT: "Task",
    TaskColumn.OWNER: "Owner",
    TaskColumn.DUE: "Due",
    TaskColumn.STATUS: "Status",
}


def status_text(task: Task, on: dt.date) -> str:
    """'Open', 'Open — overdue', 'Done' or 'Cancelled'."""
    label = _tr(TASK_STATUS_LABELS[task.status])
    if task.overdue(on):
        return _tr("{status} — overdue").format(status=label)
    return label


class TaskModel(QAbstractTableModel):
    """Rows are the tasks of the selected case, open ones first by due date."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._today = today()
        self._mask: NameMask = no_mask

    def set_mask(self, mask: NameMask) -> None:
        """Mask the child's names in every task (or `entry_text.no_mask` to show them)."""
        self._mask = mask
        if self._tasks:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._tasks) - 1, len(TaskColumn) - 1)
            )

    def set_tasks(self, tasks: list[Task]) -> None:
        """Show these tasks: open first, then by due date."""
        self.beginResetModel()
        self._today = today()
        self._tasks = sorted(tasks, key=_task_order)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every task."""
        self.set_tasks([])

    def task_at(self, row: int) -> Task:
        """The task in a row."""
        return self._tasks[row]

    def tasks(self) -> list[Task]:
        """Every task shown."""
        return list(self._tasks)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tasks)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TaskColumn)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(TaskColumn):
            return _tr(_HEADERS[TaskColumn(section)])
        return super().headerData(section, orientation, role)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tasks):
            return None
        task = self._tasks[index.row()]
        column = TaskColumn(index.column())
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._mask(self._text(task, column))
        if role == TASK_ROLE:
            return task
        late = task.overdue(self._today) and column is TaskColumn.STATUS
        if role == Qt.ItemDataRole.DecorationRole and late:
            return icons.overdue()
        if role == Qt.ItemDataRole.FontRole and late:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, task: Task, column: TaskColumn) -> str:
        match column:
            case TaskColumn.WHAT:
                return task.what
            case TaskColumn.OWNER:
                return task.owner
            case TaskColumn.DUE:
                return day_text(task.due) or _tr("No date")
            case TaskColumn.STATUS:
                return status_text(task, self._today)

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _task_order(task: Task) -> tuple[int, dt.date, int]:
    """Open tasks first, soonest due first, undated last."""
    return (
        0 if task.status is TaskStatus.OPEN else 1,
        task.due or dt.date.max,
        task.id,
    )
