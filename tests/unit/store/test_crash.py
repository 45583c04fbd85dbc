"""Durability: a writer killed at random moments never loses an acknowledged entry."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultInUse
from fftimeline.services.vault import create_vault, open_vault
from tests.factories import PASSPHRASE, make_case, passphrase

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = 30


def _start_child(path: Path, case_id: int) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.store.crash_child", str(path), str(case_id)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdin is not None
    child.stdin.write(PASSPHRASE.encode() + b"\n")
    child.stdin.close()
    return child


class _Reader(threading.Thread):
    """Collects the child's output lines while it runs."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        super().__init__(daemon=True)
        self.child = child
        self.lines: list[bytes] = []
        self.ready = threading.Event()

    def run(self) -> None:
        assert self.child.stdout is not None
        for line in self.child.stdout:
            self.lines.append(line)
            if line.strip() == b"ready":
                self.ready.set()

    def acknowledged(self) -> set[int]:
        return {int(x) for x in (ln.strip() for ln in self.lines) if x.isdigit()}


def _new_vault(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "crash.fft"
    vault = create_vault(path, passphrase(), actor="Parent")
    case_id = vault.cases.add(make_case()).id
    vault.close()
    return path, case_id


def _kill(child: subprocess.Popen[bytes], reader: _Reader) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    reader.join(timeout=10)


@pytest.mark.slow
def test_killed_writer_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    path, case_id = _new_vault(tmp_path)
    rng = random.Random(20250314)
    acknowledged: set[int] = set()
    for _round in range(ROUNDS):
        child = _start_child(path, case_id)
        reader = _Reader(child)
        reader.start()
        if rng.random() < 0.15:
            time.sleep(rng.uniform(0.0, 0.8))  # sometimes kill while it is still opening
        else:
            assert reader.ready.wait(timeout=30), "the child never opened the vault"
            time.sleep(rng.uniform(0.02, 0.5))
        _kill(child, reader)
        acknowledged |= reader.acknowledged()
        vault = open_vault(path, passphrase(), actor="Parent")
        try:
            result = vault.check()
            assert result.ok, result.problems
            saved = {e.id for e in vault.entries.entries(case_id)}
            assert acknowledged <= saved
        finally:
            vault.close()
    assert len(acknowledged) > ROUNDS


@pytest.mark.slow
def test_vault_open_in_another_process_is_in_use(tmp_path: Path) -> None:
    path, case_id = _new_vault(tmp_path)
    child = _start_child(path, case_id)
    reader = _Reader(child)
    reader.start()
    try:
        assert reader.ready.wait(timeout=30)
        with pytest.raises(VaultInUse):
            open_vault(path, passphrase(), actor="Parent")
    finally:
        _kill(child, reader)
    open_vault(path, passphrase(), actor="Parent").close()
