"""Every wording finding in a case, each a double-click (or Enter) from its entry (ui layer).

Opened from the main window (Entry ▸ Check wording…, F7), or from an export or print
dialog's notice for just the entries going out. Quoted words and findings the key worker
marked as their own words or accurate here are hidden unless asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.errors import DomainError
from fftimeline.services.wording import IN_THE_PLAN, EntryFinding
from fftimeline.ui.background import run_in_background
from fftimeline.ui.errors import plain_message
from fftimeline.ui.models.entry_text import NameMask, no_mask
from fftimeline.ui.wording.card import strength_words

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

OpenEntry = Callable[[int], bool]
"""Opens an entry in the editor by id; True when it was saved (the list is then refreshed)."""
OpenPlan = Callable[[], bool]
"""Opens the case's safety plan; True when a new version was saved (the list is refreshed)."""
_CTX = "WordingFindingsDialog"
_ID_ROLE = Qt.ItemDataRole.UserRole
_SAMPLES = (
    "28 September 2025 at 23:15",
    "The family's view",
    "hang around with older boys",
    "Makes the child the one seeking",
    "Strongly advised against",
)
"""Texts the first columns should show whole; the last column ("Try instead") takes the rest."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _counts(findings: Sequence[EntryFinding]) -> str:
    n, entries = len(findings), len({f.entry_id for f in findings if not f.in_plan})
    if not n:
        return _tr("No wording findings. Guidance-flagged words are underlined as you type.")
    found = _tr("1 wording finding") if n == 1 else _tr("{n} wording findings").format(n=n)
    where = _tr("in 1 entry") if entries == 1 else _tr("in {n} entries").format(n=entries)
    if not any(f.in_plan for f in findings):
        return _tr("{found} {where}. Double-click one, or press Enter, to open its entry.").format(
            found=found, where=where
        )
    where = _tr("in the safety plan") if not entries else where + _tr(" and the safety plan")
    return _tr("{found} {where}. Double-click one, or press Enter, to open it.").format(
        found=found, where=where
    )


class WordingFindingsDialog(QDialog):
    """A table of findings: when, where, the words, what is wrong, how strongly, what instead."""

    HEADERS = ("When", "Where", "Words", "What", "How strongly", "Try instead")

    def __init__(
        self,
        vault: OpenVault,
        case_id: int,
        parent: QWidget | None = None,
        *,
        entry_ids: Sequence[int] | None = None,
        open_entry: OpenEntry | None = None,
        mask: NameMask = no_mask,
        open_plan: OpenPlan | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault, self._case_id = vault, case_id
        self._entry_ids = None if entry_ids is None else frozenset(entry_ids)
        self._open_entry, self._open_plan, self._mask = open_entry, open_plan, mask
        self.findings: list[EntryFinding] = []
        self.setWindowTitle(
            _tr("Wording in the entries going out") if entry_ids is not None else _tr("Wording")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_closed = QCheckBox(_tr("Also show quoted words and findings marked as kept"))
        self.show_closed.toggled.connect(self.refresh)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(_tr("Why, and what to write instead"))
        self.table = self._table()
        self.open_button = QPushButton(_tr("Open"))
        self.open_button.setEnabled(open_entry is not None)
        self.open_button.clicked.connect(self.open_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # Enter opens the chosen entry; it never closes the list
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.show_closed, self.table, self.details, buttons):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.resize(1060, 560)
        self.refresh()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, len(self.HEADERS))
        table.setAccessibleName(_tr("Wording findings"))
        table.setHorizontalHeaderLabels([_tr(h) for h in self.HEADERS])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        for column, sample in enumerate(_SAMPLES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setStretchLastSection(True)
        table.itemActivated.connect(lambda _item: self.open_current())
        table.currentCellChanged.connect(lambda row, *_: self._explain(row))
        return table

    def _explain(self, row: int) -> None:
        """Under the table: why the chosen finding is a problem and every alternative."""
        if not 0 <= row < len(self.findings):
            self.details.clear()
            return
        finding = self.findings[row].finding
        lines = [_tr("Why: {reason}").format(reason=finding.reason)]
        if finding.note:
            lines.append(finding.note)
        if finding.mark is not None:
            lines.append(finding.mark.wording())
        lines += [_tr("Instead: {text}").format(text=a) for a in finding.alternatives]
        self.details.setText("\n".join(lines))

    # Reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Check the case again and show what was found."""
        closed = self.show_closed.isChecked()
        wording, case_id = self._vault.wording, self._case_id
        try:  # a large case takes a second or more: the window keeps answering meanwhile
            found = run_in_background(
                self,
                _tr("Checking the wording of the case…"),
                lambda _progress: wording.case_findings(case_id, include_closed=closed),
                cancellable=False,
            )
        except DomainError as error:
            QMessageBox.warning(self, _tr("Wording"), plain_message(error))
            found = []
        if self._entry_ids is not None:  # the entries going out (the plan is asked for apart)
            found = [f for f in found if f.entry_id in self._entry_ids]
        self.findings = found
        self.summary.setText(_counts([f for f in found if f.finding.open]))
        self._fill()
        self._explain(self.table.currentRow())

    def _fill(self) -> None:
        self.table.setRowCount(0)
        for f in self.findings:
            row = self.table.rowCount()
            self.table.insertRow(row)
            finding = f.finding
            cells = [
                f.entry_date,
                f.field_label[:1].upper() + f.field_label[1:],
                self._mask(finding.words),
                finding.title,
                strength_words(finding),
                finding.alternatives[0] if finding.alternatives else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID_ROLE, f.entry_id)
                item.setToolTip(finding.reason)
                self.table.setItem(row, column, item)
        if self.findings:
            self.table.setCurrentCell(0, 0)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (what the key worker reads)."""
        rows = []
        for r in range(self.table.rowCount()):
            items = (self.table.item(r, c) for c in range(self.table.columnCount()))
            rows.append([item.text() if item is not None else "" for item in items])
        return rows

    # Opening an entry -----------------------------------------------------------------------
    def open_current(self) -> None:
        """Open the chosen finding's entry (or the safety plan); check again if it changed."""
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        entry_id = int(item.data(_ID_ROLE))
        if entry_id == IN_THE_PLAN:
            changed = self._open_plan is not None and self._open_plan()
        else:
            changed = self._open_entry is not None and self._open_entry(entry_id)
        if changed:
            self.refresh()

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        vault: OpenVault,
        case_id: int,
        *,
        entry_ids: Sequence[int] | None = None,
        open_entry: OpenEntry | None = None,
        mask: NameMask = no_mask,
        open_plan: OpenPlan | None = None,
    ) -> None:
        """Show the findings of a case (or of some of its entries) until closed."""
        dialog = cls(
            vault,
            case_id,
            parent,
            entry_ids=entry_ids,
            open_entry=open_entry,
            mask=mask,
            open_plan=open_plan,
        )
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
