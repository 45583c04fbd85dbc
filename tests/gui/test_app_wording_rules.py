# mypy: disable-error-code="no-untyped-call"
"""The app reads the organisation's wording rules beside settings.json at each unlock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fftimeline.app import AppController
from fftimeline.language import ORGANISATION_FILE, RulesFileError, builtin_rules, loader
from fftimeline.services.vault import OpenVault
from tests.factories import make_case


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []

    def information(_parent: QWidget, _title: str, text: str) -> None:
        messages.append(text)

    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return messages


def _organisation_file(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "config"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ORGANISATION_FILE).write_text(text, encoding="utf-8")


def test_without_an_organisation_file_the_built_in_rules_are_used(
    qtbot: QtBot, controller: AppController, vault: OpenVault, told: list[str]
) -> None:
    controller.on_unlocked(vault)
    qtbot.wait(50)
    assert vault.wording.rules is builtin_rules()
    assert told == []


def test_the_organisations_rules_are_used_after_unlock(
    qtbot: QtBot, controller: AppController, vault: OpenVault, tmp_path: Path, told: list[str]
) -> None:
    _organisation_file(tmp_path, 'off = ["hostile-parent"]\n')
    controller.on_unlocked(vault)
    qtbot.waitUntil(lambda: vault.wording.rules.get("hostile-parent") is None)
    assert vault.wording.rules.get("in-denial") is not None
    assert told == []


def test_a_broken_organisation_file_is_named_with_its_line_and_the_check_still_works(
    qtbot: QtBot, controller: AppController, vault: OpenVault, tmp_path: Path, told: list[str]
) -> None:
    _organisation_file(tmp_path, 'off = ["hostile-parent"\n')
    controller.on_unlocked(vault)
    qtbot.waitUntil(lambda: bool(told))
    (message,) = told
    assert message.startswith("Your organisation's wording rules could not all be used:")
    assert "wording-rules.toml, line 1 (the end of the file): Unclosed array" in message
    assert "the built-in rules are" in message
    assert vault.wording.rules.get("hostile-parent") is not None


def test_a_damaged_install_leaves_the_app_working_without_the_check(
    qtbot: QtBot,
    controller: AppController,
    vault: OpenVault,
    monkeypatch: pytest.MonkeyPatch,
    told: list[str],
) -> None:
    def broken() -> None:
        raise RulesFileError("en-GB.toml, line 3: Expected '=' after a key.")

    monkeypatch.setattr(loader, "builtin_rules", broken)
    controller.on_unlocked(vault)
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith("The wording check cannot run, because its rules are damaged:")
    assert len(vault.wording.rules) == 0
    context = vault.wording.context(vault.cases.add(make_case()), None)
    assert vault.wording.check_text("Mum is hostile.", context) == []
