# mypy: disable-error-code="no-untyped-call"
"""Support offered from the main window: from the settings' list, then taken up later."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry, Kind
from fftimeline.domain.support import TakenUp
from fftimeline.services.vault import OpenVault
from fftimeline.settings import example_support
from fftimeline.ui.dialogs.support_offer_dialog import SupportOfferDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.widgets.editor_history import ReasonDialog

PACE = "PACE (Parents Against Child Exploitation)"


def _form() -> SupportOfferDialog:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SupportOfferDialog)
    return dialog


def test_support_offered_from_the_list_appears_in_the_chronology_and_is_later_taken_up(
    qtbot: QtBot, window: MainWindow, vault: OpenVault, case: Case, entries: list[Entry]
) -> None:
    def offer() -> None:
        form = _form()
        names = [form.organisation.itemText(i) for i in range(form.organisation.count())]
        assert names == [o.name for o in example_support()] + ["Another organisation…"]
        assert not form.save_button.isEnabled()
        assert form.problem.text() == "Say when the support was offered."
        qtbot.keyClicks(form.when.line, "14/7/25")
        form.organisation.setCurrentIndex(names.index(PACE))
        form.offered_to.setText("Grace Okafor")
        assert not form.other.isEnabled()
        assert form.save_button.isEnabled(), form.problem.text()
        form.save_button.click()

    QTimer.singleShot(0, offer)
    window.commands.support_offered.trigger()
    [saved] = [e for e in vault.entries.entries(case.id) if e.kind is Kind.SUPPORT]
    assert saved.support is not None
    assert (saved.support.organisation, saved.support.taken_up) == (PACE, TakenUp.NOT_YET)
    assert saved.event_date.start == dt.date(2025, 7, 14)
    assert window.selected_entry() == saved  # in the chronology at its date, selected
    pane = window.ui.detail.toPlainText()
    assert f"Support offered: {PACE}, to Grace Okafor." in pane

    def taken_up() -> None:
        form = _form()
        assert form.offered_to.text() == "Grace Okafor"
        form.taken_up.setCurrentIndex(form.taken_up.findData(TakenUp.YES.value))
        form.note.setText("Grace meets the PACE worker every fortnight.")
        QTimer.singleShot(0, reason)
        form.save_button.click()

    def reason() -> None:
        asked = QApplication.activeModalWidget()
        assert isinstance(asked, ReasonDialog)
        asked.reason.setPlainText("Grace took up the offer")
        asked.ok.click()

    QTimer.singleShot(0, taken_up)
    window.commands.open_entry.trigger()
    history = vault.entries.history(saved.id)
    assert [v.version for v in history] == [1, 2]
    assert history[0].support is not None and history[0].support.taken_up is TakenUp.NOT_YET
    assert history[1].support is not None and history[1].support.taken_up is TakenUp.YES
    assert "Grace meets the PACE worker every fortnight." in window.ui.detail.toPlainText()


def test_another_organisation_must_be_named(qtbot: QtBot, vault: OpenVault, case: Case) -> None:
    form = SupportOfferDialog(vault, case.id, [PACE])
    qtbot.addWidget(form)
    qtbot.keyClicks(form.when.line, "14/7/25")
    assert form.save_button.isEnabled()
    form.organisation.setCurrentIndex(1)  # "Another organisation…"
    assert form.other.isEnabled() and not form.save_button.isEnabled()
    qtbot.keyClicks(form.other, "Local youth club")
    assert form.save_button.isEnabled()
