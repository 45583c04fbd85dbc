"""The single-writer lock is never lost: after every operation the app can do on an open
vault, another process is still refused (POSIX locks belong to the whole process, and
closing *any* descriptor on the file would drop them)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultInUse
from fftimeline.services.backups import Reason
from fftimeline.services.export import ExportRequest, export_xlsx
from fftimeline.services.restore import describe, restore
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from tests.factories import PASSPHRASE, make_case, make_entry, passphrase

ROOT = Path(__file__).resolve().parents[3]
NEW = "a completely different passphrase"
ACTOR = "Sam Key"


def probe(path: Path, secret: str = PASSPHRASE) -> str:
    """What a second process gets when it tries to open ``path``."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.unit.store.lock_probe", str(path)],
        cwd=ROOT,
        input=secret.encode() + b"\n",
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    return done.stdout.decode().strip()


@pytest.fixture
def held(tmp_path: Path) -> Iterator[OpenVault]:
    vault = create_vault(tmp_path / "work.fft", passphrase(), actor=ACTOR)
    case = vault.cases.add(make_case())
    vault.entries.add(case.id, make_entry())
    yield vault
    vault.close(backup=False)


def _second_open(v: OpenVault, tmp: Path) -> None:
    with pytest.raises(VaultInUse):
        open_vault(v.path, passphrase(), actor=ACTOR)
    with pytest.raises(VaultInUse):  # another spelling of the same file
        open_vault(tmp / "." / "work.fft", passphrase("not even the right one"), actor=ACTOR)


def _check(v: OpenVault, _tmp: Path) -> None:
    assert v.check().ok


def _export(v: OpenVault, tmp: Path) -> None:
    case_id = v.cases.summaries()[0].case.id
    request = ExportRequest(audience="safeguarding-team", recipients="Team", purpose="Review")
    export_xlsx(v, case_id, request, tmp / "out.xlsx")


def _backup(v: OpenVault, _tmp: Path) -> None:
    v.backups.make(Reason.MANUAL)


def _restore_elsewhere(v: OpenVault, tmp: Path) -> None:
    made = v.backups.make(Reason.MANUAL)
    assert describe([made], passphrase())[0].facts is not None
    restore(made.path, passphrase(), tmp / "restored.fft", actor=ACTOR)


def _restore_over_it(v: OpenVault, _tmp: Path) -> None:
    made = v.backups.make(Reason.MANUAL)
    before = v.path.stat().st_ino
    with pytest.raises(VaultInUse):
        restore(made.path, passphrase(), v.path, actor=ACTOR, replace=True)
    assert v.path.stat().st_ino == before


def _close_another_vault(_v: OpenVault, tmp: Path) -> None:
    other = create_vault(tmp / "other.fft", passphrase(), actor=ACTOR)
    other.close()
    open_vault(tmp / "other.fft", passphrase(), actor=ACTOR).close()


OPERATIONS: dict[str, Callable[[OpenVault, Path], None]] = {
    "second open (refused)": _second_open,
    "check": _check,
    "export": _export,
    "backup": _backup,
    "restore into a new file": _restore_elsewhere,
    "restore over the open vault (refused)": _restore_over_it,
    "close of another vault": _close_another_vault,
}


@pytest.mark.slow
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_another_process_is_still_refused_after(
    held: OpenVault, tmp_path: Path, operation: str
) -> None:
    assert probe(held.path) == "in use"
    OPERATIONS[operation](held, tmp_path)
    assert probe(held.path) == "in use"
    held.entries.add(held.cases.summaries()[0].case.id, make_entry(summary="still ours"))


@pytest.mark.slow
def test_another_process_is_still_refused_after_a_passphrase_change(held: OpenVault) -> None:
    held.change_passphrase(passphrase(NEW), current=passphrase())
    assert probe(held.path, NEW) == "in use"
    with pytest.raises(VaultInUse):  # this process refuses itself without touching the file
        open_vault(held.path, passphrase(NEW), actor=ACTOR)
    assert probe(held.path, NEW) == "in use"
    held.close(backup=False)
    assert probe(held.path, NEW) == "opened"
    after = open_vault(held.path, passphrase(NEW), actor=ACTOR)
    try:
        assert after.check().ok
    finally:
        after.close(backup=False)


@pytest.mark.slow
def test_a_wrong_current_passphrase_is_checked_without_the_file(held: OpenVault) -> None:
    from fftimeline.domain.errors import WrongPassphraseOrDamaged

    with pytest.raises(WrongPassphraseOrDamaged):
        held.change_passphrase(passphrase(NEW), current=passphrase("not the one at all"))
    assert probe(held.path) == "in use"
