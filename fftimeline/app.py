"""The desktop app's composition root: start window, main window, lock and unlock.

`main()` builds the QApplication, reads the small settings file, shows the welcome or
unlock screen and, once a vault is open, the main window. Locking (Ctrl+L, the Lock
button, or the idle timer) keeps unsaved editor typing as an encrypted draft, empties
every model, closes the vault and shows the unlock screen again.

An organisation's own wording rules are read at each unlock from ``wording-rules.toml``
beside ``settings.json``; if they are broken, the key worker is told which line, and the
built-in rules are used.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import importlib
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, QStandardPaths, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

from fftimeline import __version__
from fftimeline.hardening import disable_core_dumps
from fftimeline.settings import AppSettings, load_settings, save_settings
from fftimeline.ui.app_icon import app_icon
from fftimeline.ui.autolock import IdleLock, IdleMinutesQuestion
from fftimeline.ui.collector import collect_on_interface_thread
from fftimeline.ui.help import add_help_key
from fftimeline.ui.session_watch import SessionWatch
from fftimeline.ui.smoke import after_first_paint, quit_when_drawn
from fftimeline.ui.start_window import StartWindow
from fftimeline.ui.translations import install_translations
from fftimeline.ui.window_fit import ScreenFit, restore_geometry, saved_geometry

if TYPE_CHECKING:
    from fftimeline.language import LoadedRules
    from fftimeline.services.vault import OpenVault
    from fftimeline.ui.backup_actions import BackupActions
    from fftimeline.ui.main_window import MainWindow

# What the welcome screen does not need is imported once it has been drawn (`load_the_rest`),
# so the key worker sees it sooner; these are the modules, heaviest first.
LATER = (
    "fftimeline.ui.main_window",
    "fftimeline.ui.dialogs.entry_editor",
    "fftimeline.ui.app_menu",
    "fftimeline.ui.dialogs.passphrase_dialog",
    "fftimeline.ui.backup_actions",
    "fftimeline.services.demo",
)

MAIN_WINDOW_SIZE = QSize(1280, 800)
"""The main window's first size; smaller screens get less (see `window_fit`)."""


