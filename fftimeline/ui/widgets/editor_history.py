"""The reason dialog the entry editor uses when amending an entry (UI).

An amendment needs a reason in words. Withdrawing uses `ui.dialogs.retract_dialog` and the
history `ui.dialogs.history_dialog`, the same dialogs the main window uses.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fftimeline.ui.widgets.form_helpers import typed_reason


class ReasonDialog(QDialog):
    """Asks for the reason for an amendment; OK only once one is written."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(title)
        self.reason.setTabChangesFocus(True)
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.ok.setAccessibleName(self.tr("Save with this reason"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip()))
        )
        for widget in (label, self.reason, self.buttons):
            layout.addWidget(widget)
        self.resize(480, 220)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        """The reason typed, or None if the user cancelled."""
        dialog = cls(parent, title, prompt)
        return typed_reason(dialog, dialog.reason)
