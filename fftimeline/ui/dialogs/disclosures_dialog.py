"""The disclosure register of a case: every export, to whom, why and its file hash (UI layer).

Read-only: disclosures are recorded by the export itself and are part of the audit chain.
The file's SHA-256 is in the tip of its "File" cell, so the long code never pushes "By" off
the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.records import HANDOVER_AUDIENCE, Disclosure
from fftimeline.services.export import audiences

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_FILE = 5
"""The column of the file name, whose tip holds the file's SHA-256."""


class DisclosuresDialog(QDialog):
    """A table of the case's disclosures, newest first."""

    def __init__(self, vault: OpenVault, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What was shared, and with whom"))
        labels = {p.slug: p.label for p in audiences(vault)}
        labels[HANDOVER_AUDIENCE] = self.tr("Hand-over to the new key worker")
        records = sorted(vault.disclosures.disclosures(case_id), key=lambda d: d.at, reverse=True)
        headers = [
            self.tr("When"),
            self.tr("Audience"),
            self.tr("Recipients"),
            self.tr("Purpose or lawful basis"),
            self.tr("Entries"),
            self.tr("File"),
            self.tr("Password"),
            self.tr("Against the child's wish"),
            self.tr("By"),
        ]
        self.table = QTableWidget(len(records), len(headers))
        self.table.setAccessibleName(self.tr("Disclosure register"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, record in enumerate(records):
            for column, text in enumerate(self._cells(record, labels)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == _FILE:
                    item.setToolTip(
                        self.tr("{file}\nCheck code (SHA-256): {sha}").format(
                            file=record.file_name, sha=record.sha256
                        )
                    )
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        widest = 30 * self.table.fontMetrics().averageCharWidth()  # long texts are in the tips
        for column in range(self.table.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), widest))
        header.setStretchLastSection(True)
        empty = QLabel(self.tr("Nothing has been exported from this case yet."))
        empty.setVisible(not records)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(empty)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.resize(1100, 420)

    def _cells(self, d: Disclosure, labels: dict[str, str]) -> list[str]:
        return [
            d.at.astimezone().strftime("%d %b %Y %H:%M"),
            labels.get(d.audience, d.audience),
            d.recipients,
            d.purpose,
            str(len(d.entry_ids)),
            self._file(d),
            self.tr("Yes") if d.protected else self.tr("No"),
            self._wish(d),
            d.by,
        ]

    def _wish(self, d: Disclosure) -> str:
        """'1 entry: Jordan told Donna himself on Friday' when the child's wish was overridden."""
        n = len(d.child_wish_entries)
        if not n:
            return ""
        count = self.tr("1 entry") if n == 1 else self.tr("{n} entries").format(n=n)
        return f"{count}: {d.child_wish_reason}"

    def _file(self, d: Disclosure) -> str:
        """The file, or 'Printed', with the pages of a PDF or print."""
        name = self.tr("Printed") if d.format == "print" else d.file_name
        if d.pages is None:
            return name
        return self.tr("{name} ({pages} pages)").format(name=name, pages=d.pages)

    @classmethod
    def ask(cls, parent: QWidget | None, vault: OpenVault, case_id: int) -> None:
        """Show the register of one case until the key worker closes it."""
        cls(vault, case_id, parent).exec()