def _actor() -> str:
    """Who is working: the computer's login name (recorded in history and audit)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "key worker"


class AppController(QObject):
    """Owns the one open vault and moves between the start window and the main window."""

    def __init__(self, settings_path: Path, data_dir: Path, *, actor: str | None = None) -> None:
        super().__init__()
        self.settings_path = settings_path
        self.settings: AppSettings = load_settings(settings_path)
        self.vault: OpenVault | None = None
        self.main_window: MainWindow | None = None
        self.backup_actions: BackupActions | None = None
        self._offering = False
        last = Path(self.settings.last_vault_path) if self.settings.last_vault_path else None
        self.start_window = StartWindow(last_vault=last, data_dir=data_dir, actor=actor or _actor())
        self.start_window.unlocked.connect(self.on_unlocked)
        self.start_window.backup_folder_for = self._remembered_backup_folder
        add_help_key(self.start_window)
        self.idle = IdleLock(self.settings.idle_lock_minutes, parent=self)
        self.idle.idle.connect(self.lock)
        self.idle.lock_now.connect(self.lock)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.session = SessionWatch(self)
        self.session.lock_now.connect(self.lock)

    def start(self) -> None:
        """Show the welcome or unlock screen."""
        self.start_window.show()

    def on_unlocked(self, vault: OpenVault) -> None:
        """A vault is open: remember its path, show the main window, offer kept drafts."""
        self.vault = vault
        self.settings = self.settings.model_copy(update={"last_vault_path": str(vault.path)})
        self._save_settings()
        from fftimeline.ui.app_menu import add_app_menus
        from fftimeline.ui.backup_actions import BackupActions
        from fftimeline.ui.main_window import MainWindow

        window = MainWindow(vault, support=lambda: self.settings.support_list())
        window.set_hide_names(self.settings.hide_names)
        window.lock_requested.connect(self.lock)
        window.hide_names_changed.connect(self._remember_hide_names)
        self._add_idle_choice(window)
        self.backup_actions = BackupActions(
            lambda: self.vault, self.lock, self._remember_backup_folder, actor=vault.actor
        )
        self.backup_actions.add_to(window)
        add_app_menus(window, change_passphrase=self.change_passphrase, quit_app=_quit)
        restore_geometry(window, self.settings.main_window_geometry, MAIN_WINDOW_SIZE)
        window.show()
        self.session.watch_window(window)
        self.main_window = window
        self.start_window.hide()
        self.idle.start()
        QTimer.singleShot(0, lambda: self._use_wording_rules(vault, window))
        QTimer.singleShot(0, self._offer_drafts)

    def _use_wording_rules(self, vault: OpenVault, window: MainWindow) -> None:
        """The organisation's wording rules (beside settings.json), or say plainly what is wrong.

        Read once the main window is up, so the rules never slow down the unlock.
        """
        from fftimeline.language import ORGANISATION_FILE, RulesFileError, load_rules, no_rules

        if self.main_window is not window or vault.closed:
            return
        try:
            loaded = load_rules(self.settings_path.parent / ORGANISATION_FILE)
        except RulesFileError as error:  # a broken install: the app still works, unchecked
            loaded = no_rules(error.message)
        vault.wording.use_rules(loaded.book)
        if loaded.problems:
            self._rules_problems(window, loaded)

    def _rules_problems(self, window: MainWindow, loaded: LoadedRules) -> None:
        intro = window.tr("Your organisation's wording rules could not all be used:")
        if not len(loaded.book):
            intro = window.tr("The wording check cannot run, because its rules are damaged:")
        QMessageBox.information(
            window, window.tr("Wording rules"), "\n\n".join([intro, *loaded.problems])
        )

    def _add_idle_choice(self, window: MainWindow) -> None:
        """Add the app's own settings to the window's first menu (the Vault menu)."""
        idle = QAction(QCoreApplication.translate("MainWindow", "Lock when idle…"), window)
        idle.triggered.connect(self.choose_idle_minutes)
        support = QAction(QCoreApplication.translate("MainWindow", "Where to get support…"), window)
        support.setStatusTip(
            QCoreApplication.translate(
                "MainWindow", "The organisations printed at the end of a family's timeline"
            )
        )
        support.triggered.connect(self.choose_support)
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        if menus and isinstance(menus[0], QMenu):
            menus[0].addActions([idle, support])
        else:
            window.addActions([idle, support])

    def choose_support(self) -> None:
        """Edit the support organisations and remember them in the settings."""
        if self.main_window is None:
            return
        from fftimeline.ui.dialogs.support_dialog import SupportDialog

        chosen = SupportDialog.ask(self.main_window, self.settings.support_list())
        if chosen is None:
            return
        plain = tuple(org.model_dump() for org in chosen)
        self.settings = self.settings.model_copy(update={"support": plain})
        self._save_settings()

    def choose_idle_minutes(self) -> None:
        """Ask for the idle limit, use it at once and remember it."""
        if self.main_window is None:
            return
        minutes = IdleMinutesQuestion.ask(self.main_window, self.settings.idle_lock_minutes)
        if minutes is None:
            return
        self.idle.set_minutes(minutes)
        self.settings = self.settings.model_copy(update={"idle_lock_minutes": minutes})
        self._save_settings()

    def change_passphrase(self) -> None:
        """Change passphrase…: re-encrypt in the background; lock if the vault had to close."""
        window, vault = self.main_window, self.vault
        if window is None or vault is None:
            return
        from fftimeline.ui.dialogs.passphrase_dialog import ChangePassphraseDialog

        ChangePassphraseDialog.ask(vault, window)
        if vault.closed:  # a failed change leaves the vault closed, to be unlocked again
            self.lock()

    def _offer_drafts(self) -> None:
        window, vault = self.main_window, self.vault
        if window is None or vault is None or self._offering:
            return
        self._offering = True  # a draft reopened here runs its own event loop: offer once
        try:
            self._offer_to(window, vault)
        finally:
            self._offering = False

    def _offer_to(self, window: MainWindow, vault: OpenVault) -> None:
        from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
        from fftimeline.ui.widgets.editor_drafts import CarryOnQuestion
        from fftimeline.ui.widgets.form_helpers import GuardedDialog

        if vault.notices:  # an export interrupted last time, put right on opening
            QMessageBox.information(window, window.tr("fftimeline"), "\n\n".join(vault.notices))
        EntryEditorDialog.offer_drafts(
            window, vault, on_saved=lambda entry: window.select_case(entry.case_id)
        )
        if self.vault is vault:
            GuardedDialog.offer_drafts(window, vault, CarryOnQuestion.ask, self._form_done)

    def _form_done(self, case_id: int | None) -> None:
        """A form reopened after unlock has closed: show what it saved."""
        window = self.main_window
        if window is None:
            return
        window.refresh_cases()
        if case_id is not None and window.ui.case_model.row_of(case_id) is not None:
            window.select_case(case_id)

    def lock(self) -> None:
        """Lock now: keep drafts, forget every case detail on screen, close the vault."""
        vault, window = self.vault, self.main_window
        if vault is None:
            return
        self.idle.stop()
        from fftimeline.ui.background import BackgroundJob
        from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
        from fftimeline.ui.widgets.form_helpers import GuardedDialog

        BackgroundJob.stop_all()  # no hand-over or import still using the vault
        if window is not None:
            self._remember_window(window)

        EntryEditorDialog.stash_open_editors()
        GuardedDialog.stash_open_forms()
        _close_dialogs()
        self.vault, self.main_window = None, None
        self.start_window.show_unlock(vault.path)
        self.start_window.show()
        if window is not None:
            window.clear_case_data()
            window.close()
            window.deleteLater()
        self._close_with_backup(vault)

    def _close_with_backup(self, vault: OpenVault) -> None:
        """The day's closing backup (off the interface thread, with progress), then close."""
        from fftimeline.services.backups import Reason
        from fftimeline.ui.backup_runner import run_backup

        if vault.backups.due():
            run_backup(
                self.start_window,
                lambda progress: vault.backups.make(Reason.CLOSING, progress),
            )
        vault.close(backup=False)

    def shutdown(self) -> None:
        """On quit: lock (which keeps drafts) so the vault is closed cleanly."""
        self.lock()

    def _remember_backup_folder(self, vault: Path, folder: Path) -> None:
        folders = {**self.settings.backup_folders, str(vault): str(folder)}
        self.settings = self.settings.model_copy(update={"backup_folders": folders})
        self._save_settings()

    def _remembered_backup_folder(self, vault: Path) -> Path | None:
        folder = self.settings.backup_folders.get(str(vault))
        return Path(folder) if folder else None

    def _remember_window(self, window: MainWindow) -> None:
        geometry = saved_geometry(window)
        self.settings = self.settings.model_copy(update={"main_window_geometry": geometry})
        self._save_settings()

    def _remember_hide_names(self, hide: bool) -> None:
        self.settings = self.settings.model_copy(update={"hide_names": hide})
        self._save_settings()

    def _save_settings(self) -> None:
        # Settings are a convenience: never stop the user over them.
        with contextlib.suppress(OSError):
            save_settings(self.settings_path, self.settings)


