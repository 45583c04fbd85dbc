"""Every version of an entry: who changed it, when, why and what, each version in full (ui).

Amendments never overwrite: this dialog is where the key person (or an auditor) sees how a
record came to read as it does now, and whether and why it was withdrawn. Each row says
what that version changed, field by field ("How serious: Routine → Serious risk"); a
withdrawal is the version that withdrew the entry, with its reason, never a version with
an empty "why".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.entries import Entry
from fftimeline.domain.entry_changes import changes
from fftimeline.domain.errors import DomainError
from fftimeline.domain.people import Linked
from fftimeline.ui.errors import plain_message
from fftimeline.ui.models.entry_text import moment_text
from fftimeline.ui.widgets.entry_detail import EntryDetail
from fftimeline.ui.wording.marks import marks_html

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class HistoryDialog(QDialog):
    """A table of versions (and the withdrawal, if any) above the chosen version in full."""

    def __init__(
        self, versions: list[Entry], links: dict[int, Linked], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.versions = versions
        self._links = links
        self.setWindowTitle(self.tr("History of this entry"))
        headers = [self.tr("Version"), self.tr("When"), self.tr("Who"), self.tr("Why")]
        headers.append(self.tr("What changed"))
        self.table = QTableWidget(0, len(headers))
        self.table.setAccessibleName(self.tr("Versions of this entry"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for words in (3, 4):  # "Why" and "What changed" share the width and wrap
            header.setSectionResizeMode(words, QHeaderView.ResizeMode.Stretch)
        self.detail = EntryDetail()
        self.detail.setAccessibleName(self.tr("The chosen version in full"))
        self.marks = QLabel()  # wording kept on purpose: stored with the version, not in its text
        self.marks.setWordWrap(True)
        self.marks.setAccessibleName(self.tr("Wording marks of the chosen version"))
        self._fill()
        label = QLabel(self.tr("Every version is kept. Choose one to read it in full."))
        label.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(label)
        box.addWidget(split, 1)
        box.addWidget(self.marks)
        box.addWidget(buttons)
        self.table.currentCellChanged.connect(self._show_version)
        if versions:
            self.table.setCurrentCell(len(versions) - 1, 0)
        self.resize(820, 560)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (what the key person reads)."""
        return [
            [self._cell(r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _fill(self) -> None:
        names = {i: item.label for i, item in self._links.items()}
        before: Entry | None = None
        for v in self.versions:
            why, what = self._why_and_what(before, v, names)
            self._add_row([str(v.version), moment_text(v.recorded_at), v.recorded_by, why, what])
            before = v

    def _why_and_what(
        self, before: Entry | None, version: Entry, names: dict[int, str]
    ) -> tuple[str, str]:
        """Why this version was saved, and what it changed from the one before."""
        if before is None:
            return self.tr("First recorded"), version.summary
        if version.retracted and not before.retracted:
            why = self.tr("Withdrawn: {why}").format(why=version.retraction_reason)
            return why, self.tr("Withdrawn")
        found = changes(before.draft(), version.draft(), names)
        what = "\n".join(c.wording() for c in found) or self.tr("Nothing changed")
        return version.amendment_reason, what

    def _add_row(self, cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def _show_version(self, row: int, _column: int, _prev_row: int, _prev_column: int) -> None:
        index = row
        if not 0 <= index < len(self.versions):
            self.detail.show_nothing()
            self.marks.clear()
            return
        self.detail.show_entry(self.versions[index], self._links, [])
        self.marks.setText(marks_html(self.versions[index].wording_marks))

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, entry_id: int) -> None:
        """Show the history of an entry (read-only; nothing to return)."""
        try:
            versions = vault.entries.history(entry_id)
            links = vault.links.items(versions[-1].case_id) if versions else []
        except DomainError as error:
            title = QCoreApplication.translate("HistoryDialog", "History")
            QMessageBox.warning(parent, title, plain_message(error))
            return
        cls(versions, {i.id: i for i in links if i.id is not None}, parent).exec()
