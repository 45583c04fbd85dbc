"""Builds the main window's models, widgets, toolbar and menus (ui layer).

Layout only: no slots and no vault calls live here, so the window's behaviour stays in
`main_window.py` and this file reads like the UX sketch, left to right.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fftimeline.ui.models.case_list_model import CaseListModel
from fftimeline.ui.models.chronology_filter import ChronologyFilterProxy
from fftimeline.ui.models.chronology_model import ChronologyModel, Column
from fftimeline.ui.models.task_model import TaskModel
from fftimeline.ui.widgets.case_panel import CasePanel
from fftimeline.ui.widgets.entry_detail import EntryDetail
from fftimeline.ui.widgets.filter_panel import FilterPanel
from fftimeline.ui.widgets.highlight_delegate import HighlightDelegate
from fftimeline.ui.widgets.main_actions import MainActions
from fftimeline.ui.widgets.search_box import SearchBox
from fftimeline.ui.widgets.task_panel import TaskPanel

_WIDTHS = {  # in average character widths; "What happened" takes the rest
    Column.DATE: 21,
    Column.KIND: 12,
    Column.NATURE: 12,
    Column.SOURCE: 12,
    Column.SIGNIFICANCE: 12,
    Column.SHARING: 12,
}


_SAMPLES = {  # texts these columns should show whole (an icon's width added for "serious")
    Column.DATE: "25 April 2025 at 23:15",
    Column.SIGNIFICANCE: "WW Serious risk",
}


def _chronology_table(proxy: ChronologyFilterProxy, delegate: HighlightDelegate) -> QTableView:
    """The chronology table: sortable, whole rows selected, fixed row heights for speed."""
    table = QTableView()
    table.setAccessibleName(QCoreApplication.translate("MainWindow", "Chronology"))
    table.setModel(proxy)
    table.setItemDelegate(delegate)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    char = table.fontMetrics().averageCharWidth()
    bold = header.fontMetrics()
    metrics = table.fontMetrics()
    for column, width in _WIDTHS.items():
        title = str(proxy.headerData(column, Qt.Orientation.Horizontal))
        sample = metrics.horizontalAdvance(_SAMPLES.get(column, ""))
        header.resizeSection(
            column, max(width * char, sample + 3 * char, bold.horizontalAdvance(title) + 4 * char)
        )
    header.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(6 * char)
    return table


class MainLayout:
    """The main window's parts, built once and then reached by name."""

    def __init__(self, window: QMainWindow, actions: MainActions) -> None:
        self.case_model = CaseListModel(window)
        self.chronology_model = ChronologyModel(window)
        self.proxy = ChronologyFilterProxy(self.chronology_model, window)
        self.task_model = TaskModel(window)
        self.delegate = HighlightDelegate(window)
        self.case_panel = CasePanel(self.case_model)
        self.search = SearchBox()
        self.filters = FilterPanel()
        self.filters.setVisible(False)
        self.table = _chronology_table(self.proxy, self.delegate)
        self.case_heading = QLabel()
        self.case_heading.setAccessibleName(window.tr("Case shown"))
        font = self.case_heading.font()
        font.setBold(True)
        self.case_heading.setFont(font)
        self.task_panel = TaskPanel(self.task_model)
        self.detail = EntryDetail()
        self._toolbar(window, actions)
        self._menus(window, actions)
        self._body(window)
        self.table.addAction(actions.open_entry)
        actions.open_entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab moves left to right as the screen reads: cases, search, filters, table, tasks."""
        f = self.filters
        chain: list[QWidget] = [
            self.case_panel.view,
            self.case_panel.new_button,
            self.case_panel.edit_button,
            self.case_panel.register_button,
            self.search,
            *(f.kind, f.nature, f.significance, f.audience, f.date_from, f.date_to, f.linked),
            f.show_withdrawn,
            f.clear_button,
            self.table,
            self.task_panel.view,
            self.task_panel.new_button,
            self.task_panel.edit_button,
            self.detail,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _toolbar(self, window: QMainWindow, a: MainActions) -> None:
        bar = QToolBar(window.tr("Main tools"))
        bar.setObjectName("main-tools")
        bar.setAccessibleName(window.tr("Main tools"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(a.new_entry)
        bar.addAction(a.export)
        bar.addSeparator()
        label = QLabel(window.tr("Search:"))
        label.setBuddy(self.search)
        bar.addWidget(label)
        self.search.setMinimumWidth(18 * self.search.fontMetrics().averageCharWidth())
        bar.addWidget(self.search)
        bar.addAction(a.filters)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(a.lock)
        window.addToolBar(bar)

    def _menus(self, window: QMainWindow, a: MainActions) -> None:
        bar = window.menuBar()
        vault = bar.addMenu(window.tr("&Vault"))
        vault.addActions([a.new_case, a.edit_case, a.register])
        vault.addSeparator()
        vault.addActions([a.export, a.disclosures, a.lock])
        entry = bar.addMenu(window.tr("&Entry"))
        entry.addActions([a.new_entry, a.open_entry, a.history, a.retract])
        entry.addSeparator()
        entry.addAction(a.new_task)
        view = bar.addMenu(window.tr("V&iew"))
        view.addActions([a.find, a.filters, a.hide_names])

    def _body(self, window: QMainWindow) -> None:
        middle = QWidget()
        box = QVBoxLayout(middle)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.case_heading)
        box.addWidget(self.filters)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.table)
        inner.addWidget(self.task_panel)
        inner.setStretchFactor(0, 4)
        inner.setStretchFactor(1, 1)
        box.addWidget(inner, 1)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(self.case_panel)
        outer.addWidget(middle)
        outer.addWidget(self.detail)
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 4)
        outer.setStretchFactor(2, 2)
        outer.setChildrenCollapsible(False)
        char = window.fontMetrics().averageCharWidth()
        outer.setSizes([26 * char, 124 * char, 32 * char])
        window.setCentralWidget(outer)
