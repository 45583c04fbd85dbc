"""Editable tables for form dialogs: rows of text, some columns a fixed choice (ui layer).

The family and team of a case, the people at a meeting, its decisions, the tasks that follow
and a safety plan's measures are all rows typed into a `RowsTable`. Cells hold plain text, so
the form's checks and a draft kept on lock read them the same way; a column of fixed answers
("Yes", "No"; "Team", "Family") offers them in a drop-down (`ChoiceDelegate`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.date_parsing import parse_day
from fftimeline.domain.errors import DomainError

_Index = QModelIndex | QPersistentModelIndex


def cell_day(day: dt.date | None) -> str:
    """A day as typed into a cell ('4 May 2024'), or ''."""
    return "" if day is None else f"{day.day} {day.strftime('%B')} {day.year}"


def parse_cell_day(text: str, where: str, *, ahead: bool = False) -> dt.date | None:
    """The day typed in a cell (None when empty); raises DomainError naming ``where``."""
    if not text:
        return None
    try:
        return parse_day(text, ahead=ahead)
    except DomainError as error:
        raise DomainError(
            error.code, f"{where}: {QCoreApplication.translate('Forms', error.message)}"
        ) from None


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell by choosing one of fixed answers (the cell keeps the answer's text)."""

    def __init__(self, answers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers = answers

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self.answers)
        return combo

    @override
    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setCurrentIndex(max(editor.findText(text), 0))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class RowsTable(QWidget):
    """An editable table with Add and Remove buttons (family, team, attendees, measures…).

    ``choices`` gives some columns a fixed list of answers, picked from a drop-down when the
    cell is edited (the cell still holds plain text, so a kept draft reads it back).
    """

    def __init__(
        self,
        name: str,
        headers: list[str],
        parent: QWidget | None = None,
        *,
        choices: dict[int, list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        for column, answers in (choices or {}).items():
            self.table.setItemDelegateForColumn(column, ChoiceDelegate(answers, self.table))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add a row to {name}").format(name=name))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the row from {name}").format(name=name)
        )
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

    def _add(self) -> None:
        self.add_row(self.blank_row())
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def blank_row(self) -> list[str]:
        """A new row: empty, or each choice column's first answer."""
        row = []
        for column in range(self.table.columnCount()):
            delegate = self.table.itemDelegateForColumn(column)
            row.append(delegate.answers[0] if isinstance(delegate, ChoiceDelegate) else "")
        return row

    def add_row(self, values: list[str]) -> None:
        """Append one row."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def rows(self) -> list[list[str]]:
        """Every row that is not completely empty, as stripped text."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self._text(row, c) for c in range(self.table.columnCount())]
            if any(cells):
                out.append(cells)
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""
