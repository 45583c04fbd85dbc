"""Pieces of the start window: passphrase buffers, file choosers, small widgets (UI layer).

The file dialogs and the demo passphrase note sit behind classmethods so tests can replace
them. Passphrases leave a field only as a `bytearray` that the caller zeroes after use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

VAULT_FILTER = "fftimeline vaults (*.fft);;All files (*)"


def take_passphrase(field: QLineEdit) -> bytearray:
    """Move the typed passphrase into a fresh buffer and clear the field."""
    buffer = bytearray(field.text().encode("utf-8"))
    field.clear()
    return buffer


def wipe(buffer: bytearray) -> None:
    """Overwrite a passphrase buffer with zeros."""
    buffer[:] = bytes(len(buffer))


class FileChooser:
    """The file dialogs, behind classmethods so tests can replace them."""

    @classmethod
    def new_vault(cls, parent: QWidget) -> Path | None:
        """Where to create a new vault (the dialog starts in Documents), or None."""
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("StartWindow", "Where to keep the new vault"),
            str(documents_folder() / "chronologies.fft"),
            QCoreApplication.translate("StartWindow", VAULT_FILTER),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".fft")

    @classmethod
    def existing_vault(cls, parent: QWidget) -> Path | None:
        """An existing vault to open, or None."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("StartWindow", "Open a vault"),
            "",
            QCoreApplication.translate("StartWindow", VAULT_FILTER),
        )
        return Path(name) if name else None


def documents_folder() -> Path:
    """The user's own Documents folder (their home folder if the system names none)."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where else Path.home()


def button(text: str, name: str = "") -> QPushButton:
    """A push button with its accessible name."""
    button = QPushButton(text)
    button.setAccessibleName(name or text.rstrip("…"))
    return button


def message_label() -> QLabel:
    """A word-wrapped label for plain-words messages under a field."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("start", "Message"))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def password_field(name: str) -> QLineEdit:
    """A passphrase field that hides what is typed."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class DemoPassphraseNote:
    """Tells the user the demo vault's passphrase (it holds no real case)."""

    @classmethod
    def show_note(cls, parent: QWidget, passphrase: str) -> None:
        """Show the passphrase so the demo vault can be opened again later."""
        QMessageBox.information(
            parent,
            QCoreApplication.translate("StartWindow", "Demo vault"),
            QCoreApplication.translate(
                "StartWindow",
                "The demo vault holds invented children and families only.\n\n"
                "Its passphrase is: %1\n\nYou need it to unlock this demo vault again later. "
                "('Open demo vault' always makes a fresh one.)",
            ).replace("%1", passphrase),
        )
