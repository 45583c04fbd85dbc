"""Vaults in folders named as key workers' folders are: non-ASCII user names, spaces, quotes.

A Windows laptop's vault is at a path like ``C:\\Users\\Siân\\Documents\\…``; the same folder
names are used here (on any system) with real SQLCipher files and the settings file (and
the command line, in tests/e2e/test_cli_demo.py), so no code can assume ASCII-only names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fftimeline.domain.errors import WrongPassphraseOrDamaged
from fftimeline.services.backups import find_backups
from fftimeline.services.restore import describe
from fftimeline.services.vault import create_vault, open_vault
from fftimeline.settings import AppSettings, load_settings, save_settings
from tests.factories import make_case, passphrase

FOLDERS = [
    ("Users", "Siân", "Documents"),
    ("Users", "Dafydd ap Siôn", "Documents", "Gwaith ŵ ŷ"),
    ("Users", "Zoë O'Neill", "My Documents"),
    ("Users", "Łukasz Wróbel", "Dokumenty"),
    ("Users", "محمد", "Documents"),
]


@pytest.mark.parametrize("parts", FOLDERS, ids=lambda p: p[1])
def test_a_vault_in_a_non_ascii_folder_is_created_reopened_and_refuses_a_wrong_passphrase(
    tmp_path: Path, parts: tuple[str, ...]
) -> None:
    folder = tmp_path.joinpath(*parts)
    folder.mkdir(parents=True)
    path = folder / "cronoleg Siân.fft"
    vault = create_vault(path, passphrase(), actor="Siân Jones")
    vault.cases.add(make_case(child_name="Rhys ap Gwilym"))
    vault.close()
    again = open_vault(path, passphrase(), actor="Siân Jones")
    assert [s.case.child_name for s in again.cases.summaries()] == ["Rhys ap Gwilym"]
    again.close()
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(path, passphrase("not the right words at all"), actor="Siân Jones")
    leftovers = sorted(p.name for p in folder.iterdir())
    # No temp or journal files left; the day's closing backup is in its own folder.
    assert leftovers == ["cronoleg Siân-backups", "cronoleg Siân.fft"], leftovers
    [backup] = find_backups(folder / "cronoleg Siân-backups", "cronoleg Siân")
    [summary] = describe([backup], passphrase())  # opened read-only through a file: URI
    assert summary.facts is not None and summary.facts.cases == 1


def test_the_settings_remember_a_non_ascii_vault_path(tmp_path: Path) -> None:
    vault = str(tmp_path / "Users" / "Siân" / "Documents" / "claddgell.fft")
    settings = tmp_path / "AppData" / "Roaming" / "fftimeline" / "settings.json"
    save_settings(settings, AppSettings(last_vault_path=vault, language="cy"))
    loaded = load_settings(settings)
    assert loaded.last_vault_path == vault
    assert loaded.language == "cy"
