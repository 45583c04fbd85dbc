"""Backups of a vault and restoring one (UI layer).

Opened from the Vault menu and from the unlock screen. It lists the backups found in the
vault's backup folder; after the passphrase is typed, each is unlocked read-only (off the
interface thread) to show when it was made, why, and how many cases and entries it holds.
"Restore into a new file…" never touches the vault. "Replace the vault…" asks first; the
caller then backs up and closes the open vault, and the replaced file is kept beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.errors import DomainError
from fftimeline.services.backups import BackupFile, find_backups, when
from fftimeline.services.restore import BackupSummary, Restored, describe, restore
from fftimeline.ui.backup_runner import run_in_background
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.start_parts import message_label, password_field, take_passphrase, wipe


class BackupsDialog(QDialog):
    """The backups of one vault, unlocked to count, and restoring one.

    Signals:
        restored: a backup was restored; carries the vault file it is now in.
        replace_requested: the user confirmed replacing the vault with the selected backup;
            carries the backup. The caller closes the vault first (with a backup of it).
    """

    restored = Signal(object)
    replace_requested = Signal(object)

    def __init__(
        self, vault_path: Path, folder: Path, *, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault_path, self.folder, self.actor = vault_path, folder, actor
        self.files: list[BackupFile] = []
        self.summaries: list[BackupSummary] = []
        self._secret_for_restore = bytearray()  # kept while the dialog is open; zeroed after
        self.setWindowTitle(self.tr("Backups of %1").replace("%1", vault_path.name))
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        choose = QPushButton(self.tr("Look in another folder…"))
        choose.clicked.connect(self.choose_folder)
        self.passphrase = password_field(self.tr("Passphrase of the backups"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase the backups were made with"))
        self.passphrase.returnPressed.connect(self.unlock_all)
        self.show_button = QPushButton(self.tr("Show what they hold"))
        self.show_button.clicked.connect(self.unlock_all)
        self.table = self._table()
        self.message = message_label()
        self.restore_button = QPushButton(self.tr("Restore into a new file…"))
        self.restore_button.clicked.connect(self.restore_new)
        self.replace_button = QPushButton(self.tr("Replace the vault with it…"))
        self.replace_button.clicked.connect(self.ask_replace)
        self._lay_out(choose)
        self.show_files()

    def _table(self) -> QTableWidget:
        headers = [self.tr("Made"), self.tr("Why"), self.tr("Cases"), self.tr("Entries")]
        table = QTableWidget(0, len(headers))
        table.setAccessibleName(self.tr("Backups"))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def _lay_out(self, choose: QPushButton) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Backups are encrypted copies of the vault. Type the passphrase they were made "
                "with to see what each one holds. Restoring makes a new file; the vault itself "
                "is only replaced if you choose that and confirm."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(choose)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for b in (self.restore_button, self.replace_button, close):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.resize(720, 420)

    # Listing ----------------------------------------------------------------------
    def show_files(self) -> None:
        """List the backups found by name (not unlocked yet)."""
        self.files = find_backups(self.folder, self.vault_path.stem)
        self.summaries = []
        self.folder_label.setText(self.tr("Backups in %1").replace("%1", str(self.folder)))
        self.table.setRowCount(len(self.files))
        for row, f in enumerate(self.files):
            self._row(row, [when(f.made_at), f.reason.replace("-", " "), "", ""])
        if not self.files:
            self.message.setText(self.tr("There are no backups of this vault in this folder."))
        self._enable()

    def _row(self, row: int, cells: list[str]) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def choose_folder(self) -> None:
        """Look for backups in another folder (a memory stick, another drive)."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder with backups"))
        if chosen:
            self.folder = Path(chosen)
            self.show_files()

    def unlock_all(self) -> None:
        """Unlock each backup read-only with the typed passphrase and show what it holds."""
        secret = take_passphrase(self.passphrase)
        if not secret or not self.files:
            wipe(secret)
            return
        wipe(self._secret_for_restore)
        self._secret_for_restore = bytearray(secret)
        try:
            found = run_in_background(
                self, lambda _progress: describe(self.files, secret), self.tr("Unlocking…")
            )
        finally:
            wipe(secret)
        if isinstance(found, DomainError):
            self.message.setText(plain_message(found))
            return
        self.summaries = list(found) if isinstance(found, list) else []
        for row, s in enumerate(self.summaries):
            cases = str(s.facts.cases) if s.facts else ""
            entries = str(s.facts.entries) if s.facts else s.problem
            self._row(row, [when(s.file.made_at), s.file.reason.replace("-", " "), cases, entries])
        self.message.setText("")
        self._enable()

    def _enable(self) -> None:
        ready = any(s.facts is not None for s in self.summaries)
        self.restore_button.setEnabled(ready)
        self.replace_button.setEnabled(ready)
        if ready and not self.table.selectedItems():
            first = next(i for i, s in enumerate(self.summaries) if s.facts is not None)
            self.table.selectRow(first)

    def selected(self) -> BackupSummary | None:
        """The chosen backup, if it opened with the passphrase."""
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1 or not self.summaries:
            return None
        chosen = self.summaries[rows.pop()]
        return chosen if chosen.facts is not None else None

    # Restoring ----------------------------------------------------------------------
    def restore_new(self) -> None:
        """Restore the chosen backup into a new vault file; the vault is not touched."""
        chosen = self.selected()
        if chosen is None:
            self.message.setText(self.tr("Choose a backup that opened with the passphrase."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Restore into a new vault file"),
            str(self.vault_path.with_name(f"{self.vault_path.stem}-restored.fft")),
            self.tr("fftimeline vaults (*.fft)"),
        )
        if name:
            self.restore_to(chosen.file, Path(name))

    def restore_to(self, backup: BackupFile, target: Path, *, replace: bool = False) -> bool:
        """Restore ``backup`` into ``target`` off the interface thread; whether it worked."""
        secret = self._secret_for_restore
        done = run_in_background(
            self,
            lambda _p: restore(backup.path, secret, target, actor=self.actor, replace=replace),
            self.tr("Restoring…"),
        )
        if not isinstance(done, Restored):
            self.message.setText(plain_message(done) if isinstance(done, DomainError) else "")
            return False
        self.message.setText(
            self.tr(
                "Restored %1 cases and %2 entries into %3. It opens with the passphrase the "
                "backup was made with."
            )
            .replace("%1", str(done.facts.cases))
            .replace("%2", str(done.facts.entries))
            .replace("%3", str(done.vault))
        )
        self.restored.emit(done.vault)
        return True

    def ask_replace(self) -> None:
        """Confirm, then ask the caller to back up, close and replace the vault."""
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Replace the vault?"),
            self.tr(
                "Replace %1 with the backup from %2? A backup of the vault as it is now is made "
                "first, and the file itself is kept beside it, renamed."
            )
            .replace("%1", self.vault_path.name)
            .replace("%2", when(chosen.file.made_at)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.replace_requested.emit(chosen.file)

    def done(self, result: int) -> None:
        """Forget the passphrase when the dialog closes."""
        wipe(self._secret_for_restore)
        super().done(result)
