# mypy: disable-error-code="no-untyped-call"
"""The backups dialog: unlocking backups to count them, restoring into a new file or over
the vault (after a confirmation and a backup of it), and the unlock screen's way in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.domain.cases import Case
from fftimeline.services.backups import Reason, find_backups
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.ui.backup_actions import restore_dialog_for
from fftimeline.ui.dialogs.backups_dialog import BackupsDialog
from tests.factories import PASSPHRASE, make_entry, passphrase


@pytest.fixture
def two_backups(vault: OpenVault, case: Case) -> OpenVault:
    vault.entries.add_many(case.id, [make_entry(summary=f"Entry {i}") for i in range(7)])
    vault.backups.make(Reason.MANUAL)
    vault.entries.add(case.id, make_entry(summary="one more"))
    vault.backups.make(Reason.CLOSING)
    return vault


def _dialog(qtbot: QtBot, vault: OpenVault) -> BackupsDialog:
    dialog = BackupsDialog(vault.path, vault.backups.folder(), actor="Sam Key")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _cell(dialog: BackupsDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return "" if item is None else item.text()


def test_backups_are_listed_then_unlocked_to_count(
    qtbot: QtBot, two_backups: OpenVault, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, two_backups)
    assert dialog.table.rowCount() == 2
    assert not dialog.restore_button.isEnabled()  # nothing unlocked yet
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.unlock_all()
    assert dialog.passphrase.text() == ""
    cells = [[_cell(dialog, r, c) for c in range(4)] for r in range(2)]
    assert [c[1:] for c in cells] == [["closing", "1", "8"], ["manual", "1", "7"]]
    assert dialog.restore_button.isEnabled()
    dialog.grab().save(str(tmp_path / "backups-dialog.png"))


def test_a_wrong_passphrase_shows_which_backups_did_not_open(
    qtbot: QtBot, two_backups: OpenVault
) -> None:
    dialog = _dialog(qtbot, two_backups)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase of these")
    dialog.unlock_all()
    assert "Does not open with this passphrase" in _cell(dialog, 0, 3)
    assert not dialog.restore_button.isEnabled()


def test_restore_into_a_new_file_leaves_the_vault_alone(
    qtbot: QtBot, two_backups: OpenVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "restored.fft"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog = _dialog(qtbot, two_backups)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.unlock_all()
    dialog.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(dialog.restored) as restored:
        dialog.restore_new()
    assert restored.args == [target]
    assert "Restored 1 cases and 7 entries" in dialog.message.text()
    again = open_vault(target, passphrase(), actor="Sam Key")
    try:
        assert len(again.entries.entries(again.cases.summaries()[0].case.id)) == 7
    finally:
        again.close(backup=False)
    assert len(two_backups.entries.entries(two_backups.cases.summaries()[0].case.id)) == 8
    dialog.done(0)
    assert not any(dialog._secret_for_restore)  # zeroed when the dialog closes


def test_locking_makes_the_days_backup_and_the_vault_menu_offers_backups(
    qtbot: QtBot, controller: AppController, two_backups: OpenVault
) -> None:
    for b in two_backups.backups.backups():  # no backup today yet
        b.path.unlink()
    controller.on_unlocked(two_backups)
    assert controller.main_window is not None
    menu = controller.main_window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert {"Back up now", "Backup folder…", "Backups and restore…"} <= set(texts)
    controller.lock()
    assert two_backups.closed
    folder = two_backups.path.parent / "work-chronologies-backups"
    [closing] = find_backups(folder, two_backups.path.stem)
    assert closing.reason == "closing"


def test_replacing_the_vault_asks_backs_it_up_and_keeps_the_old_file(
    qtbot: QtBot, controller: AppController, two_backups: OpenVault, monkeypatch
) -> None:
    path = two_backups.path
    controller.on_unlocked(two_backups)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialogs: list[BackupsDialog] = []

    def drive(dialog: BackupsDialog) -> int:
        dialogs.append(dialog)
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        dialog.unlock_all()
        dialog.table.setCurrentCell(1, 0)  # the older backup: 7 entries
        dialog.ask_replace()
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", drive)
    before = len(find_backups(path.parent / "work-chronologies-backups", path.stem))
    assert controller.backup_actions is not None
    controller.backup_actions.show_backups()
    assert controller.vault is None and two_backups.closed  # locked first
    assert len(find_backups(path.parent / "work-chronologies-backups", path.stem)) == before + 1
    kept = [p for p in path.parent.iterdir() if p.name.startswith("work-chronologies-replaced-")]
    assert len(kept) == 1
    again = open_vault(path, passphrase(), actor="Sam Key")
    try:
        assert len(again.entries.entries(again.cases.summaries()[0].case.id)) == 7
    finally:
        again.close(backup=False)


def test_the_unlock_screen_restores_into_a_new_file_only(
    qtbot: QtBot, two_backups: OpenVault
) -> None:
    two_backups.close(backup=False)
    dialog = restore_dialog_for(two_backups.path, None, actor="Sam Key")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.replace_button.isHidden()
