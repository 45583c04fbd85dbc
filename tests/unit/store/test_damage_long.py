"""The long runs of the damage, crash and truncation tests (slow; CI runs them).

The short versions (`test_damage_fuzz`, `test_crash`, `test_open`) use 25 flips, 30 kills
and one truncation length. These use many more, each under a time budget: when the
budget runs out the loop stops (and must have done a minimum), so a slow machine makes
the run shorter, never a hung suite; pytest's own timeout is the last guard.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultError
from fftimeline.services.vault import open_vault
from tests.factories import passphrase
from tests.unit.store import test_crash, test_damage_fuzz
from tests.unit.store.vault_files import fingerprint

BUDGET_S = 60.0


@pytest.mark.slow
@pytest.mark.timeout(280)
def test_many_random_byte_flips(tmp_path: Path) -> None:
    original, summaries = test_damage_fuzz._original(tmp_path)
    data = original.read_bytes()
    rng = random.Random(2026)
    deadline = time.monotonic() + BUDGET_S
    done = errors = 0
    copy = tmp_path / "flipped.fft"
    while time.monotonic() < deadline and done < 300:
        damaged = bytearray(data)
        for _ in range(rng.choice((1, 1, 2, 8))):
            damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
        copy.write_bytes(bytes(damaged))
        try:
            got, check_ok = test_damage_fuzz._read_everything(copy)
        except VaultError as error:
            assert error.message and "Traceback" not in error.message
            errors += 1
        else:
            assert got == summaries, f"flip {done} changed the data silently"
            assert not check_ok, f"flip {done} went unreported"
        done += 1
    assert done >= 60 and errors > 0


@pytest.mark.slow
@pytest.mark.timeout(280)
def test_every_truncation_length_is_refused_and_left_alone(tmp_path: Path) -> None:
    original, _summaries = test_damage_fuzz._original(tmp_path)
    data = original.read_bytes()
    lengths = sorted({*range(0, len(data), 4096 * 7), *range(1, len(data), 3001), len(data) - 1})
    copy = tmp_path / "short.fft"
    deadline = time.monotonic() + BUDGET_S
    for n, length in enumerate(lengths):
        if time.monotonic() > deadline:
            assert n >= 40
            break
        copy.write_bytes(data[:length])
        before = fingerprint(copy)
        try:
            vault = open_vault(copy, passphrase(), actor="Sam Key")
        except VaultError as error:
            assert "Traceback" not in error.message
            assert fingerprint(copy) == before, f"a refused open changed a {length}-byte file"
            continue
        # A cut inside the last page can still open; then the check must report it.
        try:
            try:
                passed = vault.check().ok
            except VaultError:
                passed = False
            assert not passed, f"a vault cut to {length} bytes passed its check"
        finally:
            vault.close(backup=False)


@pytest.mark.slow
@pytest.mark.timeout(290)
def test_many_kills_lose_no_acknowledged_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(test_crash, "ROUNDS", 75)
    test_crash.test_killed_writer_loses_no_acknowledged_entry(tmp_path)
