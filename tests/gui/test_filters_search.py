"""Filters and as-you-type search narrow the chronology table (real vault, offscreen)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from fftimeline.domain.entries import Entry, Kind, Nature, Significance
from fftimeline.domain.sharing import Audience
from fftimeline.services.vault import OpenVault
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.models.chronology_model import Column
from fftimeline.ui.widgets.form_helpers import show_date


def shown_summaries(window: MainWindow) -> list[str]:
    proxy = window.ui.proxy
    return [str(proxy.index(r, Column.SUMMARY).data()) for r in range(proxy.rowCount())]


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_window_shows_every_entry_of_the_first_case(
    window: MainWindow, entries: list[Entry]
) -> None:
    assert window.ui.proxy.rowCount() == len(entries)
    assert window.statusBar().currentMessage() == "4 entries"


def test_kind_filter_narrows_the_table(window: MainWindow) -> None:
    choose(window.ui.filters.kind, Kind.INCIDENT)
    assert shown_summaries(window) == ["Arrested with cash and two phones in Birmingham"]
    assert window.statusBar().currentMessage() == "1 of 4 entries shown"


def test_nature_filter_narrows_the_table(window: MainWindow) -> None:
    choose(window.ui.filters.nature, Nature.OPINION)
    assert shown_summaries(window) == ["Strategy meeting agreed a safety plan"]


def test_significance_filter_keeps_serious_risk(window: MainWindow) -> None:
    choose(window.ui.filters.significance, Significance.SERIOUS)
    assert shown_summaries(window) == ["Arrested with cash and two phones in Birmingham"]


def test_audience_filter_keeps_what_is_safe_to_share(window: MainWindow) -> None:
    choose(window.ui.filters.audience, Audience.POLICE)
    assert shown_summaries(window) == ["Car seen at the flat most nights"]


def test_date_range_keeps_entries_that_may_fall_inside(window: MainWindow) -> None:
    show_date(window.ui.filters.date_from, dt.date(2025, 5, 20))
    show_date(window.ui.filters.date_to, dt.date(2025, 6, 30))
    # "May 2025" may have happened up to 31 May; "around June 2025" is inside.
    assert sorted(shown_summaries(window)) == [
        "Car seen at the flat most nights",
        "Strategy meeting agreed a safety plan",
    ]


def test_linked_person_filter(window: MainWindow, vault: OpenVault, entries: list[Entry]) -> None:
    bugsy = vault.links.items(entries[0].case_id)[0]
    choose(window.ui.filters.linked, bugsy.id)
    assert shown_summaries(window) == ["Arrested with cash and two phones in Birmingham"]


def test_withdrawn_entries_can_be_hidden_and_clear_filters_shows_all(
    window: MainWindow, vault: OpenVault, entries: list[Entry]
) -> None:
    vault.entries.retract(entries[3].id, "Duplicate of another entry")
    window.select_case(entries[0].case_id)
    assert "Withdrawn: Strategy meeting agreed a safety plan" in shown_summaries(window)
    window.ui.filters.show_withdrawn.setChecked(False)
    assert len(shown_summaries(window)) == 3
    window.ui.filters.clear_button.click()
    assert len(shown_summaries(window)) == 4


def test_typing_in_search_narrows_the_table_after_a_pause(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.ui.search, "birm")
    assert len(shown_summaries(window)) == 4  # not yet: waits for typing to pause
    qtbot.waitUntil(lambda: len(shown_summaries(window)) == 1, timeout=2000)
    assert shown_summaries(window) == ["Arrested with cash and two phones in Birmingham"]
    assert window.ui.delegate.matches("Arrested with cash and two phones in Birmingham")
    assert not window.ui.delegate.matches("Car seen at the flat most nights")


def test_search_finds_entries_by_linked_nickname(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.ui.search, "Bugsy")
    window.ui.search.flush()
    assert shown_summaries(window) == ["Arrested with cash and two phones in Birmingham"]


def test_escape_clears_the_search_and_shows_every_entry(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.ui.search, "flat")
    window.ui.search.flush()
    assert shown_summaries(window) == ["Car seen at the flat most nights"]
    qtbot.keyClick(window.ui.search, Qt.Key.Key_Escape)
    assert window.ui.search.text() == ""
    assert len(shown_summaries(window)) == 4
    assert not window.ui.delegate.active


def test_search_and_filter_combine(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.ui.search, "car")
    window.ui.search.flush()
    choose(window.ui.filters.kind, Kind.INTELLIGENCE)
    assert shown_summaries(window) == ["Car seen at the flat most nights"]


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, window: MainWindow) -> None:
    window.ui.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.search.hasFocus()
