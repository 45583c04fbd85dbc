"""Change passphrase…: the current passphrase, the new one twice, then re-encrypt (ui layer).

The change itself (`OpenVault.change_passphrase`) re-encrypts every page, reopens the file
with the new passphrase and proves the old one no longer opens it. That takes a few seconds,
so it runs off the interface thread with a progress window; it cannot be cancelled half-way,
and the window says so. The typed passphrases go straight into buffers that are zeroed
afterwards; the fields are cleared at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fftimeline.services.vault import OpenVault
from fftimeline.ui.background import BackgroundWork
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.start_parts import message_label, password_field, take_passphrase, wipe


class ChangePassphraseDialog(QDialog):
    """Asks for the passphrases and runs the change in the background."""

    def __init__(self, vault: OpenVault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.work: BackgroundWork | None = None
        self.changed = False
        self.setWindowTitle(self.tr("Change passphrase"))
        intro = QLabel(
            self.tr(
                "The vault will be re-encrypted under the new passphrase. Anyone who knew "
                "the old one will no longer be able to open it. Copies and backups made "
                "before now still open with the old passphrase."
            )
        )
        intro.setWordWrap(True)
        self.current = password_field(self.tr("Current passphrase"))
        self.new = password_field(self.tr("New passphrase"))
        self.again = password_field(self.tr("New passphrase again"))
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase:"), self.current)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow(self.tr("Same again:"), self.again)
        self.message = message_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change passphrase"))
        self.buttons.accepted.connect(self.start_change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for field in (self.current, self.new, self.again):
            field.textChanged.connect(self._check)
        self.setMinimumWidth(60 * self.fontMetrics().averageCharWidth())
        self._check()

    def _check(self) -> None:
        """Say what is missing or weak; allow the change only when all is in order."""
        problem = self._problem()
        self.message.setText(problem or self.tr("Ready to change."))
        self.ok.setEnabled(not problem)

    def _problem(self) -> str:
        new, again = self.new.text(), self.again.text()
        problems = self.vault.new_passphrase_problems(new) if new else []  # counts case names
        if not self.current.text():
            return self.tr("Type the passphrase you use now.")
        if not new:
            return self.tr("Choose a new passphrase: a few unrelated words is strong.")
        if problems:
            return " ".join(self.tr(p) for p in problems)
        if new == self.current.text():
            return self.tr("The new passphrase is the same as the current one.")
        if again != new:
            return self.tr("Type the new passphrase again to check it.")
        return ""

    def start_change(self) -> None:
        """Take the passphrases out of the fields and re-encrypt in the background."""
        current, new = take_passphrase(self.current), take_passphrase(self.new)
        self.again.clear()

        def change() -> None:
            try:
                self.vault.change_passphrase(new, current=current)
            finally:
                wipe(current)
                wipe(new)

        self.buttons.setEnabled(False)
        self.work = BackgroundWork(
            self,
            change,
            on_done=self._done,
            on_error=self._failed,
            message=self.tr(
                "Re-encrypting the vault under the new passphrase. This takes a few "
                "seconds and cannot be stopped half-way; please wait."
            ),
        )
        self.work.start()

    def _done(self, _result: object) -> None:
        self.changed = True
        QMessageBox.information(
            self,
            self.tr("Passphrase changed"),
            self.tr("The passphrase is changed. Use the new one from now on."),
        )
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(plain_message(error))

    @classmethod
    def ask(cls, vault: OpenVault, parent: QWidget | None) -> bool:
        """Show the dialog; whether the passphrase was changed."""
        dialog = cls(vault, parent)
        dialog.exec()
        return dialog.changed
