"""One open vault file: its connection, transactions, checks and passphrase change.

`VaultStore` owns the single SQLCipher connection (and with it the exclusive file lock)
for as long as the vault is unlocked. Services read through `read()` and write through
`write()`, which is one ``BEGIN IMMEDIATE … COMMIT`` transaction: when it returns
without error the change is on disk. Database errors during a write roll back and come
out as the plain-words `VaultNotSaved`.

Opening writes nothing (unless the schema must be upgraded): the "unlocked" audit row is
written with the first change, or at close. So opening a damaged file can never make it
worse, and a failed open leaves the file exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.collector import collector_paused
from fftimeline.domain.errors import (
    DiskFull,
    VaultClosed,
    VaultError,
    VaultNotSaved,
    WrongPassphraseOrDamaged,
)
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit, backup, migrations, purge, rekey
from fftimeline.store.connection import (
    Connection,
    close_connection,
    create_connection,
    is_disk_full,
    open_connection,
    remove_vault_files,
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class StoreCheck:
    """Result of checking a vault: three verdicts and plain-words problems."""

    integrity_ok: bool
    cipher_ok: bool
    audit_ok: bool
    problems: list[str] = field(default_factory=list)


class VaultStore:
    """The open connection to one vault file, with its writer lock."""

    def __init__(self, path: Path, conn: Connection, actor: str = "") -> None:
        self.path = path
        self._conn: Connection | None = conn
        self._actor = actor
        self._lock = threading.RLock()
        self._depth = 0
        self._pending: list[audit.AuditEvent] = []
        self._damage_seen = False

    # Opening ------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: bytearray,
        actor: str,
        steps: Sequence[migrations.Migration] = migrations.MIGRATIONS,
    ) -> VaultStore:
        """Create a new vault file with the newest schema."""
        conn = create_connection(path, passphrase)
        try:
            migrations.migrate(conn, actor, steps)
            store = cls(path, conn, actor)
            with store.write() as c:
                audit.append(c, actor, [audit.AuditEvent(AuditAction.VAULT_CREATED)])
        except BaseException as exc:
            close_connection(conn)
            remove_vault_files(path)
            if isinstance(exc, sqlcipher.Error):
                raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None
            raise
        # Reopen, so the first page is read (while nothing holds the file) like any open:
        # the current passphrase can then be checked later without touching the file.
        close_connection(conn)
        try:
            store._conn = open_connection(path, passphrase)
        except BaseException:
            remove_vault_files(path)
            raise
        return store

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: bytearray,
        actor: str,
        steps: Sequence[migrations.Migration] = migrations.MIGRATIONS,
        *,
        failed_attempts: int = 0,
        before_migrating: Callable[[Connection], None] | None = None,
    ) -> VaultStore:
        """Open an existing vault, upgrade its schema if needed and record the unlock.

        A wrong passphrase cannot be written into a vault it cannot open, so the caller counts
        failed attempts and they are recorded here, just before the unlock that followed them.
        ``before_migrating`` runs (with the open connection) only when the schema is about to
        be upgraded: the services make a backup there.
        """
        conn = open_connection(path, passphrase)
        try:
            if before_migrating is not None and migrations.pending(conn, steps):
                before_migrating(conn)
            migrations.migrate(conn, actor, steps)
        except DiskFull:
            close_connection(conn)
            raise
        except (VaultNotSaved, sqlcipher.Error, MemoryError) as exc:
            close_connection(conn)
            if is_disk_full(exc):
                raise DiskFull() from None
            raise WrongPassphraseOrDamaged() from None
        except BaseException:
            close_connection(conn)
            raise
        store = cls(path, conn, actor)
        if failed_attempts > 0:
            detail = f"{failed_attempts} failed attempt(s) before this unlock"
            store._pending.append(
                audit.AuditEvent(AuditAction.UNLOCK_FAILED, detail=detail, at=_now())
            )
        store._pending.append(audit.AuditEvent(AuditAction.UNLOCKED, at=_now()))
        return store

    # Transactions -------------------------------------------------------------
    def _live(self) -> Connection:
        if self._conn is None:
            raise VaultClosed()
        return self._conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """Use the connection for reading (serialised with writes)."""
        with self._lock, collector_paused():
            try:
                yield self._live()
            except (sqlcipher.Error, MemoryError):
                self._damage_seen = True
                raise WrongPassphraseOrDamaged() from None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction; commits on success, rolls back and raises VaultNotSaved on error.

        Nested calls join the outer transaction.
        """
        with self._lock, collector_paused():
            conn = self._live()
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            self._begin(conn)
            self._depth = 1
            try:
                if self._pending:
                    audit.append(conn, self._actor, self._pending)
                yield conn
                conn.execute("COMMIT")
                self._pending = []
            except BaseException as exc:
                self._rollback(conn)
                if isinstance(exc, sqlcipher.Error | MemoryError):
                    raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None
                raise
            finally:
                self._depth = 0

    @staticmethod
    def _begin(conn: Connection) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlcipher.Error as exc:
            raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None

    @staticmethod
    def _rollback(conn: Connection) -> None:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlcipher.Error:
            pass

    # Whole-vault operations ---------------------------------------------------
    def change_passphrase(self, new: bytearray, current: bytearray | None = None) -> None:
        """Re-encrypt the vault under ``new`` and prove it; see `rekey.change_passphrase`.

        A wrong ``current`` raises WrongPassphraseOrDamaged and changes nothing; any other
        failure leaves the vault closed, to be unlocked again.
        """
        with self._lock:
            self._flush_pending()
            conn = self._live()
            if current is not None and not rekey.current_key_matches(conn, current):
                raise WrongPassphraseOrDamaged()
            self._conn = None  # closed by the change whatever happens now
            self._conn = rekey.change_passphrase(self.path, conn, new, current)

    def backup_to(self, target: Path, progress: backup.Progress | None = None) -> None:
        """Write a verified, encrypted copy of the vault to the new file ``target``.

        Raises:
            BackupNotMade, BackupStopped, DiskFull, VaultExists: see `backup.make_verified`.
        """
        with self._lock:
            self._flush_pending()
            backup.make_verified(self._live(), target, progress)

    @property
    def damage_seen(self) -> bool:
        """Whether this session found the vault damaged (then it is not backed up)."""
        return self._damage_seen

    def current_key_matches(self, passphrase: bytearray) -> bool:
        """Whether ``passphrase`` is the one in force (reads no file; see `rekey`)."""
        with self._lock:
            return rekey.current_key_matches(self._live(), passphrase)

    def check(self) -> StoreCheck:
        """Integrity of the database, of every encrypted page, and of the audit chain."""
        with self._lock:
            ok_db, ok_cipher, bad_seq, problems = rekey.check(self._live())
            self._damage_seen |= not (ok_db and ok_cipher)
            return StoreCheck(ok_db, ok_cipher, bad_seq is None, problems)

    def compact(self) -> None:
        """Rewrite the file without free pages and empty the WAL (after a purge).

        Raises:
            VaultNotSaved: the disk refused (the purge itself is already committed).
        """
        with self._lock:
            self._flush_pending()
            try:
                purge.compact(self._live())
            except (sqlcipher.Error, MemoryError):
                raise VaultNotSaved() from None

    def _flush_pending(self) -> None:
        """Write audit rows held back since opening (the unlock)."""
        if self._pending:
            with self.write():
                pass

    @property
    def closed(self) -> bool:
        """Whether the vault has been closed."""
        return self._conn is None

    def close(self) -> None:
        """Checkpoint and close; safe to call twice.

        The held-back unlock row is written now, unless the session found the file
        damaged: then nothing more is written into it.
        """
        with self._lock:
            if self._conn is not None:
                if not self._damage_seen:
                    with contextlib.suppress(VaultError):
                        self._flush_pending()
                close_connection(self._conn)
                self._conn = None
