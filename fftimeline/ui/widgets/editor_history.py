"""Small dialogs the entry editor uses: a required reason, and the history of an entry (UI).

Amending and retracting both need a reason in words; the history dialog shows every
version of an entry with who saved it, when, and why — nothing is ever overwritten.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.entries import Entry


class ReasonDialog(QDialog):
    """Asks for a reason (for an amendment or a retraction); OK only once one is written."""

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
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reason.toPlainText().strip()
            return None
        finally:
            dialog.deleteLater()


class HistoryDialog(QDialog):
    """Every version of one entry, oldest first, with who, when and why."""

    COLUMNS = ("Version", "Saved", "By", "Why", "What happened")

    def __init__(self, parent: QWidget | None, versions: list[Entry]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of this entry"))
        self.table = QTableWidget(len(versions), len(self.COLUMNS))
        self.table.setAccessibleName(self.tr("Versions of this entry"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, version in enumerate(versions):
            for col, value in enumerate(self._cells(version)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 320)

    def _cells(self, version: Entry) -> tuple[str, ...]:
        why = version.amendment_reason or self.tr("First version")
        if version.retracted and version.retracted_at is not None:
            when = version.retracted_at.astimezone().strftime("%d %b %Y %H:%M")
            why += (
                self.tr(" — retracted %1: %2")
                .replace("%1", when)
                .replace("%2", version.retraction_reason)
            )
        saved = version.recorded_at.astimezone().strftime("%d %b %Y %H:%M")
        return (str(version.version), saved, version.recorded_by, why, version.summary)

    @classmethod
    def show_history(cls, parent: QWidget | None, versions: list[Entry]) -> None:
        """Show the history until the user closes it."""
        dialog = cls(parent, versions)
        dialog.exec()
        dialog.deleteLater()
