# mypy: disable-error-code="no-untyped-call"
"""Support offered from the main window: from the settings' list, then taken up later."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry, Kind
from fftimeline.domain.support import TakenUp
from fftimeline.services.vault import OpenVault
from fftimeline.settings import example_support
from fftimeline.ui.dialogs.support_offer_dialog import SupportOfferDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.widgets.form_drafts import FORM_DRAFT_KEY
from tests.factories import make_support_entry
from tests.gui.conftest import answer_reason_soon

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
        answer_reason_soon("Grace took up the offer")
        form.save_button.click()

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


def test_a_change_to_an_offer_is_kept_across_a_lock_and_reopens_on_the_same_entry(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    offered = vault.entries.add(case.id, make_support_entry())
    assert offered.support is not None
    name = offered.support.organisation
    form = SupportOfferDialog(vault, case.id, ["Childline", name], offered)
    qtbot.addWidget(form)
    form.show()
    form.note.setText("Grace went to the first session")
    SupportOfferDialog.stash_open_forms()
    assert not form.isVisible()
    [record] = json.loads(vault.drafts.load(FORM_DRAFT_KEY) or "[]")
    parent = QWidget()
    qtbot.addWidget(parent)
    again = SupportOfferDialog.reopen(parent, vault, record)
    assert isinstance(again, SupportOfferDialog)  # closed with its parent
    assert again.note.text() == "Grace went to the first session"
    assert again.organisation.currentText() == name  # the entry's own organisation
    assert again.has_changes()
