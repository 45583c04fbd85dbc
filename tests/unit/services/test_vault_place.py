"""Advice on where a vault is kept: shared and synced folders are spotted on any system."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from fftimeline.services.vault_place import as_path, place_warning


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\Siân\Documents\chronologies.fft",
        r"C:\Users\Dafydd ap Siôn\Documents\Gwaith\claddgell.fft",
        "/home/siân/Documents/chronologies.fft",
        "/Users/zoë/Documents/chronologies.fft",
        r"D:\Casework\chronologies.fft",
    ],
)
def test_own_folders_get_no_warning(path: str) -> None:
    assert place_warning(path) == ""


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (r"C:\Users\Siân\OneDrive - Westbridge Council\Documents\c.fft", "OneDrive - Westbridge"),
        (r"C:\Users\Siân\OneDrive\c.fft", "'OneDrive'"),
        ("/Users/zoë/Library/Mobile Documents/com~apple~CloudDocs/c.fft", "Mobile Documents"),
        ("/home/siân/Dropbox/work/c.fft", "'Dropbox'"),
        (r"G:\My Drive\c.fft", "'My Drive'"),
        (r"\\fileserver\social care\c.fft", "shared network folder"),
        ("//fileserver/social care/c.fft", "shared network folder"),
    ],
)
def test_shared_and_synced_folders_are_named_in_the_warning(path: str, words: str) -> None:
    warning = place_warning(path)
    assert words in warning
    assert "this computer" in warning


def test_windows_paths_are_read_as_windows_paths_on_any_system() -> None:
    siân = as_path(r"C:\Users\Siân\Documents\chronologies.fft")
    assert isinstance(siân, PureWindowsPath)
    assert siân.parts == ("C:\\", "Users", "Siân", "Documents", "chronologies.fft")
    assert isinstance(as_path("/home/siân/chronologies.fft"), PurePosixPath)


def test_a_real_path_object_works(tmp_path: Path) -> None:
    assert place_warning(tmp_path / "Siân" / "chronologies.fft") == ""
    assert "Dropbox" in place_warning(tmp_path / "Dropbox" / "chronologies.fft")
