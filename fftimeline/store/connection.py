"""Opening and creating the encrypted vault file (store layer).

This is the one place that keys SQLCipher. It follows the exact sequence of the security
checklist (§C2), with two additions that keep a failed open from changing anything and
keep the single-writer lock from ever being lost:

1. `held.reserve`: a file this process already holds is refused as in use *before* any
   descriptor is opened on it (closing a descriptor would drop the process's lock).
2. Look at the file (missing, empty, plain SQLite) and read its first page (the newest
   committed copy, from a ``-wal`` a crash left, when there is one: see `wal`).
3. `kdf.derive_key`: check the passphrase against that page the way SQLCipher does. A
   wrong one is refused before SQLite opens the file, so a ``-wal`` left by a crash is
   never folded in or deleted by a failed open.
4. Connect with the derived key, prove it with a read, pin and assert the cipher
   settings, check our ``application_id``, and only then switch on WAL and take the lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.errors import (
    DiskFull,
    NotAVault,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    VaultNotSaved,
    VaultReadOnly,
    WrongPassphraseOrDamaged,
)
from fftimeline.store import held, kdf, wal

Connection = Any
"""A ``sqlcipher3`` connection (the package ships no type hints)."""

APP_ID = 0x46465431
"""``PRAGMA application_id`` of every fftimeline vault ('FFT1'); never change it."""

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 0.2
_BUSY_NAMES = ("SQLITE_BUSY", "SQLITE_LOCKED")


class VaultConnection(sqlcipher.Connection):  # type: ignore[misc]
    """A SQLCipher connection that gives its file back to `held` when it is closed.

    Attributes:
        hold: this process's reservation of the file (released on close).
        first_page: the file's first page as it was read before connecting; lets the
            current passphrase be checked later without opening the file again.
    """

    hold: held.Hold | None = None
    first_page: bytes = b""

    def close(self) -> None:
        """Close, then let the file be opened again by this process."""
        try:
            super().close()
        finally:
            if self.hold is not None:
                self.hold.release()


def is_busy(error: BaseException) -> bool:
    """Whether a SQLCipher error means another connection holds the vault's lock."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return name.startswith(_BUSY_NAMES) or "database is locked" in str(error)


_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})


def is_disk_full(error: BaseException) -> bool:
    """Whether an error means the disk (or the file's size limit) is full."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    if name.startswith("SQLITE_FULL") or "database or disk is full" in str(error):
        return True
    return isinstance(error, OSError) and error.errno in _FULL_ERRNOS


def _look_before_opening(path: Path) -> bytes:
    """Refuse missing, empty and plain-SQLite files without writing anything; the first page."""
    try:
        size = path.stat().st_size
    except OSError:
        raise VaultNotFound() from None
    if not path.is_file() or size == 0:
        raise NotAVault()
    try:
        page = kdf.read_first_page(path)
    except OSError:
        raise VaultNotFound() from None
    if page[: len(SQLITE_MAGIC)] == SQLITE_MAGIC or size < 1024:
        raise NotAVault()
    # After a crash the page SQLite reads may be a newer committed copy in the -wal.
    page = wal.committed_first_page(Path(f"{path}-wal"), kdf.PAGE_SIZE) or page
    if not (os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
        raise VaultReadOnly()
    return page


def connect_keyed(target: str, key: bytearray, *, uri: bool = False) -> VaultConnection:
    """Connect and key (a passphrase, or a raw key spec from `kdf`); nothing read or written yet."""
    conn: VaultConnection = sqlcipher.connect(
        target,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_S,
        check_same_thread=False,
        factory=VaultConnection,
        uri=uri,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(key)
        conn.execute("PRAGMA cipher_compatibility = 4")
        # Exclusive locking before the first read: WAL then never uses a -shm file and
        # the lock is held for the life of the connection (single writer).
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    except (sqlcipher.Error, MemoryError, ValueError, TypeError):
        conn.close()
        raise WrongPassphraseOrDamaged() from None
    return conn


def verify_key(conn: Connection) -> None:
    """Force the page-1 HMAC check with a read; close the connection if it fails."""
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
        VaultInUse: this process or another holds the vault (checked before anything
            touches the file when it is this process).
        VaultNotFound: there is no file at ``path``.
        NotAVault: the file is empty, plain SQLite, or not ours.
        WrongPassphraseOrDamaged: the key does not open it, or it is damaged.
        DiskFull: the disk is too full to switch the vault to WAL.
    """
    return _open(path, passphrase, str(path), _for_work)


