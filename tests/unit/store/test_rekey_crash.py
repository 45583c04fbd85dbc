"""Killed in the middle of a passphrase change, the vault opens afterwards with exactly one
of the two passphrases, and passes its check."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fftimeline.domain.errors import WrongPassphraseOrDamaged
from fftimeline.services.vault import create_vault, open_vault
from tests.factories import PASSPHRASE, make_case, make_entry, passphrase

ROOT = Path(__file__).resolve().parents[3]
NEW = "kettle otter ribbon summit"
ROUNDS = 24


def _opens_with(path: Path, secret: str) -> bool:
    try:
        vault = open_vault(path, passphrase(secret), actor="Parent")
    except WrongPassphraseOrDamaged:
        return False
    try:
        result = vault.check()
        assert result.ok, result.problems
        assert len(vault.entries.entries(vault.cases.summaries()[0].case.id)) == 200
    finally:
        vault.close(backup=False)
    return True


@pytest.mark.slow
@pytest.mark.timeout(290)
def test_a_passphrase_change_killed_at_any_moment_leaves_one_passphrase(tmp_path: Path) -> None:
    original = tmp_path / "original.fft"
    made = create_vault(original, passphrase(), actor="Parent")
    case = made.cases.add(make_case())
    made.entries.add_many(case.id, [make_entry(account="w" * 800) for _ in range(200)])
    made.close(backup=False)
    rng = random.Random(99)
    outcomes = {"old": 0, "new": 0}
    for n in range(ROUNDS):
        path = tmp_path / f"round{n}" / "work.fft"
        path.parent.mkdir()
        shutil.copyfile(original, path)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.unit.store.rekey_child", str(path)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(f"{PASSPHRASE}\n{NEW}\n".encode())
        child.stdin.close()
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.9))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        old_opens, new_opens = _opens_with(path, PASSPHRASE), _opens_with(path, NEW)
        assert old_opens != new_opens, f"round {n}: old {old_opens}, new {new_opens}"
        outcomes["old" if old_opens else "new"] += 1
    assert outcomes["old"] and outcomes["new"], outcomes


_KILLED_AFTER_THE_REKEY = """
import os, sys
from pathlib import Path
from fftimeline.services.vault import open_vault
vault = open_vault(Path(sys.argv[1]), bytearray(sys.argv[2].encode()), actor="Rekey Child")
conn = vault._store._conn
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
conn.reset_key(bytearray(sys.argv[3].encode()))  # committed into the -wal
os._exit(0)  # killed before the checkpoint: the vault file is still under the old key
"""


def test_killed_between_the_rekey_and_its_checkpoint_opens_with_the_new_one(
    tmp_path: Path,
) -> None:
    from tests.unit.store.vault_files import fingerprint

    path = tmp_path / "work.fft"
    made = create_vault(path, passphrase(), actor="Parent")
    case = made.cases.add(make_case())
    made.entries.add_many(case.id, [make_entry() for _ in range(200)])
    made.close(backup=False)
    subprocess.run(
        [sys.executable, "-c", _KILLED_AFTER_THE_REKEY, str(path), PASSPHRASE, NEW],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        timeout=60,
    )
    wal = Path(f"{path}-wal")
    before = (fingerprint(path), fingerprint(wal))
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(path, passphrase(), actor="Parent")
    assert (fingerprint(path), fingerprint(wal)) == before
    assert _opens_with(path, NEW)
