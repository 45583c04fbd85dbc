"""The Filters row above the chronology table (ui layer).

Each control narrows the table at once; "Any" leaves that condition out. The panel only
builds a `ChronologyFilter`; the proxy model applies it, so filtering never touches the vault.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from fftimeline.domain.entries import (
    KIND_LABELS,
    NATURE_LABELS,
    SIGNIFICANCE_LABELS,
    Kind,
    Nature,
    Significance,
)
from fftimeline.domain.people import LINK_KIND_LABELS, Linked
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.ui.models.chronology_filter import DISPUTED_BY_LABELS, ChronologyFilter, DisputedBy
from fftimeline.ui.models.entry_text import NameMask, no_mask
from fftimeline.ui.widgets.form_helpers import NO_DATE, chosen_date, optional_date_edit

_E = TypeVar("_E", bound=StrEnum)


def _combo(name: str, labels: dict[Any, str], any_text: str) -> QComboBox:
    """A combo box of "Any" followed by the given labels, each carrying its value."""
    box = QComboBox()
    box.setAccessibleName(name)
    box.addItem(any_text, None)
    for value, label in labels.items():
        box.addItem(label, value)
    return box


class FilterPanel(QWidget):
    """Kind, how we know, how serious, audience, disputes, dates, linked item and withdrawn."""

    filter_changed = Signal()
    """Emitted whenever any control changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        any_text = self.tr("Any")
        self.kind = _combo(self.tr("Filter by kind"), _labels(Kind, KIND_LABELS), any_text)
        self.nature = _combo(
            self.tr("Filter by how we know"), _labels(Nature, NATURE_LABELS), any_text
        )
        self.significance = _combo(
            self.tr("Filter by how serious"), _labels(Significance, SIGNIFICANCE_LABELS), any_text
        )
        self.audience = _combo(
            self.tr("Filter by who it is safe to share with"),
            _labels(Audience, AUDIENCE_LABELS),
            any_text,
        )
        self.linked = _combo(self.tr("Filter by linked person, place or vehicle"), {}, any_text)
        self.disputed = _combo(
            self.tr("Filter by who disputes it"),
            {k: self.tr(v) for k, v in DISPUTED_BY_LABELS.items()},
            any_text,
        )
        self.date_from = optional_date_edit(self.tr("Filter from date"), any_text)
        self.date_to = optional_date_edit(self.tr("Filter to date"), any_text)
        self.show_withdrawn = QCheckBox(self.tr("Show withdrawn entries"))
        self.show_withdrawn.setAccessibleName(self.tr("Show withdrawn entries"))
        self.show_withdrawn.setChecked(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        left, middle, right = QFormLayout(), QFormLayout(), QFormLayout()
        left.addRow(self.tr("Kind"), self.kind)
        left.addRow(self.tr("How we know"), self.nature)
        middle.addRow(self.tr("How serious"), self.significance)
        middle.addRow(self.tr("Safe to share with"), self.audience)
        middle.addRow(self.tr("Disputes"), self.disputed)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        right.addRow(self.tr("From / to"), dates)
        right.addRow(self.tr("Linked to"), self.linked)
        grid.addLayout(left, 0, 0)
        grid.addLayout(middle, 0, 1)
        grid.addLayout(right, 0, 2)
        row = QHBoxLayout()
        row.addWidget(self.show_withdrawn)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        grid.addLayout(row, 1, 0, 1, 3)

    def _connect(self) -> None:
        for box in self._combos():
            box.currentIndexChanged.connect(self.filter_changed)
        self.date_from.dateChanged.connect(self.filter_changed)
        self.date_to.dateChanged.connect(self.filter_changed)
        self.show_withdrawn.toggled.connect(self.filter_changed)
        self.clear_button.clicked.connect(self.reset)

    def current(self) -> ChronologyFilter:
        """The filter the controls describe now."""
        return ChronologyFilter(
            kind=_enum_value(self.kind, Kind),
            nature=_enum_value(self.nature, Nature),
            significance=_enum_value(self.significance, Significance),
            audience=_enum_value(self.audience, Audience),
            date_from=chosen_date(self.date_from),
            date_to=chosen_date(self.date_to),
            link_id=self.linked.currentData(),
            show_withdrawn=self.show_withdrawn.isChecked(),
            disputed=_enum_value(self.disputed, DisputedBy),
        )

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.kind,
            self.nature,
            self.significance,
            self.audience,
            self.linked,
            self.disputed,
        )

    def set_links(self, items: list[Linked], mask: NameMask = no_mask) -> None:
        """Offer the case's register items in "Linked to" (names masked when hidden)."""
        chosen = self.linked.currentData()
        self.linked.blockSignals(True)
        self.linked.clear()
        self.linked.addItem(self.tr("Any"), None)
        for item in items:
            kind = self.tr(LINK_KIND_LABELS[item.kind])
            self.linked.addItem(f"{mask(item.label)} ({kind})", item.id)
        self.linked.setCurrentIndex(max(self.linked.findData(chosen), 0))
        self.linked.blockSignals(False)

    def reset(self) -> None:
        """Put every control back to "Any" and show withdrawn entries."""
        for box in self._combos():
            box.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.show_withdrawn.setChecked(True)

    def forget(self) -> None:
        """Reset the controls and drop the case's register items (on lock)."""
        self.blockSignals(True)
        self.reset()
        self.set_links([])
        self.blockSignals(False)


def _enum_value(box: QComboBox, enum: type[_E]) -> _E | None:
    """The chosen value of an enum combo (Qt may hand back a plain str), None for "Any"."""
    value = box.currentData()
    return None if value is None else enum(value)


def _labels(enum: type[StrEnum], labels: Mapping[Any, str]) -> dict[Any, str]:
    """Labels in the enum's order."""
    return {value: labels[value] for value in enum}
