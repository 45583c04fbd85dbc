"""Opening and creating vaults: bad files are refused and never changed."""

from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from fftimeline.domain.errors import (
    NotAVault,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphraseOrDamaged,
)
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from tests.factories import make_case, make_entry, passphrase
from tests.unit.store.vault_files import fingerprint, folder_files

ACTOR = "Sam Key"


def _made_vault(path: Path, entries: int = 40) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    v = create_vault(path, passphrase(), actor=ACTOR)
    case = v.cases.add(make_case())
    v.entries.add_many(case.id, [make_entry(summary=f"Entry {i}") for i in range(entries)])
    v.close()
    return path


def _refused(path: Path, error: type[VaultError], secret: str = "correct horse battery staple 42"):
    """Open must raise ``error``, in plain words, leaving every file in the folder unchanged."""
    before = {p.name: fingerprint(p) for p in folder_files(path)}
    with pytest.raises(error) as caught:
        open_vault(path, passphrase(secret), actor=ACTOR)
    after = {p.name: fingerprint(p) for p in folder_files(path)}
    assert after == before
    message = caught.value.message
    assert message and "Traceback" not in message and "sqlite" not in message.lower()
    return caught.value


def test_created_vault_reopens_with_its_entries(vault_path: Path) -> None:
    _made_vault(vault_path, entries=3)
    v = open_vault(vault_path, passphrase(), actor=ACTOR)
    try:
        case_id = v.cases.summaries()[0].case.id
        assert [e.summary for e in v.entries.entries(case_id)] == ["Entry 0", "Entry 1", "Entry 2"]
    finally:
        v.close()


def test_new_vault_is_private_to_its_owner(vault: OpenVault) -> None:
    if os.name == "posix":
        assert (vault.path.stat().st_mode & 0o777) == 0o600


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.fft"
    target.write_bytes(b"someone else's file")
    with pytest.raises(VaultExists):
        create_vault(target, passphrase(), actor=ACTOR)
    assert target.read_bytes() == b"someone else's file"


@pytest.mark.parametrize("weak", ["", "short", "aaaaaaaaaaaaaaaa", "password123", "123456789012"])
def test_create_refuses_weak_passphrase_and_leaves_no_file(tmp_path: Path, weak: str) -> None:
    target = tmp_path / "v.fft"
    with pytest.raises(WeakPassphrase) as caught:
        create_vault(target, passphrase(weak), actor=ACTOR)
    assert caught.value.code == "weak_passphrase"
    assert caught.value.message
    assert not target.exists()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        open_vault(tmp_path / "nowhere.fft", passphrase(), actor=ACTOR)
    assert not (tmp_path / "nowhere.fft").exists()


def test_wrong_passphrase_changes_nothing(vault_path: Path) -> None:
    _made_vault(vault_path)
    _refused(vault_path, WrongPassphraseOrDamaged, secret="not the right passphrase")
    assert [p.name for p in folder_files(vault_path)] == [vault_path.name]


def test_zero_byte_file_is_never_adopted(tmp_path: Path) -> None:
    empty = tmp_path / "empty.fft"
    empty.touch()
    _refused(empty, NotAVault)
    assert empty.stat().st_size == 0


def test_plain_sqlite_file_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES ('hello')")
    db.close()
    _refused(plain, NotAVault)


def _xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>" * 600)
        z.writestr("xl/workbook.xml", "<workbook/>" * 600)
    return buf.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(_xlsx_bytes, id="xlsx"),
        pytest.param(lambda: os.urandom(3 * 4096), id="random"),
        pytest.param(lambda: os.urandom(100), id="tiny-random"),
    ],
)
def test_foreign_files_are_refused(tmp_path: Path, content: Callable[[], bytes]) -> None:
    foreign = tmp_path / "foreign.fft"
    foreign.write_bytes(content())
    error = _refused(foreign, VaultError)
    assert isinstance(error, NotAVault | WrongPassphraseOrDamaged)


