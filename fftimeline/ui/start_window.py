"""The first window: welcome, unlock and create a vault (UI layer).

A first-time user sees three plain choices. A returning user sees the unlock screen for
the vault they used last. Passphrases go from the field into a `bytearray`, the field is
cleared at once and the buffer zeroed after the call; errors are plain words under the
field, and a failed unlock changes nothing on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.errors import DomainError
from fftimeline.ui.lazy import lazy_module

if TYPE_CHECKING:
    from fftimeline.services import demo
    from fftimeline.services import vault as vault_service
    from fftimeline.services.vault import OpenVault
else:  # loaded when a button needs them, not before the window can be drawn
    demo = lazy_module("fftimeline.services.demo")
    vault_service = lazy_module("fftimeline.services.vault")
from fftimeline.services.vault_place import place_warning
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.start_parts import (
    DemoPassphraseNote,
    FileChooser,
    button,
    message_label,
    password_field,
    take_passphrase,
    wipe,
)

__all__ = ["WARNING", "DemoPassphraseNote", "FileChooser", "StartWindow"]
WARNING = "If you forget this passphrase, nobody can recover the vault — not even your IT team."


class StartWindow(QWidget):
    """Welcome, unlock and create pages in one window.

    Signals:
        unlocked: a vault is open; carries the `OpenVault`.
    """

    unlocked = Signal(object)

    def __init__(
        self, *, last_vault: Path | None, data_dir: Path, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.actor = data_dir, actor
        self.vault_path: Path | None = None
        self.new_path: Path | None = None
        self.failed_unlocks: dict[Path, int] = {}  # recorded in the audit at the next unlock
        self.backup_folder_for: Callable[[Path], Path | None] = lambda _vault: None
        self.setWindowTitle("fftimeline")
        self.pages = QStackedWidget()
        self.welcome_page = self._welcome_page()
        self.unlock_page = self._unlock_page()
        self.create_page = self._create_page()
        for page in (self.welcome_page, self.unlock_page, self.create_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(600, 360)
        if last_vault is not None and last_vault.exists():
            self.show_unlock(last_vault)
        else:
            self.show_welcome()

    # Pages ------------------------------------------------------------------------
    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("<h2>Welcome to fftimeline</h2>"))
        intro = QLabel(
            self.tr(
                "fftimeline keeps the chronologies of the children you work with in one "
                "encrypted file, called a vault. Nothing leaves this computer unless you export it."
            )
        )
        intro.setWordWrap(True)
        self.create_button = button(self.tr("Create a new vault…"))
        self.open_button = button(self.tr("Open an existing vault…"))
        self.demo_button = button(self.tr("Open the demo vault"))
        self.create_button.clicked.connect(self.show_create)
        self.open_button.clicked.connect(self.choose_existing)
        self.demo_button.clicked.connect(self.open_demo)
        for widget in (title, intro, self.create_button, self.open_button, self.demo_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    def _unlock_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("<h2>fftimeline</h2>")))
        row = QHBoxLayout()
        self.vault_label = QLabel()
        self.vault_label.setAccessibleName(self.tr("Vault"))
        self.change_button = button(self.tr("Change…"), self.tr("Choose another vault"))
        self.change_button.clicked.connect(self.choose_existing)
        row.addWidget(self.vault_label, 1)
        row.addWidget(self.change_button)
        layout.addLayout(row)
        form = QFormLayout()
        self.passphrase = password_field(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.unlock_error = message_label()
        self.unlock_button = button(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_error)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        links = QHBoxLayout()
        new_button, demo_button = (
            button(self.tr("New vault…")),
            button(self.tr("Open demo vault")),
        )
        new_button.clicked.connect(self.show_create)
        demo_button.clicked.connect(self.open_demo)
        self.backups_button = button(self.tr("Restore from a backup…"))
        self.backups_button.clicked.connect(self.open_backups)
        links.addWidget(new_button)
        links.addWidget(demo_button)
        links.addWidget(self.backups_button)
        links.addStretch(1)
        layout.addLayout(links)
        return page

    def _create_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("<h2>Create a new vault</h2>")))
        form = QFormLayout()
        place = QHBoxLayout()
        self.new_path_label = QLabel(self.tr("Not chosen yet"))
        self.new_path_label.setAccessibleName(self.tr("Where the vault will be kept"))
        choose = button(self.tr("Choose…"), self.tr("Choose where to keep the vault"))
        choose.clicked.connect(self.choose_new)
        place.addWidget(self.new_path_label, 1)
        place.addWidget(choose)
        form.addRow(self.tr("Where to keep it:"), place)
        self.place_advice = message_label()
        self.place_advice.setText(self._place_advice())
        form.addRow("", self.place_advice)
        self.new_passphrase = password_field(self.tr("New passphrase"))
        self.repeat_passphrase = password_field(self.tr("New passphrase again"))
        form.addRow(self.tr("Passphrase:"), self.new_passphrase)
        form.addRow(self.tr("Same again:"), self.repeat_passphrase)
        layout.addLayout(form)
        self.strength = message_label()
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        warning = QLabel(self.tr(WARNING))
        warning.setWordWrap(True)
        self.create_error = message_label()
        for widget in (self.strength, warning, self.create_error):
            layout.addWidget(widget)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        back = button(self.tr("Back"))
        back.clicked.connect(self.go_back)
        self.create_vault_button = button(self.tr("Create vault"))
        self.create_vault_button.clicked.connect(self.try_create)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_vault_button)
        layout.addLayout(buttons)
        self.new_passphrase.textChanged.connect(self._check_new)
        self.repeat_passphrase.textChanged.connect(self._check_new)
        return page

    def _place_advice(self) -> str:
        return self.tr(
            "Keep the vault in your own Documents folder on this computer, not on a shared "
            "drive or in a folder that copies to the internet (OneDrive, Dropbox, iCloud)."
        )

    # Navigation -------------------------------------------------------------------------
    def show_welcome(self) -> None:
        """The first-run choices."""
        self.pages.setCurrentWidget(self.welcome_page)
        self.create_button.setFocus()

    def show_unlock(self, path: Path, message: str = "") -> None:
        """The unlock screen for ``path``, with an optional message under the field."""
        self.vault_path = path
        self.vault_label.setText(self.tr("Vault: %1").replace("%1", path.name))
        self.vault_label.setToolTip(str(path))
        self.unlock_error.setText(message)
        self.pages.setCurrentWidget(self.unlock_page)
        self.passphrase.setFocus()

    def show_create(self) -> None:
        """The create-a-vault page."""
        self.create_error.setText("")
        self._check_new()
        self.pages.setCurrentWidget(self.create_page)
        self.new_passphrase.setFocus()

    def go_back(self) -> None:
        """Back from creating: to the unlock screen if a vault is known, else welcome."""
        self.new_passphrase.clear()
        self.repeat_passphrase.clear()
        if self.vault_path is not None:
            self.show_unlock(self.vault_path)
        else:
            self.show_welcome()

    def choose_existing(self) -> None:
        """Pick a vault file and go to its unlock screen."""
        path = FileChooser.existing_vault(self)
        if path is not None:
            self.show_unlock(path)

    def choose_new(self) -> None:
        """Pick where a new vault goes."""
        path = FileChooser.new_vault(self)
        if path is not None:
            self.new_path = path
            self.new_path_label.setText(str(path))
            warning = place_warning(path)
            self.place_advice.setText(warning or self._place_advice())
        self._check_new()

    # Actions ----------------------------------------------------------------------
    def try_unlock(self) -> None:
        """Open the chosen vault with the typed passphrase."""
        if self.vault_path is None:
            return
        secret = take_passphrase(self.passphrase)
        if not secret:
            self.unlock_error.setText(self.tr("Type the vault's passphrase."))
            return
        path = self.vault_path
        failed = self.failed_unlocks.get(path, 0)
        opened = self._open(
            lambda: vault_service.open_vault(
                path, secret, actor=self.actor, failed_attempts=failed
            ),
            secret,
            self.unlock_error,
        )
        self.failed_unlocks[path] = 0 if opened else failed + 1

    def open_backups(self) -> None:
        """The backups of the vault on the unlock screen: restore one into a new file."""
        if self.vault_path is None:
            return
        from fftimeline.ui.backup_actions import restore_dialog_for  # not needed to draw

        dialog = restore_dialog_for(
            self.vault_path, self.backup_folder_for(self.vault_path), actor=self.actor
        )
        dialog.restored.connect(lambda path: self.show_unlock(path, self._restored_note()))
        dialog.exec()

    def _restored_note(self) -> str:
        return self.tr("Restored. Unlock it with the passphrase the backup was made with.")

    def _check_new(self) -> None:
        first, second = self.new_passphrase.text(), self.repeat_passphrase.text()
        problems = vault_service.passphrase_problems(first) if first else []
        if not first:
            text = self.tr("Choose a passphrase: a few unrelated words is strong and easy to type.")
        elif problems:
            text = " ".join(self.tr(p) for p in problems)
        elif second and second != first:
            text = self.tr("The two passphrases are not the same yet.")
        elif not second:
            text = self.tr("This passphrase is strong enough. Type it again to check it.")
        elif self.new_path is None:
            text = self.tr("The passphrases match. Now choose where to keep the vault.")
        else:
            text = self.tr("This passphrase is strong enough.")
        self.strength.setText(text)
        ok = bool(first) and not problems and first == second and self.new_path is not None
        self.create_vault_button.setEnabled(ok)

    def try_create(self) -> None:
        """Create the vault with the chosen passphrase."""
        if self.new_path is None:
            return
        secret = take_passphrase(self.new_passphrase)
        self.repeat_passphrase.clear()
        path = self.new_path
        self._open(
            lambda: vault_service.create_vault(path, secret, actor=self.actor),
            secret,
            self.create_error,
        )

    def open_demo(self) -> None:
        """Write a fresh demo vault into the app's data folder and open it."""
        path = self.data_dir / "demo.fft"
        secret = demo.demo_passphrase()
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.data_dir.mkdir(parents=True, exist_ok=True)
            demo.write_demo(path, secret, actor=self.actor, replace=True)
        except (DomainError, OSError) as exc:
            wipe(secret)
            self.unlock_error.setText(plain_message(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        DemoPassphraseNote.show_note(self, secret.decode("ascii"))
        self.vault_path = path
        self._open(
            lambda: vault_service.open_vault(path, secret, actor=self.actor),
            secret,
            self.unlock_error,
        )

    def _open(self, call: Callable[[], OpenVault], secret: bytearray, error_label: QLabel) -> bool:
        """Run an open/create call with a busy cursor; zero the passphrase afterwards.

        Returns:
            Whether the vault opened.
        """
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            vault = call()
        except (DomainError, OSError) as exc:
            error_label.setText(plain_message(exc))
            return False
        finally:
            wipe(secret)
            QApplication.restoreOverrideCursor()
        error_label.setText("")
        self.vault_path = vault.path
        self.unlocked.emit(vault)
        return True
