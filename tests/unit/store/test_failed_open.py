"""A failed open leaves every byte of the vault and of the -wal a crash left beside it.

The -wal files here are real: a child process writing entries is killed with SIGKILL, so
the vault is left exactly as a crash leaves it. SQLite folds a -wal into the vault and
deletes it when a connection that read the file is closed, even one that failed, so the
passphrase must be refused before SQLite opens the file.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from fftimeline.domain.errors import NotAVault, VaultError, WrongPassphraseOrDamaged
from fftimeline.services.vault import create_vault, open_vault
from tests.factories import PASSPHRASE, make_case, passphrase
from tests.unit.store.test_crash import _kill, _Reader, _start_child
from tests.unit.store.vault_files import fingerprint

ROUNDS = 40
ACTOR = "Sam Key"


def _state(path: Path) -> dict[str, tuple[str, int, int]]:
    return {p.name: fingerprint(p) for p in sorted(path.parent.iterdir()) if p.is_file()}


def _crash_left(path: Path, case_id: int, rng: random.Random) -> None:
    """Leave ``path`` as a writer killed in the middle of its work leaves it (with a -wal)."""
    child = _start_child(path, case_id)
    reader = _Reader(child)
    reader.start()
    assert reader.ready.wait(timeout=30), "the child never opened the vault"
    while len(reader.acknowledged()) < rng.randint(3, 12):
        reader.join(timeout=0.02)
    _kill(child, reader)
    assert Path(f"{path}-wal").stat().st_size > 0


@pytest.mark.slow
def test_wrong_passphrase_and_foreign_files_leave_crash_left_files_alone(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    path = folder / "work.fft"
    vault = create_vault(path, passphrase(), actor=ACTOR)
    case_id = vault.cases.add(make_case()).id
    vault.close(backup=False)
    rng = random.Random(8)
    for n in range(ROUNDS):
        _crash_left(path, case_id, rng)
        before = _state(path)
        with pytest.raises(WrongPassphraseOrDamaged):
            open_vault(path, passphrase(f"wrong passphrase number {n}"), actor=ACTOR)
        assert _state(path) == before, f"round {n}: a wrong passphrase changed the files"
        if n % 8 == 0:
            _foreign_file_with_the_wal(tmp_path / f"foreign{n}", path)
        # The right passphrase still finds every acknowledged entry (and folds the -wal in).
        open_vault(path, passphrase(), actor=ACTOR).close(backup=False)


def _foreign_file_with_the_wal(folder: Path, vault: Path) -> None:
    """A file that is not our vault, with a -wal beside it, is refused and left alone."""
    folder.mkdir()
    for n, (wal, secret) in enumerate(
        [
            (Path(f"{vault}-wal").read_bytes(), "someone else's passphrase here"),
            (os.urandom(Path(f"{vault}-wal").stat().st_size), PASSPHRASE),
        ]
    ):
        foreign = folder / f"notes{n}.fft"
        foreign.write_bytes(os.urandom(vault.stat().st_size))
        Path(f"{foreign}-wal").write_bytes(wal)
        before = _state(foreign)
        with pytest.raises(VaultError) as caught:
            open_vault(foreign, passphrase(secret), actor=ACTOR)
        assert isinstance(caught.value, NotAVault | WrongPassphraseOrDamaged)
        assert _state(foreign) == before
