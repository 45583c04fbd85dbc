"""Filtering (and the entry point for sorting) of the chronology table (ui layer).

The proxy reads the `Entry` behind each source row directly (no display strings), so a
filter change over 10,000 rows costs one pass of cheap comparisons. Search results arrive
as a set of entry ids from `vault.entries.search` and narrow the rows the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from typing_extensions import override

from fftimeline.domain.entries import Entry, Kind, Nature, Significance
from fftimeline.domain.sharing import Audience
from fftimeline.domain.views import ViewHolder
from fftimeline.ui.models.chronology_model import ChronologyModel

_Index = QModelIndex | QPersistentModelIndex


class DisputedBy(StrEnum):
    """Whose disagreement a filter looks for (in whole or in part)."""

    FAMILY = "family"
    CHILD = "child"


DISPUTED_BY_LABELS = {
    DisputedBy.FAMILY: "The family disputes this",
    DisputedBy.CHILD: "The child disputes this",
}


def disputed_by(entry: Entry, who: DisputedBy) -> bool:
    """Whether the family (any member, or the family as a whole) or the child disputes it."""
    child = who is DisputedBy.CHILD
    return any(v.disputed and (v.holder is ViewHolder.CHILD) == child for v in entry.views)


@dataclass(frozen=True, slots=True)
class ChronologyFilter:
    """What the key person has chosen to see; ``None`` means "any".

    Attributes:
        kind: only entries of this kind.
        nature: only entries known this way.
        significance: only entries this serious.
        audience: only entries safe to share with this audience.
        date_from: only entries that may have happened on or after this day.
        date_to: only entries that may have happened on or before this day.
        link_id: only entries linked to this register item (person, place, vehicle…).
        show_withdrawn: whether withdrawn entries are shown.
        disputed: only entries the family, or the child, disputes in whole or in part.
    """

    kind: Kind | None = None
    nature: Nature | None = None
    significance: Significance | None = None
    audience: Audience | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    link_id: int | None = None
    show_withdrawn: bool = True
    disputed: DisputedBy | None = None

    def accepts(self, entry: Entry) -> bool:
        """Whether an entry passes every chosen condition."""
        return (
            (self.show_withdrawn or not entry.retracted)
            and (self.kind is None or entry.kind == self.kind)
            and (self.nature is None or entry.nature == self.nature)
            and (self.significance is None or entry.significance == self.significance)
            and (self.audience is None or entry.sharing.allows(self.audience))
            and entry.event_date.may_fall_within(self.date_from, self.date_to)
            and (self.link_id is None or self.link_id in entry.link_ids)
            and (self.disputed is None or disputed_by(entry, self.disputed))
        )

    @property
    def is_active(self) -> bool:
        """Whether any condition narrows the table."""
        return self != ChronologyFilter()


class ChronologyFilterProxy(QSortFilterProxyModel):
    """Keeps the rows that pass the filter and the search, in the model's (sorted) order."""

    def __init__(self, source: ChronologyModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = ChronologyFilter()
        self._match_ids: frozenset[int] | None = None
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)  # re-filter a row when its entry changes

    @property
    def chronology_filter(self) -> ChronologyFilter:
        """The filter now applied."""
        return self._filter

    @property
    def searching(self) -> bool:
        """Whether a search is narrowing the rows."""
        return self._match_ids is not None

    def set_filter(self, chosen: ChronologyFilter) -> None:
        """Apply a new filter."""
        if chosen == self._filter:
            return
        self.beginFilterChange()
        self._filter = chosen
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_match_ids(self, ids: frozenset[int] | None) -> None:
        """Keep only entries with these ids (search results); None shows every entry."""
        if ids == self._match_ids:
            return
        self.beginFilterChange()
        self._match_ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def entry_at(self, row: int) -> Entry:
        """The entry shown in a proxy row."""
        return self._source.entry_at(self.mapToSource(self.index(row, 0)).row())

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by asking the model to reorder its list; the proxy keeps the model's order.

        Sorting in Qt would call back into Python for every comparison (~150,000 for
        10,000 rows); the model sorts its list with one key per row instead.
        """
        self._source.sort(column, order)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        entry = self._source.entry_at(source_row)
        if self._match_ids is not None and entry.id not in self._match_ids:
            return False
        return self._filter.accepts(entry)
