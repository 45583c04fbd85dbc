"""The interface language: Qt's translators for the windows, the catalogue for the rest (ui layer).

At start-up `install_translations` picks the language (the setting if there is one, else the
computer's language), loads ``resources/translations/fftimeline_<lang>.qm`` (made from the
``.ts`` files by ``make translations``) and Qt's own ``qtbase_<lang>.qm`` for its standard
buttons, and switches the Qt-free `fftimeline.catalogue` (labels, exported words, dates) to
the same language. English needs no file: it is the language the code is written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fftimeline import catalogue
from fftimeline.assets import MissingResource, resource_path

LANGUAGES = {"en": "English", "cy": "Cymraeg"}
"""The languages the interface can be shown in, by code, with their own names."""

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer


def pick_language(setting: str | None, system: str) -> str:
    """The language to use: the setting when it is one we have, else the system's, else English.

    Args:
        setting: the language chosen in the settings ("cy"), or None/"" for "as the computer".
        system: the computer's locale name ("cy_GB", "en_US").
    """
    for wanted in (setting or "", system):
        code = wanted.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return catalogue.SOURCE_LANGUAGE


def install_translations(app: QCoreApplication, setting: str | None = None) -> str:
    """Load the translations for the chosen language; returns its code ("en" if none load)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = pick_language(setting, QLocale.system().name())
    if code != catalogue.SOURCE_LANGUAGE:
        ours = QTranslator()
        try:
            loaded = ours.load(str(resource_path("translations", f"fftimeline_{code}.qm")))
        except MissingResource:
            loaded = False
        if not loaded:
            code = catalogue.SOURCE_LANGUAGE
        else:
            _installed.append(ours)
            qt = QTranslator()
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{code}", qt_folder):
                _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(code))
    return catalogue.set_language(code)


def current_language() -> str:
    """The language the interface is shown in."""
    return catalogue.language()
