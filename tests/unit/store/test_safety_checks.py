"""Each safety check of the open sequence and the passphrase change has a test that fails
when the check is taken out (a mutation pass found that the suite used to survive that)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.errors import VaultNotSaved, WrongPassphraseOrDamaged
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from fftimeline.store.connection import assert_cipher_settings
from fftimeline.store.rekey import PassphraseNotChanged
from tests.factories import make_case, passphrase

ACTOR = "Sam Key"


@contextmanager
def process_default(pragma: str, value: str, normal: str) -> Iterator[None]:
    """Change a process-wide SQLCipher default (as another library or version might)."""
    conn = sqlcipher.connect(":memory:")
    conn.execute(f"PRAGMA {pragma} = {value}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA {pragma} = {normal}")
        conn.close()


def test_cipher_settings_other_than_ours_are_refused(tmp_path: Path) -> None:
    with process_default("cipher_default_plaintext_header_size", "32", "0"):
        conn = sqlcipher.connect(str(tmp_path / "plain-header.db"), isolation_level=None)
        conn.set_key(passphrase())
        conn.execute("PRAGMA cipher_compatibility = 4")
        try:
            with pytest.raises(WrongPassphraseOrDamaged):
                assert_cipher_settings(conn)
        finally:
            conn.close()
        with pytest.raises(WrongPassphraseOrDamaged):
            create_vault(tmp_path / "v.fft", passphrase(), actor=ACTOR)
    assert not (tmp_path / "v.fft").exists()


def test_settings_are_pinned_whatever_the_library_defaults(tmp_path: Path) -> None:
    """SQLCipher 3 defaults (SHA-1, 64,000 iterations, 1 KiB pages) must never be used."""
    path = tmp_path / "v.fft"
    made = create_vault(path, passphrase(), actor=ACTOR)
    made.cases.add(make_case())
    made.close(backup=False)
    with process_default("cipher_default_compatibility", "3", "4"):
        again = open_vault(path, passphrase(), actor=ACTOR)
        try:
            assert len(again.cases.summaries()) == 1
            with again._store.read() as conn:
                settings = {r[0] for r in conn.execute("PRAGMA cipher_settings")}
            assert "PRAGMA kdf_iter = 256000;" in settings
            assert "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;" in settings
        finally:
            again.close(backup=False)
        other = create_vault(tmp_path / "new.fft", passphrase(), actor=ACTOR)
        other.close(backup=False)
    open_vault(tmp_path / "new.fft", passphrase(), actor=ACTOR).close(backup=False)


def _session_pragmas(vault: OpenVault) -> dict[str, object]:
    with vault._store.read() as conn:
        names = ("foreign_keys", "trusted_schema", "secure_delete", "temp_store", "journal_mode")
        return {n: conn.execute(f"PRAGMA {n}").fetchone()[0] for n in names}


SAFE = {
    "foreign_keys": 1,
    "trusted_schema": 0,
    "secure_delete": 1,
    "temp_store": 2,
    "journal_mode": "wal",
}


def test_a_reopened_vault_runs_with_the_safe_pragmas(vault_path: Path) -> None:
    vault_path.parent.mkdir()
    create_vault(vault_path, passphrase(), actor=ACTOR).close(backup=False)
    again = open_vault(vault_path, passphrase(), actor=ACTOR)
    try:
        assert _session_pragmas(again) == SAFE
        with pytest.raises(VaultNotSaved), again._store.write() as conn:  # enforced
            conn.execute("INSERT INTO entries (case_id, current_version) VALUES (999, 1)")
        again.change_passphrase(passphrase("another good long passphrase"))
        assert _session_pragmas(again) == SAFE  # and after the reopen of a passphrase change
    finally:
        again.close(backup=False)


def test_a_rekey_that_silently_did_nothing_is_caught(vault: OpenVault) -> None:
    """SQLCipher 4.12 returned "ok" for a rekey it did not do; the reopen-and-prove step
    is what notices. Here the connection's rekey is made to do nothing."""
    vault.cases.add(make_case())
    conn = vault._store._conn
    assert conn is not None
    conn.reset_key = lambda _new: None
    with pytest.raises(PassphraseNotChanged):
        vault.change_passphrase(passphrase("another good long passphrase"))
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(vault.path, passphrase("another good long passphrase"), actor=ACTOR)
    open_vault(vault.path, passphrase(), actor=ACTOR).close(backup=False)
