"""App settings: only a path and preferences, and a damaged file never stops the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from fftimeline.settings import AppSettings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "nope.json")
    assert settings == AppSettings()
    assert settings.idle_lock_minutes == 5
    assert settings.hide_names is False
    assert settings.last_vault_path is None


def test_round_trip_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "config" / "fftimeline" / "settings.json"
    saved = AppSettings(last_vault_path="/home/sam/work.fft", idle_lock_minutes=10, hide_names=True)
    save_settings(path, saved)
    assert load_settings(path) == saved
    assert not list(path.parent.glob("*.new"))


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[1, 2]", b'{"idle_lock_minutes": -3}', b"\xff\xfe\x00garbage"],
)
def test_damaged_file_falls_back_to_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert load_settings(path) == AppSettings()


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"idle_lock_minutes": 7, "something_new": true}', encoding="utf-8")
    assert load_settings(path).idle_lock_minutes == 7


def test_support_organisations_start_from_the_shipped_example_and_are_kept(tmp_path: Path) -> None:
    example = AppSettings().support_list()
    assert [o.name for o in example][:2] == [
        "PACE (Parents Against Child Exploitation)",
        "NSPCC Helpline",
    ]
    assert all(o.name and o.helps_with for o in example)
    path = tmp_path / "settings.json"
    own = ({"name": "Westbridge Family Hub", "phone": "01632 960 555"},)
    save_settings(path, AppSettings(support=own))
    [hub] = load_settings(path).support_list()
    assert (hub.name, hub.phone, hub.website) == ("Westbridge Family Hub", "01632 960 555", "")


@pytest.mark.parametrize(
    "support", ['[{"phone": "123"}]', '[{"name": "x", "password": "y"}]', '"Childline"']
)
def test_a_damaged_support_list_gives_the_defaults(tmp_path: Path, support: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(f'{{"idle_lock_minutes": 7, "support": {support}}}', encoding="utf-8")
    assert load_settings(path) == AppSettings()


def test_an_unreadable_support_file_is_refused_in_plain_words(tmp_path: Path) -> None:
    from fftimeline.domain.support import SupportListUnreadable
    from fftimeline.settings import read_support_file

    bad = tmp_path / "support.toml"
    bad.write_text('[[organisation]]\nphone = "123"\n', encoding="utf-8")
    with pytest.raises(SupportListUnreadable, match="each organisation needs at least a name"):
        read_support_file(bad)