def test_vault_of_another_app_is_refused(tmp_path: Path) -> None:
    """An SQLCipher file with the right passphrase but not made by fftimeline."""
    from sqlcipher3 import dbapi2 as sqlcipher

    other = tmp_path / "other.db"
    conn = sqlcipher.connect(str(other))
    conn.set_key(passphrase())
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _refused(other, NotAVault)


def test_truncated_vault_is_damaged(vault_path: Path) -> None:
    _made_vault(vault_path, entries=200)
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[: len(data) // 3])
    os.utime(vault_path, ns=(1_000_000_000, 1_000_000_000))
    _refused(vault_path, WrongPassphraseOrDamaged)


def test_damaged_first_page_is_reported(vault_path: Path) -> None:
    _made_vault(vault_path)
    data = bytearray(vault_path.read_bytes())
    data[200:216] = bytes(16)
    vault_path.write_bytes(bytes(data))
    _refused(vault_path, WrongPassphraseOrDamaged)


def test_damaged_middle_page_found_by_check_and_open_writes_nothing(vault_path: Path) -> None:
    _made_vault(vault_path, entries=300)
    data = bytearray(vault_path.read_bytes())
    pages = len(data) // 4096
    middle = (pages // 2) * 4096 + 1000
    data[middle : middle + 16] = bytes(16)
    vault_path.write_bytes(bytes(data))
    before = fingerprint(vault_path)
    try:
        v = open_vault(vault_path, passphrase(), actor=ACTOR)
    except WrongPassphraseOrDamaged:
        assert fingerprint(vault_path) == before
        return
    try:
        result = v.check()
        assert not result.cipher_ok
        assert not result.ok
        assert any("damaged" in p for p in result.problems)
    finally:
        v.close()
    assert fingerprint(vault_path) == before


def test_second_open_is_refused_while_open(vault: OpenVault) -> None:
    with pytest.raises(VaultInUse) as caught:
        open_vault(vault.path, passphrase(), actor=ACTOR)
    assert "already open" in caught.value.message
    vault.close()
    again = open_vault(vault.path, passphrase(), actor=ACTOR)
    again.close()


def test_close_is_idempotent_and_later_calls_say_locked(vault: OpenVault) -> None:
    vault.close()
    vault.close()
    assert vault.closed
    with pytest.raises(VaultError) as caught:
        vault.cases.summaries()
    assert caught.value.code == "vault_closed"


def test_open_leaves_no_side_files_after_close(vault_path: Path) -> None:
    _made_vault(vault_path)
    v = open_vault(vault_path, passphrase(), actor=ACTOR)
    v.close()
    assert [p.name for p in folder_files(vault_path)] == [vault_path.name]


def test_open_vault_runs_with_pinned_safe_settings(vault: OpenVault) -> None:
    vault.cases.add(make_case())
    with vault._store.read() as conn:

        def pragma(name: str) -> object:
            return conn.execute(f"PRAGMA {name}").fetchone()[0]

        settings = {r[0] for r in conn.execute("PRAGMA cipher_settings")}
        assert "PRAGMA kdf_iter = 256000;" in settings
        assert "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;" in settings
        assert "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;" in settings
        assert str(pragma("cipher_version")).startswith("4.")
        assert pragma("journal_mode") == "wal"
        assert pragma("locking_mode") == "exclusive"
        assert (pragma("temp_store"), pragma("synchronous")) == (2, 2)
        assert (pragma("foreign_keys"), pragma("secure_delete"), pragma("trusted_schema")) == (
            1,
            1,
            0,
        )
    # Exclusive-mode WAL keeps its index in memory: no -shm file ever appears.
    assert not vault.path.with_name(vault.path.name + "-shm").exists()


def test_read_only_place_is_refused_plainly(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fftimeline.domain.errors import VaultReadOnly

    _made_vault(vault_path)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    error = _refused(vault_path, VaultReadOnly)
    assert "read-only" in error.message


def test_create_in_a_missing_folder_says_so_plainly(tmp_path: Path) -> None:
    from fftimeline.domain.errors import VaultNotSaved

    with pytest.raises(VaultNotSaved):
        create_vault(tmp_path / "no such folder" / "v.fft", passphrase(), actor=ACTOR)
    assert not (tmp_path / "no such folder").exists()
