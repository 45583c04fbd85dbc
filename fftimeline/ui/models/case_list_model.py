"""The case list on the left of the main window: one row per child (ui layer).

Each row reads like a note on a file: the child's name (or initials when names are hidden
for working in public), entries, open tasks, and the most recent serious-risk entry.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette
from typing_extensions import override

from fftimeline.domain.cases import CaseSummary
from fftimeline.ui import icons
from fftimeline.ui.models.entry_text import day_text

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the case id of a row."""

_Index = QModelIndex | QPersistentModelIndex
_CTX = "CaseList"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def case_name(summary: CaseSummary, *, hide_names: bool) -> str:
    """The child's name as shown: 'Jayden Okafor (JJ)', or 'J. O.' when names are hidden."""
    return summary.case.initials if hide_names else summary.case.display_name


def closed_words(summary: CaseSummary) -> str:
    """'Closed 3 March 2026, kept until 2 April 2035' for a closed case, else ''."""
    closure = summary.closure
    if closure is None:
        return ""
    return _tr("Closed {closed}, kept until {until}").format(
        closed=day_text(closure.closed_at.astimezone().date()),
        until=day_text(closure.retain_until),
    )


def case_facts(summary: CaseSummary) -> str:
    """The counts under the name: '142 entries, 3 disputed · 2 open tasks (1 overdue) · …'."""
    if summary.closure is not None:
        n = summary.entry_count
        count = _tr("1 entry") if n == 1 else _tr("{n} entries").format(n=n)
        return f"{closed_words(summary)}\n{count}"
    n = summary.entry_count
    parts = [_tr("1 entry") if n == 1 else _tr("{n} entries").format(n=n)]
    if summary.disputed:  # the child's or the family's disagreement, findable at a glance
        parts[0] += ", " + _tr("{n} disputed").format(n=summary.disputed)
    t = summary.open_tasks
    tasks = _tr("1 open task") if t == 1 else _tr("{n} open tasks").format(n=t)
    if summary.overdue_tasks:
        tasks += " " + _tr("({n} overdue)").format(n=summary.overdue_tasks)
    parts.append(tasks)
    if summary.last_serious is not None:
        parts.append(_tr("last serious risk {day}").format(day=day_text(summary.last_serious)))
    return "\n".join(parts)


class CaseListModel(QAbstractListModel):
    """Rows are case summaries from `vault.cases.summaries()`: open cases, then closed ones.

    Closed cases are listed apart, after every open case, greyed and saying "Closed".
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseSummary] = []
        self._hide_names = False

    def set_cases(self, cases: list[CaseSummary]) -> None:
        """Show these cases, replacing any before."""
        self.beginResetModel()
        self._cases = sorted(cases, key=lambda s: s.closure is not None)  # stable: id order
        self.endResetModel()

    def clear(self) -> None:
        """Forget every case, so no child's name stays in the model."""
        self.set_cases([])

    def set_hide_names(self, hide: bool) -> None:
        """Show initials instead of names (for working where others can see the screen)."""
        if hide == self._hide_names:
            return
        self._hide_names = hide
        if self._cases:
            self.dataChanged.emit(self.index(0), self.index(len(self._cases) - 1))

    @property
    def hide_names(self) -> bool:
        """Whether initials are shown instead of names."""
        return self._hide_names

    def summary_at(self, row: int) -> CaseSummary:
        """The case summary in a row."""
        return self._cases[row]

    def row_of(self, case_id: int) -> int | None:
        """The row showing a case, or None."""
        for i, s in enumerate(self._cases):
            if s.case.id == case_id:
                return i
        return None

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        summary = self._cases[index.row()]
        name = case_name(summary, hide_names=self._hide_names)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}\n{case_facts(summary)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{name}. {case_facts(summary)}".replace("\n", ". ")
        if role == Qt.ItemDataRole.DecorationRole and summary.overdue_tasks and not summary.closure:
            return icons.overdue()
        if role == Qt.ItemDataRole.ForegroundRole and summary.closure is not None:
            return QGuiApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == CASE_ID_ROLE:
            return summary.case.id
        return None
