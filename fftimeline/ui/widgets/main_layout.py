"""Builds the main window's models, widgets, toolbar and menus (ui layer).

Layout only: no slots and no vault calls live here, so the window's behaviour stays in
`main_window.py` and this file reads like the UX sketch, left to right.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

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

_SAMPLES = {  # texts each column should show whole (the serious-risk icon is added)
    Column.DATE: "25 Sep 2025 at 23:15",
    Column.KIND: "Family contact",
    Column.NATURE: "Family's accou",
    Column.SOURCE: "Priya Shah, Te",
    Column.SIGNIFICANCE: "Serious risk",
    Column.SHARING: "Team, Strategy",
}
"""Kind, date and sharing read short in the table (the full words are in the tips and the
detail pane) and long headers take two lines, so "What happened" gets the room."""

_SQUEEZABLE = (Column.SOURCE, Column.NATURE)
"""Columns that give up width first on a small screen (their tips hold the whole text), down
to `_SQUEEZED_CHARS` or their header's width."""
_SQUEEZED_CHARS = 10
_SUMMARY_CHARS = 28
""""What happened" keeps at least this many characters before anything else must scroll."""


class ChronologyTable(QTableView):
    """The chronology table: sortable, whole rows selected, fixed row heights for speed.

    "What happened" takes the spare width. On a narrow window "Who told us" and "How we
    know" narrow first (to about nine characters) so "What happened" stays readable.
    """

    def __init__(self, proxy: ChronologyFilterProxy, delegate: HighlightDelegate) -> None:
        super().__init__()
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Chronology"))
        self.setModel(proxy)
        self.setItemDelegate(delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab moves on to the tasks; arrows move between rows
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._char = self.fontMetrics().averageCharWidth()
        self.floors: dict[Column, int] = {}
        self.preferred = self._preferred_widths(proxy)
        header = self.horizontalHeader()
        for column, width in self.preferred.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(6 * self._char)

    def _preferred_widths(self, proxy: ChronologyFilterProxy) -> dict[Column, int]:
        bold = self.horizontalHeader().fontMetrics()
        metrics = self.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + self._char
        widths = {}
        for column, sample in _SAMPLES.items():
            title = str(proxy.headerData(column, Qt.Orientation.Horizontal))
            widest_line = max(bold.horizontalAdvance(line) for line in title.split("\n"))
            text = metrics.horizontalAdvance(sample) + 2 * self._char
            if column is Column.SIGNIFICANCE:
                text += icon
            widths[column] = max(text, widest_line + 4 * self._char)
            self.floors[column] = max(_SQUEEZED_CHARS * self._char, widest_line + 2 * self._char)
        return widths

    def fit_columns(self) -> None:
        """Narrow the squeezable columns as far as needed for "What happened" (and no more)."""
        header = self.horizontalHeader()
        fixed = sum(w for c, w in self.preferred.items() if c not in _SQUEEZABLE)
        room = self.viewport().width() - fixed - _SUMMARY_CHARS * self._char
        for i, column in enumerate(_SQUEEZABLE):
            later = sum(self.preferred[c] for c in _SQUEEZABLE[i + 1 :])
            width = max(self.floors[column], min(self.preferred[column], room - later))
            header.resizeSection(column, width)
            room -= width

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


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
        self.table = ChronologyTable(self.proxy, self.delegate)
        self.case_heading = QLabel()
        self.case_heading.setAccessibleName(QCoreApplication.translate("MainWindow", "Case shown"))
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
            self.case_panel.safety_plan_button,
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
        bar = QToolBar(QCoreApplication.translate("MainWindow", "Main tools"))
        bar.setObjectName("main-tools")
        bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Main tools"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(a.new_entry)
        bar.addAction(a.export)
        bar.addAction(a.print_)
        bar.addSeparator()
        label = QLabel(QCoreApplication.translate("MainWindow", "Search:"))
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
        vault = bar.addMenu(QCoreApplication.translate("MainWindow", "&Vault"))
        vault.addActions([a.new_case, a.edit_case, a.register])
        vault.addSeparator()
        vault.addActions([a.export, a.print_, a.disclosures, a.lock])
        entry = bar.addMenu(QCoreApplication.translate("MainWindow", "&Entry"))
        entry.addActions([a.new_entry, a.open_entry, a.history, a.retract, a.copy_entry])
        entry.addSeparator()
        entry.addActions([a.new_meeting, a.support_offered])
        entry.addSeparator()
        entry.addAction(a.new_task)
        entry.addAction(a.wording)
        view = bar.addMenu(QCoreApplication.translate("MainWindow", "V&iew"))
        view.addActions([a.find, a.filters, a.hide_names])
        case = bar.addMenu(QCoreApplication.translate("MainWindow", "&Case"))
        case.addAction(a.safety_plan)
        case.addSeparator()
        case.addActions([a.hand_over, a.import_handover])
        case.addSeparator()
        case.addActions([a.close_case, a.purge_case])

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
        outer.setSizes([24 * char, 130 * char, 27 * char])
        window.setCentralWidget(outer)
