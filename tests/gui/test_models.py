"""The item models: Qt's model tester, and what a key worker reads in each cell."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from fftimeline.domain.cases import Case
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry, Kind, Significance
from fftimeline.domain.tasks import TaskStatus
from fftimeline.services.vault import OpenVault
from fftimeline.ui.models.case_list_model import CaseListModel
from fftimeline.ui.models.chronology_filter import ChronologyFilter, ChronologyFilterProxy
from fftimeline.ui.models.chronology_model import ChronologyModel, Column
from fftimeline.ui.models.task_model import TaskColumn, TaskModel
from tests.factories import make_entry, make_task
from tests.gui.conftest import WITHHELD_NAME

ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
]


def all_text(model: ChronologyModel) -> str:
    """Every string the model gives for every cell, in every text role."""
    out = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in ROLES:
                value = model.index(row, column).data(role)
                out.append(value if isinstance(value, str) else "")
    return "\n".join(out)


def row_texts(model: ChronologyModel | ChronologyFilterProxy, row: int) -> list[str]:
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def test_chronology_model_passes_the_model_tester(qtmodeltester, entries: list[Entry]) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    qtmodeltester.check(model, force_py=True)  # keeps watching every later change
    assert model.rowCount() == len(entries)
    model.replace_entry(entries[0])
    model.clear()
    assert model.rowCount() == 0
    model.set_entries(entries[:2])
    assert model.rowCount() == 2


def test_proxy_passes_the_model_tester_after_filter_and_search(
    qtmodeltester, entries: list[Entry]
) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    proxy = ChronologyFilterProxy(model)
    proxy.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy, force_py=True)  # keeps watching every later change
    proxy.set_filter(ChronologyFilter(significance=Significance.SERIOUS))
    assert proxy.rowCount() == 1
    proxy.set_match_ids(frozenset({entries[0].id}))
    assert proxy.rowCount() == 0
    proxy.set_filter(ChronologyFilter())
    assert proxy.rowCount() == 1
    assert proxy.entry_at(0).id == entries[0].id
    proxy.set_match_ids(None)
    proxy.sort(Column.SIGNIFICANCE, Qt.SortOrder.DescendingOrder)
    assert proxy.entry_at(0).significance is Significance.SERIOUS
    model.set_entries(entries[:1])
    assert proxy.rowCount() == 1


def test_serious_risk_reads_serious_risk_with_a_warning_icon(entries: list[Entry]) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    row = model.row_of(entries[1].id)
    assert row is not None
    cell = model.index(row, Column.SIGNIFICANCE)
    assert cell.data() == "Serious risk"
    icon = cell.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    routine = model.index(model.row_of(entries[0].id) or 0, Column.SIGNIFICANCE)
    assert routine.data() == "Routine"
    assert routine.data(Qt.ItemDataRole.DecorationRole) is None


def test_withheld_source_shows_source_withheld_never_the_name(entries: list[Entry]) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    row = model.row_of(entries[2].id)
    assert row is not None
    assert model.index(row, Column.SOURCE).data() == "Source withheld"
    assert WITHHELD_NAME not in all_text(model)


def test_row_reads_date_in_words_and_how_we_know(entries: list[Entry]) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    texts = row_texts(model, model.row_of(entries[3].id) or 0)
    assert texts[Column.DATE] == "May 2025"
    assert texts[Column.NATURE] == "Opinion of Dr Shah, paediatrician"
    assert texts[Column.KIND] == "Meeting"  # short in the table (UX item 4) ...
    kind = model.index(model.row_of(entries[3].id) or 0, Column.KIND)
    assert kind.data(Qt.ItemDataRole.ToolTipRole) == "Meeting or decision"  # ... whole here
    around_row = model.row_of(entries[2].id) or 0
    around = row_texts(model, around_row)
    assert around[Column.DATE] == "Around Jun 2025"
    date = model.index(around_row, Column.DATE)
    assert date.data(Qt.ItemDataRole.ToolTipRole) == "Around June 2025"
    assert around[Column.SHARING] == "Team, Police"


def test_withdrawn_entry_reads_withdrawn_and_is_struck_through(
    vault: OpenVault, entries: list[Entry]
) -> None:
    withdrawn = vault.entries.retract(entries[0].id, "Recorded on the wrong child's file")
    model = ChronologyModel()
    model.set_entries([withdrawn, *entries[1:]])
    cell = model.index(0, Column.SUMMARY)
    assert cell.data().startswith("Withdrawn: ")
    font = cell.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    proxy = ChronologyFilterProxy(model)
    proxy.set_filter(ChronologyFilter(show_withdrawn=False))
    assert withdrawn.id not in [proxy.entry_at(r).id for r in range(proxy.rowCount())]


def test_date_column_sorts_chronologically_not_alphabetically(vault: OpenVault, case: Case) -> None:
    dates = [
        EventDate.exact(dt.date(2025, 3, 2)),
        EventDate.year(2024),
        EventDate.around_month(2025, 1),
        EventDate.exact(dt.date(2024, 12, 25)),
    ]
    saved = [vault.entries.add(case.id, make_entry(event_date=d)) for d in dates]
    model = ChronologyModel()
    model.set_entries(saved)
    proxy = ChronologyFilterProxy(model)
    proxy.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, Column.DATE).data() for r in range(proxy.rowCount())]
    assert shown == ["2024", "25 Dec 2024", "Around Jan 2025", "2 Mar 2025"]  # months short (UX 4)


def test_replace_entry_shows_the_new_version(vault: OpenVault, entries: list[Entry]) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    amended = vault.entries.amend(
        entries[0].id, make_entry(summary="Seen getting into a grey car"), "Colour confirmed"
    )
    model.replace_entry(amended)
    assert model.index(model.row_of(amended.id) or 0, Column.SUMMARY).data() == (
        "Seen getting into a grey car"
    )


def test_case_list_passes_tester_and_hide_names_shows_initials(
    qtmodeltester, vault: OpenVault, entries: list[Entry]
) -> None:
    vault.tasks.add(entries[0].case_id, make_task())
    model = CaseListModel()
    model.set_cases(vault.cases.summaries())
    qtmodeltester.check(model, force_py=True)
    text = model.index(0).data()
    assert "Jayden Okafor (JJ)" in text
    assert "4 entries" in text
    # (the serious risk's next action is a task of its own, due within 24 hours)
    assert "2 open tasks (1 overdue)" in text
    assert "last serious risk 3 July 2025" in text
    model.set_hide_names(True)
    hidden = model.index(0).data() + model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert hidden.startswith("J. O.")
    assert "Jayden" not in hidden and "Okafor" not in hidden
    model.clear()
    assert model.rowCount() == 0


def test_case_list_counts_the_entries_someone_disputes(
    vault: OpenVault, entries: list[Entry]
) -> None:
    from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

    case_id = entries[0].case_id
    model = CaseListModel()
    model.set_cases(vault.cases.summaries())
    assert "disputed" not in model.index(0).data()
    child = PersonView(holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="Not me")
    vault.entries.add(case_id, make_entry(views=(child,)))
    partly = PersonView(holder=ViewHolder.FAMILY, position=ViewPosition.PARTLY, text="Some")
    vault.entries.add(case_id, make_entry(views=(partly,)))
    model.set_cases(vault.cases.summaries())
    assert "6 entries, 2 disputed" in model.index(0).data()


def test_a_disputed_entry_is_marked_beside_what_happened_with_whose_view_in_words(
    qtmodeltester, vault: OpenVault, entries: list[Entry]
) -> None:
    from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

    grace = PersonView(
        holder=ViewHolder.MEMBER,
        name="Grace Okafor",
        position=ViewPosition.DISPUTE,
        text="He was home by nine.",
    )
    disputed = vault.entries.add(entries[0].case_id, make_entry(summary="Out late", views=(grace,)))
    model = ChronologyModel()
    model.set_entries(vault.entries.entries(disputed.case_id))
    qtmodeltester.check(model, force_py=True)
    rows = {model.entry_at(r).id: r for r in range(model.rowCount())}
    marked = model.index(rows[disputed.id], Column.SUMMARY)
    plain = model.index(rows[entries[0].id], Column.SUMMARY)
    assert marked.data(Qt.ItemDataRole.DecorationRole) is not None
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None  # agrees: no sign
    assert "Grace Okafor: Disputes: He was home by nine." in marked.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Disputes" in marked.data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_filter_finds_what_the_family_or_the_child_disputes(
    vault: OpenVault, entries: list[Entry]
) -> None:
    from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition
    from fftimeline.ui.models.chronology_filter import DisputedBy

    case_id = entries[0].case_id
    child = PersonView(holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="Not me")
    grace = PersonView(holder=ViewHolder.MEMBER, name="Grace Okafor", position=ViewPosition.PARTLY)
    by_child = vault.entries.add(case_id, make_entry(summary="Child says no", views=(child,)))
    by_mum = vault.entries.add(case_id, make_entry(summary="Mum partly", views=(grace,)))
    model = ChronologyModel()
    model.set_entries(vault.entries.entries(case_id))
    proxy = ChronologyFilterProxy(model)
    proxy.set_filter(ChronologyFilter(disputed=DisputedBy.FAMILY))
    assert [proxy.entry_at(r).id for r in range(proxy.rowCount())] == [by_mum.id]
    proxy.set_filter(ChronologyFilter(disputed=DisputedBy.CHILD))
    assert [proxy.entry_at(r).id for r in range(proxy.rowCount())] == [by_child.id]


def test_task_model_marks_overdue_with_word_and_icon(
    qtmodeltester, vault: OpenVault, case: Case
) -> None:
    late = vault.tasks.add(case.id, make_task(due=dt.date(2025, 3, 20)))
    vault.tasks.add(case.id, make_task(what="Chase the school", due=None))
    vault.tasks.add(case.id, make_task(what="Old one", status=TaskStatus.DONE, outcome="Happened"))
    model = TaskModel()
    model.set_tasks(vault.tasks.tasks(case.id))
    qtmodeltester.check(model, force_py=True)
    assert model.task_at(0).id == late.id
    status = model.index(0, TaskColumn.STATUS)
    assert status.data() == "Open — overdue"
    assert isinstance(status.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(0, TaskColumn.OWNER).data() == "R. Hughes"
    assert model.index(0, TaskColumn.DUE).data() == "20 March 2025"
    assert model.index(1, TaskColumn.DUE).data() == "No date"
    assert model.index(2, TaskColumn.STATUS).data() == "Done"
    model.clear()
    assert model.rowCount() == 0
    assert model.rowCount(QModelIndex()) == 0


def test_kind_filter_compares_values_from_combo_boxes(entries: list[Entry]) -> None:
    model = ChronologyModel()
    model.set_entries(entries)
    proxy = ChronologyFilterProxy(model)
    proxy.set_filter(ChronologyFilter(kind=Kind("incident")))
    assert [proxy.entry_at(r).id for r in range(proxy.rowCount())] == [entries[1].id]


def test_sorting_by_date_descending_keeps_the_selected_entry(window) -> None:
    proxy = window.ui.proxy
    row = next(r for r in range(proxy.rowCount()) if "Arrested" in proxy.entry_at(r).summary)
    window.ui.table.selectRow(row)
    window.ui.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
    dates = [proxy.index(r, Column.DATE).data() for r in range(proxy.rowCount())]
    assert dates == ["3 Jul 2025", "Around Jun 2025", "May 2025", "14 Mar 2025"]
    assert window.selected_entry().summary.startswith("Arrested")
