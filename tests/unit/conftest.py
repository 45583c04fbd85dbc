"""Shared fixtures for the unit tests: real vault files under tmp_path (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fftimeline.services.vault import OpenVault, create_vault
from tests.factories import passphrase

ACTOR = "Sam Key"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    """Where a test's vault lives (not created yet)."""
    return tmp_path / "vault" / "chronology.fft"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[OpenVault]:
    """A freshly created, open vault; closed after the test."""
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    v = create_vault(vault_path, passphrase(), actor=ACTOR)
    yield v
    v.close()
