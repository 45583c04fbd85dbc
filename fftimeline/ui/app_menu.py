"""The menu items every desktop app has: Help, About, Change passphrase…, Quit (ui layer).

Added to the main window by the app (`add_app_menus`), beside the window's own menus: Quit
and Change passphrase… go at the end of the Vault menu, Help and About in a Help menu. On
macOS Qt moves Quit and About to the application menu, where Mac users look for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from fftimeline.ui.about import AboutDialog
from fftimeline.ui.help import HelpDialog


@dataclass(frozen=True)
class AppActions:
    """The app-wide actions added to a main window."""

    change_passphrase: QAction
    quit: QAction
    help: QAction
    about: QAction


def _first_menu(window: QMainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            return menu
    return window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Vault"))


def add_app_menus(
    window: QMainWindow, *, change_passphrase: Callable[[], None], quit_app: Callable[[], None]
) -> AppActions:
    """Add Change passphrase…, Quit, Help and About to `window`'s menus."""
    actions = AppActions(
        change_passphrase=QAction(
            QCoreApplication.translate("MainWindow", "Change passphrase…"), window
        ),
        quit=QAction(QCoreApplication.translate("MainWindow", "Quit"), window),
        help=QAction(QCoreApplication.translate("MainWindow", "fftimeline help"), window),
        about=QAction(QCoreApplication.translate("MainWindow", "About fftimeline"), window),
    )
    actions.quit.setShortcuts(QKeySequence.StandardKey.Quit)
    if not actions.quit.shortcuts():  # Windows has no standard Quit keys
        actions.quit.setShortcut(QKeySequence("Ctrl+Q"))
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.help.setShortcuts(QKeySequence.StandardKey.HelpContents)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.change_passphrase.triggered.connect(change_passphrase)
    actions.quit.triggered.connect(quit_app)
    actions.help.triggered.connect(lambda: HelpDialog.show_help(window))
    actions.about.triggered.connect(lambda: AboutDialog.show_about(window))
    vault = _first_menu(window)
    vault.addSeparator()
    vault.addAction(actions.change_passphrase)
    vault.addSeparator()
    vault.addAction(actions.quit)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addActions([actions.help, actions.about])
    return actions
