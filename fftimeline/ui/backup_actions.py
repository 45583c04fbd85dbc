"""The Vault menu's backup commands and the unlock screen's "Restore from a backup…" (UI layer).

Slots stay short: each reads what it needs, calls one service (off the interface thread
for anything that copies the vault) and shows the result in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from fftimeline.domain.errors import DomainError
from fftimeline.services.backups import BackupFile, Reason, default_folder
from fftimeline.services.vault import OpenVault
from fftimeline.ui.backup_runner import run_backup
from fftimeline.ui.dialogs.backups_dialog import BackupsDialog
from fftimeline.ui.errors import plain_message


class BackupActions(QObject):
    """Back up now, choose the backup folder, and the backups-and-restore dialog.

    Args:
        current: the open vault, or None when locked.
        lock: closes the open vault (with its closing backup) and shows the unlock screen.
        remember_folder: keeps a vault's chosen folder in the app's settings (its path
            only), so the unlock screen can find backups when the vault will not open.
    """

    def __init__(
        self,
        current: Callable[[], OpenVault | None],
        lock: Callable[[], None],
        remember_folder: Callable[[Path, Path], None],
        *,
        actor: str,
    ) -> None:
        super().__init__()
        self._current, self._lock, self._remember = current, lock, remember_folder
        self.actor = actor

    def add_to(self, window: QMainWindow) -> None:
        """Add the commands to the window's first menu (the Vault menu)."""
        actions = [
            (window.tr("Back up now"), self.back_up_now),
            (window.tr("Backup folder…"), self.choose_folder),
            (window.tr("Backups and restore…"), self.show_backups),
        ]
        menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
        for text, slot in actions:
            action = QAction(text, window)
            action.triggered.connect(slot)
            if menus and isinstance(menus[0], QMenu):
                menus[0].addAction(action)
            else:
                window.addAction(action)

    def back_up_now(self) -> None:
        """Make a verified backup now, off the interface thread."""
        vault = self._current()
        if vault is None:
            return
        parent = QApplication.activeWindow()
        error = run_backup(parent, lambda progress: vault.backups.make(Reason.MANUAL, progress))
        latest = vault.backups.backups()
        text = (
            plain_message(error)
            if error
            else self.tr("Backup made and checked: %1").replace(
                "%1", str(latest[0].path) if latest else ""
            )
        )
        QMessageBox.information(parent, self.tr("Backup"), text)

    def choose_folder(self) -> None:
        """Choose where this vault's backups go; another drive is safer."""
        vault = self._current()
        if vault is None:
            return
        chosen = QFileDialog.getExistingDirectory(
            None,
            self.tr("Where to keep backups (another drive is safer)"),
            str(vault.backups.folder()),
        )
        if not chosen:
            return
        try:
            vault.backups.set_folder(Path(chosen))
        except DomainError as exc:
            QMessageBox.warning(None, self.tr("Backup folder"), plain_message(exc))
            return
        self._remember(vault.path, Path(chosen))

    def show_backups(self) -> None:
        """The backups of the open vault, and restoring one."""
        vault = self._current()
        if vault is None:
            return
        dialog = BackupsDialog(vault.path, vault.backups.folder(), actor=self.actor)
        dialog.replace_requested.connect(lambda backup: self._replace(dialog, vault, backup))
        dialog.exec()

    def _replace(self, dialog: BackupsDialog, vault: OpenVault, backup: BackupFile) -> None:
        """Back up and close the open vault, then restore the backup over it."""
        path = vault.path
        error = run_backup(dialog, lambda progress: vault.backups.make(Reason.MANUAL, progress))
        if error is not None:
            dialog.message.setText(plain_message(error))
            return
        self._lock()
        if dialog.restore_to(backup, path, replace=True):
            dialog.accept()


def restore_dialog_for(vault_path: Path, folder: Path | None, *, actor: str) -> BackupsDialog:
    """The backups dialog for a locked vault (the unlock screen): restore into a new file."""
    dialog = BackupsDialog(vault_path, folder or default_folder(vault_path), actor=actor)
    dialog.replace_button.hide()  # with the vault locked, restore into a new file, then open it
    return dialog
