"""The app finds its shipped data files from the source tree, a wheel and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fftimeline import assets

ROOT = Path(__file__).resolve().parents[2]


def test_the_source_tree_resources_are_found() -> None:
    assert assets.resources_root() == ROOT / "resources"
    assert assets.resource_path("README.md").is_file()


def test_a_frozen_bundle_is_looked_in_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "language").mkdir(parents=True)
    (tmp_path / "resources" / "language" / "x.toml").write_text("x = 1\n")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.resource_path("language", "x.toml") == tmp_path / "resources/language/x.toml"


def test_a_missing_file_says_the_install_is_incomplete() -> None:
    with pytest.raises(assets.MissingResource, match="missing"):
        assets.resource_path("no-such-folder", "nothing.toml")
