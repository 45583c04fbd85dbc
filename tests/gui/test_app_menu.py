# mypy: disable-error-code="no-untyped-call"
"""Help, About, Quit and Change passphrase… in the app, on a real vault file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fftimeline import catalogue
from fftimeline.app import AppController
from fftimeline.domain.errors import WrongPassphraseOrDamaged
from fftimeline.services.about import about_facts
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.ui.about import AboutDialog
from fftimeline.ui.dialogs.passphrase_dialog import ChangePassphraseDialog
from fftimeline.ui.help import HelpDialog, help_text
from tests.factories import PASSPHRASE, passphrase

NEW = "otter maple quill harbour ember"


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path, vault: OpenVault) -> Iterator[AppController]:
    c = AppController(tmp_path / "settings.json", tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(c.start_window)
    c.on_unlocked(vault)
    yield c
    c.shutdown()
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(c.idle)


def _menu_items(c: AppController) -> dict[str, object]:
    window = c.main_window
    assert window is not None
    items: dict[str, object] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in menu.actions() if menu is not None else []:  # type: ignore[attr-defined]
            if action.text():
                items[action.text()] = action
    return items


def test_the_menus_have_quit_change_passphrase_help_and_about(controller: AppController) -> None:
    items = _menu_items(controller)
    for name in ("Change passphrase…", "Quit", "fftimeline help", "About fftimeline"):
        assert name in items
    quit_action = items["Quit"]
    assert QKeySequence("Ctrl+Q") in quit_action.shortcuts()  # type: ignore[attr-defined]
    help_action = items["fftimeline help"]
    assert QKeySequence("F1") in help_action.shortcuts()  # type: ignore[attr-defined]


def test_quit_from_the_menu_asks_the_application_to_quit(
    controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: asked.append(True))
    _menu_items(controller)["Quit"].trigger()  # type: ignore[attr-defined]
    assert asked == [True]


def test_about_names_the_version_sqlcipher_and_the_licences(qtbot: QtBot) -> None:
    facts = about_facts({"qt": "6.11.3"})
    by_name = {lib.name: lib for lib in facts.libraries}
    assert by_name["SQLCipher"].version.startswith("4.")
    assert "community" in by_name["SQLCipher"].version
    assert by_name["Qt"].version == "6.11.3"
    assert by_name["pydantic"].version and by_name["openpyxl"].licence == "MIT"
    assert "LGPL" in by_name["Qt for Python (PySide6)"].licence
    dialog = AboutDialog(facts)
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "SQLCipher" in text and by_name["SQLCipher"].version in text
    assert "GNU LGPL version 3" in text
    assert f"fftimeline {facts.version}" in dialog.heading_text


def test_help_is_offline_plain_words_with_the_keyboard_shortcuts(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Keyboard shortcuts" in text
    for keys in ("Ctrl+N", "Ctrl+F", "Ctrl+E", "Ctrl+L", "Ctrl+Q", "F1"):
        assert keys in text
    assert "Documents folder" in text
    assert "http" not in help_text("en")  # nothing to fetch: it is all in the app


def test_help_follows_the_language() -> None:
    catalogue.set_language("cy")
    try:
        assert "Llwybrau byr y bysellfwrdd" in help_text(catalogue.language())
    finally:
        catalogue.set_language("en")
    assert help_text("xx").startswith("# Using fftimeline")


def _fill(qtbot: QtBot, dialog: ChangePassphraseDialog, current: str, new: str) -> None:
    qtbot.keyClicks(dialog.current, current)
    qtbot.keyClicks(dialog.new, new)
    qtbot.keyClicks(dialog.again, new)


def test_change_passphrase_in_the_app_reencrypts_off_the_interface_thread(
    qtbot: QtBot, vault: OpenVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    threads: list[int] = []
    real_change = vault.change_passphrase

    def recording_change(new: bytearray, *, current: bytearray | None = None) -> None:
        threads.append(threading.get_ident())
        real_change(new, current=current)

    monkeypatch.setattr(vault, "change_passphrase", recording_change)
    dialog = ChangePassphraseDialog(vault)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, PASSPHRASE, NEW)
    assert dialog.ok.isEnabled(), dialog.message.text()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.current.text() == "" and dialog.new.text() == "" and dialog.again.text() == ""
    qtbot.waitUntil(lambda: dialog.changed, timeout=60_000)
    assert threads and threads[0] != threading.get_ident(), "ran on the interface thread"
    assert told == ["The passphrase is changed. Use the new one from now on."]
    path = vault.path
    vault.close()
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(path, passphrase(PASSPHRASE), actor="Sam Key")
    open_vault(path, passphrase(NEW), actor="Sam Key").close()


def test_a_wrong_current_passphrase_changes_nothing(qtbot: QtBot, vault: OpenVault) -> None:
    dialog = ChangePassphraseDialog(vault)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, "this is not the passphrase", NEW)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=60_000)
    assert dialog.message.text() == "Wrong passphrase, or the file is damaged. Nothing was changed."
    assert not dialog.changed and not vault.closed
    vault.close()
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(vault.path, passphrase(NEW), actor="Sam Key")
    open_vault(vault.path, passphrase(PASSPHRASE), actor="Sam Key").close()


@pytest.mark.parametrize(
    ("current", "new", "again", "says"),
    [
        ("", NEW, NEW, "Type the passphrase you use now."),
        (PASSPHRASE, "short", "short", ""),
        (PASSPHRASE, PASSPHRASE, PASSPHRASE, "the same as the current one"),
        (PASSPHRASE, NEW, NEW + "x", "Type the new passphrase again"),
    ],
)
def test_the_change_waits_until_the_passphrases_are_in_order(
    qtbot: QtBot, vault: OpenVault, current: str, new: str, again: str, says: str
) -> None:
    dialog = ChangePassphraseDialog(vault)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, current)
    qtbot.keyClicks(dialog.new, new)
    qtbot.keyClicks(dialog.again, again)
    assert not dialog.ok.isEnabled()
    assert says in dialog.message.text()
    assert dialog.message.text() != "Ready to change."
