# mypy: disable-error-code="no-untyped-call"
"""The create page says what is still needed when the passphrases are fine."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fftimeline.ui import start_window
from fftimeline.ui.start_window import StartWindow
from tests.factories import PASSPHRASE


def create_page(qtbot: QtBot, tmp_path: Path) -> StartWindow:
    window = StartWindow(last_vault=None, data_dir=tmp_path / "appdata", actor="Sam Key")
    qtbot.addWidget(window)
    window.show()
    window.show_create()
    return window


def test_matching_passphrases_without_a_place_ask_for_the_place(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = create_page(qtbot, tmp_path)
    qtbot.keyClicks(window.new_passphrase, PASSPHRASE)
    assert window.strength.text() == (
        "This passphrase is strong enough. Type it again to check it."
    )
    qtbot.keyClicks(window.repeat_passphrase, PASSPHRASE)
    assert not window.create_vault_button.isEnabled()
    assert window.strength.text() == ("The passphrases match. Now choose where to keep the vault.")
    target = tmp_path / "mine.fft"
    monkeypatch.setattr(start_window.FileChooser, "new_vault", classmethod(lambda *_a: target))
    window.choose_new()
    assert window.create_vault_button.isEnabled()
    assert window.strength.text() == "This passphrase is strong enough."
