"""``fftimeline backup``, ``backups`` and ``restore`` on real vault files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli_helpers import PASSPHRASE, digest, run, secret_file

pytestmark = pytest.mark.e2e


def _demo(tmp_path: Path) -> tuple[Path, Path]:
    secret = secret_file(tmp_path, PASSPHRASE)
    vault = tmp_path / "work.fft"
    assert run("demo", str(vault), "--passphrase-file", str(secret)).code == 0
    return vault, secret


def test_backup_list_and_restore_into_a_new_file(tmp_path: Path) -> None:
    vault, secret = _demo(tmp_path)
    made = run("backup", str(vault), "--passphrase-file", str(secret))
    assert made.code == 0, made.err
    listed = run("backups", str(vault), "--passphrase-file", str(secret))
    assert listed.code == 0, listed.err
    assert "(manual): 2 cases, " in listed.out and "(closing): 2 cases, " in listed.out
    backup = Path(listed.out.strip().splitlines()[-1].strip())
    before = digest(backup)
    target = tmp_path / "restored.fft"
    done = run("restore", str(backup), "--to", str(target), "--passphrase-file", str(secret))
    assert done.code == 0, done.err
    assert "Restored 2 cases and" in done.out
    assert digest(backup) == before
    checked = run("check", str(target), "--passphrase-file", str(secret))
    # A restored vault under a new name has no backups of its own yet, and check says so.
    assert checked.code == 0
    assert f"No backups of this vault were found in {tmp_path / 'restored-backups'}." in checked.out


def test_restore_never_replaces_a_vault_unasked_and_keeps_the_old_one(tmp_path: Path) -> None:
    vault, secret = _demo(tmp_path)
    [backup] = list((tmp_path / "work-backups").iterdir())
    before = digest(vault)
    refused = run("restore", str(backup), "--to", str(vault), "--passphrase-file", str(secret))
    assert refused.code == 16 and digest(vault) == before
    no_tty = run(
        "restore", str(backup), "--to", str(vault), "--replace", "--passphrase-file", str(secret)
    )
    assert no_tty.code == 2 and "--yes" in no_tty.err and digest(vault) == before
    done = run(
        "restore",
        str(backup),
        "--to",
        str(vault),
        "--replace",
        "--yes",
        "--passphrase-file",
        str(secret),
    )
    assert done.code == 0, done.err
    [kept] = [p for p in tmp_path.iterdir() if p.name.startswith("work-replaced-")]
    assert digest(kept)[0] == before[0]


def test_backups_with_the_wrong_passphrase_say_so_plainly(tmp_path: Path) -> None:
    vault, _secret = _demo(tmp_path)
    wrong = secret_file(tmp_path, "not the passphrase of these backups", "wrong.txt")
    listed = run("backups", str(vault), "--passphrase-file", str(wrong))
    assert listed.code == 0
    assert "Does not open with this passphrase" in listed.out