def load_the_rest() -> None:
    """Import the main window's code (run once the welcome screen has been drawn)."""
    for name in LATER:
        importlib.import_module(name)


def _quit() -> None:
    """Quit from the menu: the app locks (keeping drafts) on its way out."""
    QApplication.quit()


def _close_dialogs() -> None:
    """Close every dialog still open (export, case, history …) when locking.

    No case detail may stay on screen after a lock; editors have already kept their typing
    as encrypted drafts by the time this runs.
    """
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def _plain_excepthook(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Unexpected errors: a calm message, never a traceback; no content in the log.

    A windowed Windows build has no console: ``sys.stderr`` is None there, so the note is
    written only when there is somewhere to write it, and the message box always shows.
    """
    stream = sys.stderr
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            stream.write(f"fftimeline: unexpected {kind.__name__}\n")
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("app", "fftimeline"),
            QCoreApplication.translate(
                "app",
                "Something went wrong. Nothing was changed. "
                "If it happens again, restart fftimeline.",
            ),
        )


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fftimeline", description="fftimeline desktop app")
    parser.add_argument("--quit-after-ms", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--smoke-test", type=Path, metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"fftimeline {__version__}")
    return parser.parse_args(argv)


def _locations() -> tuple[Path, Path]:
    """Where the settings file and the app's own data (the demo vault) live."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(config) / "settings.json", Path(data)


def main(argv: list[str] | None = None) -> int:
    """Run the desktop app; returns the exit code."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    disable_core_dumps()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("fftimeline")
    app.setOrganizationName("fftimeline")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    collect_on_interface_thread(app)  # never a collection (freeing Qt objects) in a worker
    sys.excepthook = _plain_excepthook
    settings_path, data_dir = _locations()
    install_translations(app, load_settings(settings_path).language)
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    controller = AppController(settings_path, data_dir)
    controller.start()
    if args.smoke_test is not None:
        quit_when_drawn(controller.start_window, args.smoke_test)
    else:
        after_first_paint(controller.start_window, load_the_rest)
    if args.quit_after_ms > 0:
        QTimer.singleShot(args.quit_after_ms, app.quit)
    app.aboutToQuit.connect(controller.shutdown)
    code = app.exec()
    controller.shutdown()
    if args.smoke_test is not None:
        load_the_rest()  # the smoke test also proves the main window's code is all there
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
