"""Opening and creating the encrypted vault file (store layer).

This is the one place that keys SQLCipher. It follows the exact sequence of the security
checklist (§C2): look at the file before touching it, key it, prove the key with a read,
pin and assert the cipher settings, check our ``application_id``, and only then switch
on WAL and take the single-writer lock. A failed open leaves the file's bytes and
modification time exactly as they were.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.errors import (
    NotAVault,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    VaultNotSaved,
    VaultReadOnly,
    WrongPassphraseOrDamaged,
)

Connection = Any
"""A ``sqlcipher3`` connection (the package ships no type hints)."""

APP_ID = 0x46465431
"""``PRAGMA application_id`` of every fftimeline vault ('FFT1'); never change it."""

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 0.2
_BUSY_NAMES = ("SQLITE_BUSY", "SQLITE_LOCKED")


def is_busy(error: BaseException) -> bool:
    """Whether a SQLCipher error means another connection holds the vault's lock."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return name.startswith(_BUSY_NAMES) or "database is locked" in str(error)


def _look_before_opening(path: Path) -> None:
    """Refuse missing, empty and plain-SQLite files without writing anything."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise VaultNotFound() from None
    except OSError:
        raise VaultNotFound() from None
    if not path.is_file() or size == 0:
        raise NotAVault()
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        raise VaultNotFound() from None
    if head == SQLITE_MAGIC or size < 1024:
        raise NotAVault()
    if not (os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        raise VaultReadOnly()


def _connect(path: Path, passphrase: bytearray) -> Connection:
    """Connect and key; nothing is read or written yet."""
    conn = sqlcipher.connect(
        str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(passphrase)
        conn.execute("PRAGMA cipher_compatibility = 4")
        # Exclusive locking before the first read: WAL then never uses a -shm file and
        # the lock is held for the life of the connection (single writer).
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    except (sqlcipher.Error, MemoryError, ValueError, TypeError):
        conn.close()
        raise WrongPassphraseOrDamaged() from None
    return conn


def _verify_key(conn: Connection) -> None:
    """Force key derivation and the page-1 HMAC check with a read."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.Error as exc:
        conn.close()
        if is_busy(exc):
            raise VaultInUse() from None
        raise WrongPassphraseOrDamaged() from None
    except MemoryError:
        conn.close()
        raise WrongPassphraseOrDamaged() from None


def _apply_pragmas(conn: Connection) -> None:
    """Session settings: temp data in memory, WAL, durable commits, safety switches."""
    conn.execute("PRAGMA temp_store = MEMORY")
    if int(conn.execute("PRAGMA temp_store").fetchone()[0]) != 2:
        raise WrongPassphraseOrDamaged()
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise WrongPassphraseOrDamaged()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA trusted_schema = OFF")


def assert_cipher_settings(conn: Connection) -> None:
    """Refuse to work unless encryption is really on with the settings we pinned."""
    version = conn.execute("PRAGMA cipher_version").fetchone()
    settings = {str(r[0]).strip() for r in conn.execute("PRAGMA cipher_settings")}
    ok = (
        version is not None
        and str(version[0]).startswith("4.")
        and "PRAGMA cipher_use_hmac = 1;" in settings
        and "PRAGMA cipher_plaintext_header_size = 0;" in settings
    )
    if not ok:
        raise WrongPassphraseOrDamaged()


def _take_writer_lock(conn: Connection) -> None:
    """Hold the exclusive file lock until close, so a second opener gets VaultInUse."""
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlcipher.Error as exc:
        if is_busy(exc):
            raise VaultInUse() from None
        if "readonly" in getattr(exc, "sqlite_errorname", "").lower():
            raise VaultReadOnly() from None
        raise WrongPassphraseOrDamaged() from None


def open_connection(path: Path, passphrase: bytearray) -> Connection:
    """Open an existing vault file and return a keyed, locked connection.

    Raises:
        VaultNotFound: there is no file at ``path``.
        NotAVault: the file is empty, plain SQLite, or not ours.
        WrongPassphraseOrDamaged: the key does not open it, or it is damaged.
        VaultInUse: another connection holds the vault.
    """
    _look_before_opening(path)
    conn = _connect(path, passphrase)
    _verify_key(conn)
    try:
        if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APP_ID:
            raise NotAVault()
        assert_cipher_settings(conn)
        _apply_pragmas(conn)
        _take_writer_lock(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def create_connection(path: Path, passphrase: bytearray) -> Connection:
    """Create a new, empty vault file (mode 0600) and return a keyed, locked connection.

    Raises:
        VaultExists: a file (or anything else) is already at ``path``.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise VaultExists() from None
    except OSError:
        raise VaultNotSaved() from None
    os.close(fd)
    try:
        if os.name == "posix":
            path.chmod(0o600)
        conn = _connect(path, passphrase)
        try:
            _apply_pragmas(conn)
            conn.execute(f"PRAGMA application_id = {APP_ID}")
            assert_cipher_settings(conn)
            _take_writer_lock(conn)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        remove_vault_files(path)
        raise
    return conn


def remove_vault_files(path: Path) -> None:
    """Remove a vault this process has just created and failed to finish."""
    for suffix in ("", "-wal", "-journal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def close_connection(conn: Connection) -> None:
    """Checkpoint the WAL into the main file, then close (releases the lock)."""
    with contextlib.suppress(sqlcipher.Error, MemoryError):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with contextlib.suppress(sqlcipher.Error):
        conn.close()