def open_read_only(path: Path, passphrase: bytearray) -> Connection:
    """Open a vault or backup for reading only: nothing is ever written to it, not even on close.

    Used for backups, which must stay exactly as they were made. The file is reserved in
    `held` like any vault while the connection is open.

    Raises:
        The same errors as `open_connection`.
    """
    return _open(path, passphrase, f"{path.absolute().as_uri()}?mode=ro", _for_reading)


def _for_work(conn: Connection) -> None:
    _apply_pragmas(conn)
    _take_writer_lock(conn)


def _for_reading(conn: Connection) -> None:
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA query_only = ON")


def _open(
    path: Path, passphrase: bytearray, target: str, finish: Callable[[Connection], None]
) -> VaultConnection:
    """Reserve, look, check the key on page 1, connect, check it is ours, then ``finish``."""
    hold = held.reserve(path)
    try:
        page = _look_before_opening(path)
        conn = _keyed_from_page(target, page, passphrase, uri=target.startswith("file:"))
        try:
            if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APP_ID:
                raise NotAVault()
            assert_cipher_settings(conn)
            finish(conn)
        except sqlcipher.Error as exc:
            conn.close()
            raise DiskFull() if is_disk_full(exc) else WrongPassphraseOrDamaged() from None
        except BaseException:
            conn.close()
            raise
    except BaseException:
        hold.release()
        raise
    return _owned(conn, hold, page)


def _keyed_from_page(target: str, page: bytes, passphrase: bytearray, *, uri: bool) -> Any:
    """Check the passphrase against the first page, then connect with the derived key."""
    key = kdf.derive_key(page, passphrase)
    if key is None:
        raise WrongPassphraseOrDamaged()
    spec = kdf.raw_key_spec(key)
    try:
        conn = connect_keyed(target, spec, uri=uri)
    finally:
        key[:] = bytes(len(key))
        spec[:] = bytes(len(spec))
    verify_key(conn)
    return conn


def _owned(conn: VaultConnection, hold: held.Hold, page: bytes) -> VaultConnection:
    """Tie the reservation to the connection: released on close, or if it is ever dropped."""
    conn.hold, conn.first_page = hold, page
    weakref.finalize(conn, hold.release)
    return conn


def create_connection(path: Path, passphrase: bytearray) -> Connection:
    """Create a new, empty vault file (mode 0600) and return a keyed, locked connection.

    Raises:
        VaultExists: a file (or anything else) is already at ``path``.
        DiskFull: there is no space left for it (nothing is left behind).
    """
    hold = held.reserve(path)
    try:
        new_private_file(path)
        hold.move_to(path)
        conn = _create_keyed(path, passphrase)
    except BaseException:
        hold.release()
        raise
    return _owned(conn, hold, b"")


def new_private_file(path: Path) -> None:
    """Create an empty file only its owner can read, refusing to replace anything."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise VaultExists() from None
    except OSError as exc:
        raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None
    os.close(fd)  # nothing holds the new file yet, so closing this descriptor is safe


def _create_keyed(path: Path, passphrase: bytearray) -> VaultConnection:
    try:
        if os.name == "posix":
            path.chmod(0o600)
        conn = connect_keyed(str(path), passphrase)
        try:
            _apply_pragmas(conn)
            conn.execute(f"PRAGMA application_id = {APP_ID}")
            assert_cipher_settings(conn)
            _take_writer_lock(conn)
        except BaseException:
            conn.close()
            raise
    except sqlcipher.Error as exc:
        remove_vault_files(path)
        raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None
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
