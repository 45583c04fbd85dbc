"""``fftimeline init / check / passwd`` and the errors a user meets, on real vault files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fftimeline import __version__
from fftimeline.services.vault import open_vault
from tests.e2e.cli_helpers import (
    NEW_PASSPHRASE,
    PASSPHRASE,
    digest,
    make_vault,
    run,
    secret_file,
)

pytestmark = pytest.mark.e2e

WRONG = "Wrong passphrase, or the file is damaged. Nothing was changed."


def test_version() -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"fftimeline {__version__}"


def test_init_then_check_passes(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    assert stat.S_IMODE(vault.stat().st_mode) == 0o600 or os.name != "posix"
    assert b"SQLite format 3" not in vault.read_bytes()[:100]
    result = run("check", str(vault), "--passphrase-file", str(tmp_path / "passphrase.txt"))
    assert result.code == 0, result.err
    assert "The vault passed every check." in result.out


def test_passphrase_from_environment_or_standard_input(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    by_env = run("check", str(vault), env={"FFTIMELINE_PASSPHRASE": PASSPHRASE})
    by_stdin = run("check", str(vault), "--passphrase-file", "-", stdin=PASSPHRASE + "\n")
    assert (by_env.code, by_stdin.code) == (0, 0)
    assert PASSPHRASE not in by_env.out + by_env.err + by_stdin.out + by_stdin.err


def test_init_refuses_a_weak_passphrase_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.fft"
    result = run("init", str(target), "--passphrase-file", str(secret_file(tmp_path, "abc")))
    assert result.code == 15
    assert result.err.startswith("That passphrase is too weak.")
    assert len(result.err.strip().splitlines()) == 1
    assert not target.exists()


def test_init_never_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.fft"
    target.write_text("my notes")
    result = run("init", str(target), "--passphrase-file", str(secret_file(tmp_path, PASSPHRASE)))
    assert result.code == 16
    assert result.err.strip() == "A file with that name already exists. Choose another name."
    assert target.read_text() == "my notes"


def test_without_a_terminal_or_file_it_says_how_to_give_the_passphrase(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    result = run("check", str(vault))
    assert result.code == 18
    assert "--passphrase-file" in result.err and "FFTIMELINE_PASSPHRASE" in result.err


def test_wrong_passphrase_plain_message_and_file_unchanged(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    before = digest(vault)
    wrong = secret_file(tmp_path, "not the right passphrase", "wrong.txt")
    for command in ("check", "cases", "passwd"):
        result = run(command, str(vault), "--passphrase-file", str(wrong))
        assert result.code == 10
        assert result.err.strip() == WRONG
    assert digest(vault) == before


def test_not_a_vault(tmp_path: Path) -> None:
    sheet = tmp_path / "budget.xlsx"
    sheet.write_bytes(os.urandom(4096))
    before = digest(sheet)
    result = run("check", str(sheet), "--passphrase-file", str(secret_file(tmp_path, PASSPHRASE)))
    assert result.code in (10, 11)  # random bytes cannot be told apart from a damaged vault
    text = tmp_path / "notes.txt"
    text.write_text("just some notes\n")
    result = run("check", str(text), "--passphrase-file", str(tmp_path / "passphrase.txt"))
    assert result.code == 11
    assert result.err.strip() == "This file is not an fftimeline vault. Nothing was changed."
    assert digest(sheet) == before


def test_missing_vault(tmp_path: Path) -> None:
    secret = secret_file(tmp_path, PASSPHRASE)
    result = run("check", str(tmp_path / "nowhere.fft"), "--passphrase-file", str(secret))
    assert result.code == 12
    assert result.err.strip() == "There is no vault at that place."


def test_vault_open_elsewhere(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    held = open_vault(vault, bytearray(PASSPHRASE.encode()), actor="Other window")
    try:
        result = run("check", str(vault), "--passphrase-file", str(tmp_path / "passphrase.txt"))
    finally:
        held.close()
    assert result.code == 13
    assert "already open" in result.err


def test_passwd_new_passphrase_works_and_old_one_fails(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    old = tmp_path / "passphrase.txt"
    new = secret_file(tmp_path, NEW_PASSPHRASE, "new.txt")
    result = run(
        "passwd", str(vault), "--passphrase-file", str(old), "--new-passphrase-file", str(new)
    )
    assert result.code == 0, result.err
    assert "Passphrase changed." in result.out
    assert NEW_PASSPHRASE not in result.out + result.err
    assert run("check", str(vault), "--passphrase-file", str(new)).code == 0
    failed = run("check", str(vault), "--passphrase-file", str(old))
    assert (failed.code, failed.err.strip()) == (10, WRONG)


def test_passwd_from_environment(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    env = {"FFTIMELINE_PASSPHRASE": PASSPHRASE, "FFTIMELINE_NEW_PASSPHRASE": NEW_PASSPHRASE}
    assert run("passwd", str(vault), env=env).code == 0
    assert run("check", str(vault), env={"FFTIMELINE_PASSPHRASE": NEW_PASSPHRASE}).code == 0


def test_passwd_to_a_weak_passphrase_keeps_the_old_one(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    old = tmp_path / "passphrase.txt"
    weak = secret_file(tmp_path, "1234", "weak.txt")
    result = run(
        "passwd", str(vault), "--passphrase-file", str(old), "--new-passphrase-file", str(weak)
    )
    assert result.code == 15
    assert run("check", str(vault), "--passphrase-file", str(old)).code == 0


def _tamper_audit(vault: Path) -> None:
    """Edit one audit row behind fftimeline's back, as an attacker with the key could."""
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(vault), isolation_level=None)
    conn.set_key(bytearray(PASSPHRASE.encode()))
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET actor = 'Someone else' WHERE seq = 1")
    conn.close()


def test_check_finds_a_tampered_audit_chain(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    _tamper_audit(vault)
    result = run("check", str(vault), "--passphrase-file", str(tmp_path / "passphrase.txt"))
    assert result.code == 5
    assert "History (audit chain):    BROKEN" in result.out
    first, backup_line = result.err.strip().splitlines()
    assert first == "The vault failed a check. Keep a copy of the file and ask for help."
    # It points to the real backup (made when the vault was last closed), not to a made-up one.
    assert backup_line.startswith("Your latest backup is from ")
    backup = Path(backup_line.split(": ", 1)[1].split(". To restore", 1)[0])
    assert backup.is_file() and backup.parent == tmp_path / "work-backups"
    assert f'fftimeline restore "{backup}" --to NEW-VAULT.fft' in backup_line


def test_check_finds_damaged_pages(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    data = bytearray(vault.read_bytes())
    data[len(data) - 2048] ^= 0xFF  # inside the last page, not page 1
    vault.write_bytes(bytes(data))
    result = run("check", str(vault), "--passphrase-file", str(tmp_path / "passphrase.txt"))
    assert result.code in (3, 4, 10)  # structure or cipher check fails (or the open refuses)
    assert "passed every check" not in result.out


def test_unknown_command_is_a_usage_error() -> None:
    result = run("frobnicate")
    assert result.code == 2
    assert "usage:" in result.err


def test_init_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "work.fft"
    result = run("init", str(target), env={"FFTIMELINE_PASSPHRASE": PASSPHRASE})
    assert result.code == 1
    assert result.err.strip().startswith("There is no folder at")
    assert not target.parent.exists()
