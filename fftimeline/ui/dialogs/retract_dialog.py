"""Withdraw an entry with a reason, instead of deleting it (ui layer).

Nothing in a chronology is deleted: a withdrawn entry stays in the history, struck
through and marked "Withdrawn", with who withdrew it, when and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.entries import Entry
from fftimeline.domain.errors import DomainError
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.form_helpers import problem_label

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class RetractDialog(QDialog):
    """Asks why the entry is withdrawn; `ask` withdraws it and returns the new version."""

    def __init__(self, vault: OpenVault, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._entry = entry
        self.saved: Entry | None = None
        self.setWindowTitle(self.tr("Reason for withdrawing"))
        about = QLabel(
            self.tr(
                "Withdraw “{summary}” ({date})?\n"
                "It is not deleted: it stays in the history, marked “Withdrawn”, "
                "with your reason."
            ).format(summary=entry.summary, date=entry.event_date.wording())
        )
        about.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Why is it withdrawn?"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("For example: recorded on the wrong child's file."))
        label = QLabel(self.tr("Why is it withdrawn?"))
        label.setBuddy(self.reason)
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.withdraw_button = self.buttons.addButton(
            self.tr("Withdraw"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.withdraw_button.setAccessibleName(self.tr("Withdraw the entry"))
        box = QVBoxLayout(self)
        for widget in (about, label, self.reason, self.problem, self.buttons):
            box.addWidget(widget)
        self.reason.textChanged.connect(self._check)
        self.buttons.accepted.connect(self._withdraw)
        self.buttons.rejected.connect(self.reject)
        self._check()
        self.resize(460, 260)

    def _check(self) -> None:
        has_reason = bool(self.reason.toPlainText().strip())
        self.problem.setText("" if has_reason else self.tr("Say why the entry is withdrawn."))
        self.withdraw_button.setEnabled(has_reason)

    def _withdraw(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            return
        try:
            self.saved = self._vault.entries.retract(self._entry.id, reason)
        except DomainError as error:
            self.problem.setText(plain_message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, entry: Entry) -> Entry | None:
        """Ask for the reason and withdraw; the withdrawn entry, or None when cancelled."""
        dialog = cls(vault, entry, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved
