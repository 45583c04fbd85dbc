"""The task list under the chronology: owner, due date, status; overdue stands out (ui layer).

Tab moves on from the list to its buttons (not from cell to cell); Enter or a double-click
on a task opens it for editing.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.tasks import Task
from fftimeline.ui.models.task_model import TaskColumn, TaskModel


class TaskPanel(QWidget):
    """Shows the case's tasks and offers New task / Edit task."""

    new_requested = Signal()
    """The key person asked to add a task."""
    edit_requested = Signal(object)
    """The key person asked to edit this `Task`."""

    def __init__(self, model: TaskModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = QLabel(self.tr("Tasks for this case"))
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Tasks for this case"))
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TaskColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        for column in (TaskColumn.OWNER, TaskColumn.DUE, TaskColumn.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(self.tr("New task…"))
        self.new_button.setAccessibleName(self.tr("New task"))
        self.edit_button = QPushButton(self.tr("Edit task…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected task"))
        self.title.setBuddy(self.view)
        self._lay_out()
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(self._edit_index)
        self.edit_action = QAction(self.tr("Edit task…"), self.view)
        self.edit_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self._edit_selected)
        self.view.addAction(self.edit_action)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.view)

    def selected_task(self) -> Task | None:
        """The selected task, if any."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.task_at(rows[0].row())
        current = self.view.currentIndex()
        return self.model.task_at(current.row()) if current.isValid() else None

    def _edit_selected(self) -> None:
        task = self.selected_task()
        if task is not None:
            self.edit_requested.emit(task)

    def _edit_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_requested.emit(self.model.task_at(index.row()))
