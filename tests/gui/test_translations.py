# mypy: disable-error-code="no-untyped-call"
"""The app in Welsh: the .qm file loads at start-up and the welcome screen and menus read Welsh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fftimeline import catalogue
from fftimeline.app import AppController
from fftimeline.domain.entries import KIND_LABELS, Kind
from fftimeline.services.vault import OpenVault
from fftimeline.ui.translations import install_translations, pick_language


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "en")
    assert catalogue.language() == "en"


def _texts(widget: QWidget) -> list[str]:
    """Every label's and button's words on a page."""
    found = [w.text() for w in widget.findChildren(QLabel)]
    return found + [b.text() for b in widget.findChildren(QPushButton)]


@pytest.mark.parametrize(
    ("setting", "system", "chosen"),
    [("", "cy_GB", "cy"), ("cy", "en_GB", "cy"), ("en", "cy_GB", "en"), ("", "fr_FR", "en"),
     ("xx", "cy-GB", "cy")],
)  # fmt: skip
def test_the_language_comes_from_the_setting_or_the_computer(
    setting: str, system: str, chosen: str
) -> None:
    assert pick_language(setting, system) == chosen


def test_the_app_started_in_welsh_shows_welsh_on_the_welcome_screen(
    qtbot: QtBot, tmp_path: Path, english_afterwards: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translations(app, "cy") == "cy"
    controller = AppController(tmp_path / "settings.json", tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(controller.start_window)
    controller.start()
    texts = " ".join(_texts(controller.start_window.welcome_page))
    assert "Croeso i fftimeline" in texts
    assert "Creu claddgell newydd…" in texts
    assert "Agor y gladdgell enghreifftiol" in texts
    assert "Welcome to fftimeline" not in texts
    assert KIND_LABELS[Kind.INCIDENT] == "Digwyddiad"  # the Qt-free labels follow
    controller.shutdown()
    app.removeEventFilter(controller.idle)


def test_the_menus_are_in_welsh(
    qtbot: QtBot, tmp_path: Path, vault: OpenVault, english_afterwards: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "cy")
    controller = AppController(tmp_path / "settings.json", tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(controller.start_window)
    controller.on_unlocked(vault)
    window = controller.main_window
    assert window is not None
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&Claddgell", "C&ofnod", "&Golwg"]
    assert "C&ymorth" in menus
    first = window.menuBar().actions()[0].menu()
    assert first is not None
    items = [a.text() for a in first.actions() if a.text()]  # type: ignore[attr-defined]
    assert "Newid y cyfrinymadrodd…" in items
    assert "Gadael" in items
    controller.vault = None  # the fixture closes the vault
    window.close()
    app.removeEventFilter(controller.idle)


def test_without_a_translation_the_app_stays_in_english(
    qtbot: QtBot, tmp_path: Path, english_afterwards: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translations(app, "fr") in ("en", "cy")  # cy only if the computer is Welsh
    install_translations(app, "en")
    controller = AppController(tmp_path / "settings.json", tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(controller.start_window)
    assert "Welcome to fftimeline" in " ".join(_texts(controller.start_window.welcome_page))
    app.removeEventFilter(controller.idle)
