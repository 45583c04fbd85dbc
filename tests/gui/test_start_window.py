# mypy: disable-error-code="no-untyped-call"
"""The first window: creating a vault, unlocking, and plain messages for every bad file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fftimeline.services.vault import OpenVault, create_vault, open_vault
from fftimeline.ui import start_window
from fftimeline.ui.start_window import WARNING, StartWindow
from tests.factories import PASSPHRASE, make_case, passphrase

ACTOR = "Sam Key"


def make_window(qtbot: QtBot, tmp_path: Path, last: Path | None = None) -> StartWindow:
    window = StartWindow(last_vault=last, data_dir=tmp_path / "appdata", actor=ACTOR)
    qtbot.addWidget(window)
    window.show()
    return window


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def made_vault(tmp_path: Path) -> Path:
    path = tmp_path / "work.fft"
    create_vault(path, passphrase(), actor=ACTOR).close()
    return path


def test_first_run_shows_the_welcome_choices(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    assert window.pages.currentWidget() is window.welcome_page
    texts = [b.text() for b in (window.create_button, window.open_button, window.demo_button)]
    assert texts == ["Create a new vault…", "Open an existing vault…", "Open the demo vault"]


def test_create_a_vault_through_the_welcome_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mine.fft"
    monkeypatch.setattr(start_window.FileChooser, "new_vault", classmethod(lambda *_a: target))
    window = make_window(qtbot, tmp_path)
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.create_page
    assert WARNING in [
        label.text() for label in window.create_page.findChildren(type(window.strength))
    ]
    window.choose_new()
    qtbot.keyClicks(window.new_passphrase, PASSPHRASE)
    assert not window.create_vault_button.isEnabled()
    qtbot.keyClicks(window.repeat_passphrase, PASSPHRASE)
    assert window.strength.text() == "This passphrase is strong enough."
    assert window.create_vault_button.isEnabled()
    with qtbot.waitSignal(window.unlocked) as opened:
        qtbot.mouseClick(window.create_vault_button, Qt.MouseButton.LeftButton)
    vault = opened.args[0]
    assert isinstance(vault, OpenVault)
    vault.close()
    assert window.new_passphrase.text() == "" and window.repeat_passphrase.text() == ""
    open_vault(target, passphrase(), actor=ACTOR).close()


def test_weak_passphrase_is_explained_in_plain_words(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.show_create()
    qtbot.keyClicks(window.new_passphrase, "abc")
    assert window.strength.text()
    assert window.strength.text() != "This passphrase is strong enough."
    assert not window.create_vault_button.isEnabled()


def test_different_passphrases_are_pointed_out(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.show_create()
    qtbot.keyClicks(window.new_passphrase, PASSPHRASE)
    qtbot.keyClicks(window.repeat_passphrase, PASSPHRASE[:-1] + "x")
    assert window.strength.text() == "The two passphrases are not the same yet."
    assert not window.create_vault_button.isEnabled()


def test_returning_user_sees_the_unlock_screen_for_the_last_vault(
    qtbot: QtBot, tmp_path: Path, made_vault: Path
) -> None:
    window = make_window(qtbot, tmp_path, last=made_vault)
    assert window.pages.currentWidget() is window.unlock_page
    assert window.vault_label.text() == "Vault: work.fft"
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked) as opened:
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    opened.args[0].close()
    assert window.passphrase.text() == ""


def test_wrong_passphrase_says_so_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, made_vault: Path
) -> None:
    before = sha(made_vault)
    window = make_window(qtbot, tmp_path, last=made_vault)
    qtbot.keyClicks(window.passphrase, "not the right one at all")
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert window.unlock_error.text() == (
        "Wrong passphrase, or the file is damaged. Nothing was changed."
    )
    assert window.passphrase.text() == ""
    assert sha(made_vault) == before


@pytest.mark.parametrize(
    "content", [b"", b"SQLite format 3\x00" + bytes(4000), os.urandom(8192), b"PK\x03\x04 sheet"]
)
def test_any_file_gives_a_message_not_a_crash(qtbot: QtBot, tmp_path: Path, content: bytes) -> None:
    odd = tmp_path / "odd.fft"
    odd.write_bytes(content)
    window = make_window(qtbot, tmp_path)
    window.show_unlock(odd)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert "Nothing was changed." in window.unlock_error.text()
    assert odd.read_bytes() == content


def test_missing_file_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    window.show_unlock(tmp_path / "gone.fft")
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert window.unlock_error.text() == "There is no vault at that place."


def test_a_vault_open_elsewhere_is_refused_with_a_clear_message(
    qtbot: QtBot, tmp_path: Path, made_vault: Path
) -> None:
    first = open_vault(made_vault, passphrase(), actor=ACTOR)
    try:
        window = make_window(qtbot, tmp_path, last=made_vault)
        qtbot.keyClicks(window.passphrase, PASSPHRASE)
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
        assert window.unlock_error.text() == (
            "This vault is already open in another fftimeline window. Close that one first."
        )
    finally:
        first.close()


def test_demo_vault_is_written_shown_and_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        start_window.DemoPassphraseNote,
        "show_note",
        classmethod(lambda _c, _p, pw: shown.append(pw)),
    )
    window = make_window(qtbot, tmp_path)
    with qtbot.waitSignal(window.unlocked, timeout=60_000) as opened:
        qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    vault = opened.args[0]
    try:
        assert len(vault.cases.summaries()) >= 2
    finally:
        vault.close()
    assert len(shown) == 1 and len(shown[0]) > 10
    assert (tmp_path / "appdata" / "demo.fft").exists()


def test_failed_unlocks_go_into_the_history_with_the_next_unlock(
    qtbot: QtBot, tmp_path: Path, made_vault: Path
) -> None:
    from fftimeline.domain.records import AuditAction

    window = make_window(qtbot, tmp_path, last=made_vault)
    opened: list[OpenVault] = []
    window.unlocked.connect(opened.append)
    for _ in range(2):
        qtbot.keyClicks(window.passphrase, "not the right one at all")
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    vault = opened[0]
    try:
        vault.cases.add(make_case())
        failed = [r for r in vault.audit.records() if r.action is AuditAction.UNLOCK_FAILED]
        assert [r.detail for r in failed] == ["2 failed attempt(s) before this unlock"]
    finally:
        vault.close()
    assert window.failed_unlocks[made_vault] == 0
