"""Byte flips anywhere in a closed vault give a plain error or correct data, never a crash."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultError
from fftimeline.services.vault import create_vault, open_vault
from tests.factories import make_case, make_entry, make_person, make_task, passphrase

ACTOR = "Sam Key"
FLIPS = 25


def _original(folder: Path) -> tuple[Path, list[str]]:
    path = folder / "original.fft"
    v = create_vault(path, passphrase(), actor=ACTOR)
    case = v.cases.add(make_case())
    v.links.save(case.id, make_person())
    v.tasks.add(case.id, make_task())
    summaries = [f"Entry number {i}" for i in range(150)]
    v.entries.add_many(case.id, [make_entry(summary=s, account="a" * 500) for s in summaries])
    v.close()
    return path, summaries


def _read_everything(path: Path) -> tuple[list[str], bool]:
    """Everything a user could look at, and whether the vault check passed."""
    v = open_vault(path, passphrase(), actor=ACTOR)
    try:
        case_id = v.cases.summaries()[0].case.id
        v.links.items(case_id)
        v.tasks.tasks(case_id)
        v.audit.records()
        v.entries.search("number")
        summaries = [e.summary for e in v.entries.entries(case_id)]
        return summaries, v.check().ok
    finally:
        v.close()


@pytest.mark.slow
def test_random_byte_flips(tmp_path: Path) -> None:
    original, summaries = _original(tmp_path)
    data = original.read_bytes()
    rng = random.Random(7)
    outcomes = {"error": 0, "reported by check": 0}
    for n in range(FLIPS):
        copy = tmp_path / f"flip{n}.fft"
        shutil.copyfile(original, copy)
        damaged = bytearray(data)
        offset = rng.randrange(len(damaged))
        damaged[offset] ^= 0xFF
        copy.write_bytes(bytes(damaged))
        try:
            got, check_ok = _read_everything(copy)
        except VaultError as error:
            assert error.message and "Traceback" not in error.message
            outcomes["error"] += 1
            continue
        # Whatever could be read is exactly what was saved, and the check reports the flip.
        assert got == summaries, f"flip at {offset} changed the data silently"
        assert not check_ok, f"flip at {offset} went unreported"
        outcomes["reported by check"] += 1
    assert outcomes["error"] > 0
