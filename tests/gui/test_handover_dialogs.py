# mypy: disable-error-code="no-untyped-call"
"""Hand over a case and import one from the app: background work with progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.services.handover import read_handover, write_handover
from fftimeline.services.progress import Progress
from fftimeline.services.vault import OpenVault, create_vault
from fftimeline.ui.background import BackgroundJob, ProgressPanel
from fftimeline.ui.dialogs.disclosures_dialog import DisclosuresDialog
from fftimeline.ui.dialogs.handover_dialog import HandoverDialog
from fftimeline.ui.dialogs.handover_import_dialog import HandoverImportDialog
from fftimeline.ui.main_window import MainWindow
from tests.factories import make_case, make_entry, passphrase

KEY = "river-lantern-copper-meadow-falcon-quiet-harbour-ember-tulip-stone"


def test_hand_over_writes_the_file_shows_its_check_code_and_forgets_the_passphrase(
    qtbot: QtBot,
    window: MainWindow,
    vault: OpenVault,
    case: Case,
    entries: list[Entry],
    tmp_path: Path,
) -> None:
    dialog = HandoverDialog(vault, case.id, window)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    dialog.show()
    shown = dialog.passphrase.text()
    assert len(shown.split("-")) == 10
    out = tmp_path / "case.handover"
    dialog.file_name.setText(str(out))
    dialog.go.click()
    assert dialog.problem.text() == "Say who is taking over the case."
    dialog.worker.setText("Alex New")
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.handed is not None, timeout=20_000)
    assert dialog.handed is not None
    assert dialog.handed.sha256 in dialog.done_label.text()
    assert "Recorded in What was shared." in dialog.done_label.text()
    summary, _rows = read_handover(out, bytearray(shown.encode()))
    assert summary.counts["entries"] == len(entries)
    register = DisclosuresDialog(vault, case.id, window)
    qtbot.addWidget(register)
    item = register.table.item(0, 1)
    assert item is not None and item.text() == "Hand-over to the new key worker"
    assert dialog.go.text() == "Close"
    dialog.go.click()
    assert not dialog.isVisible()
    assert dialog.passphrase.text() == ""


def test_import_checks_the_file_first_then_adds_the_case(
    qtbot: QtBot, vault: OpenVault, tmp_path: Path
) -> None:
    sender = create_vault(tmp_path / "sender.fft", passphrase(), actor="Sam Key")
    sent = sender.cases.add(make_case(child_name="Mia Reid"))
    sender.entries.add(sent.id, make_entry(summary="Handed-over entry"))
    out = tmp_path / "in.handover"
    write_handover(sender, sent.id, out, bytearray(KEY.encode()), to_worker="Sam Key")
    sender.close()
    dialog = HandoverImportDialog(vault)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    dialog.show()
    dialog.path.setText(str(out))
    dialog.passphrase.setText("the wrong words")
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=20_000)
    assert (
        dialog.problem.text()
        == "Wrong hand-over passphrase, or the file is damaged. Nothing was imported."
    )
    dialog.passphrase.setText(KEY)
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=20_000)
    assert dialog.about.text().startswith("The case of M. R., handed over by Sam Key on ")
    assert "\n1 entry (1 version), 0 people, places and vehicles, 0 tasks," in dialog.about.text()
    assert vault.cases.summaries() == []  # checking adds nothing
    dialog.go.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20_000)
    assert dialog.imported is not None
    [summary] = vault.cases.summaries()
    assert summary.case.id == dialog.imported.case_id and summary.entry_count == 1
    assert dialog.passphrase.text() == ""


def test_cancel_stops_long_work_and_says_nothing_changed(qtbot: QtBot) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    started = threading.Event()
    failures: list[object] = []

    def long_work(progress: Progress) -> object:
        started.set()
        for step in range(10_000):
            progress.step(step, 10_000, "Writing the hand-over file")
            threading.Event().wait(0.01)
        return "finished"

    panel.run(long_work, lambda _r: None, failures.append)
    assert started.wait(10)
    qtbot.waitUntil(lambda: panel.stage.text() == "Writing the hand-over file", timeout=5000)
    assert panel.isVisible() and panel.running
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    [error] = failures
    assert getattr(error, "message", "") == "Stopped. Nothing was changed."
    qtbot.waitUntil(lambda: not panel.isVisible())


def test_locking_stops_running_work_first(qtbot: QtBot) -> None:
    started = threading.Event()

    def endless(progress: Progress) -> object:
        started.set()
        for i in range(10**7):
            progress.step(i, 10**7, "work")
        return None

    job = BackgroundJob(endless)
    job.begin()
    assert started.wait(10)
    BackgroundJob.stop_all()
    assert job.isFinished()
    assert BackgroundJob._running == []


def test_handover_dialog_cancel_button_is_cancel_before_work(
    qtbot: QtBot, window: MainWindow, vault: OpenVault, case: Case
) -> None:
    dialog = HandoverDialog(vault, case.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
