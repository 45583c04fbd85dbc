"""Encrypted copies of a vault: made, verified, read and restored by SQLite itself (store layer).

A backup is never a plain file copy (a copy taken while SQLite writes can be torn, and
would miss what is still in the ``-wal``). It is ``VACUUM INTO`` a new file of mode 0600,
run on the open connection, so it is written under the vault's current key: it opens with
the passphrase in force when it was made, and only with that one. It is then verified
before anything relies on it: attached under the same key, every page's HMAC is checked
(``cipher_integrity_check``), then the database structure and the audit chain.

Backups are opened only read-only (`open_read_only`), so listing or restoring one never
changes a byte of it. Restoring is ``VACUUM INTO`` again, from the backup into a new file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.errors import DiskFull, DomainError, VaultNotSaved
from fftimeline.store import audit
from fftimeline.store.connection import (
    Connection,
    close_connection,
    is_disk_full,
    new_private_file,
    open_read_only,
)

Progress = Callable[[float], bool]
"""Told the share done (0.0 to 1.0); returns False to stop."""

_PROGRESS_EVERY = 2000
"""SQLite virtual-machine steps between two progress reports."""


class BackupNotMade(DomainError):
    """A backup could not be written or did not pass its checks; nothing was rotated out."""

    def __init__(self, reason: str) -> None:
        super().__init__("backup_not_made", f"The backup could not be made: {reason}")


class BackupStopped(DomainError):
    """The user stopped a backup; the unfinished file was removed."""

    def __init__(self) -> None:
        super().__init__("backup_stopped", "The backup was stopped. Nothing was saved.")


@dataclass(frozen=True)
class BackupFacts:
    """What a backup holds, read after unlocking it."""

    cases: int
    entries: int
    last_change: str
    """ISO time of the newest audit record in it (UTC)."""


def _copy_size(conn: Connection) -> int:
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    return max(1, (pages - free) * size)


def copy_into(conn: Connection, target: Path, progress: Progress | None = None) -> None:
    """Write an encrypted copy of the vault on ``conn`` to the new file ``target`` (mode 0600).

    Raises:
        VaultExists: something is already at ``target``.
        DiskFull: the disk filled up (the unfinished file is removed).
        BackupStopped: ``progress`` asked to stop (the unfinished file is removed).
        BackupNotMade: any other failure (the unfinished file is removed).
    """
    new_private_file(target)
    expected = _copy_size(conn)
    stopped = False

    def report() -> int:
        nonlocal stopped
        if progress is None:
            return 0
        with contextlib.suppress(OSError):
            stopped = not progress(min(1.0, os.stat(target).st_size / expected))
        return 1 if stopped else 0

    conn.set_progress_handler(report, _PROGRESS_EVERY)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    except sqlcipher.Error as exc:
        _remove(target)
        if stopped:
            raise BackupStopped() from None
        if is_disk_full(exc):
            raise DiskFull() from None
        raise BackupNotMade("the copy could not be written.") from None
    finally:
        conn.set_progress_handler(None, 0)
    if progress is not None:
        progress(1.0)


def verify_copy(conn: Connection, target: Path) -> list[str]:
    """Problems found in the copy at ``target``, checked under the vault's key ([] = sound)."""
    if not target.is_file():
        return ["The backup file is missing."]
    try:
        conn.execute("ATTACH DATABASE ? AS backup", (str(target),))
    except sqlcipher.Error:
        return ["The backup cannot be opened."]
    try:
        return _problems_in_attached(conn)
    finally:
        with contextlib.suppress(sqlcipher.Error):
            conn.execute("DETACH DATABASE backup")


def _problems_in_attached(conn: Connection) -> list[str]:
    problems: list[str] = []
    try:
        if list(conn.execute("PRAGMA backup.cipher_integrity_check")):
            problems.append("Some encrypted pages of the backup are damaged.")
        if [str(r[0]) for r in conn.execute("PRAGMA backup.integrity_check")] != ["ok"]:
            problems.append("The backup's structure is damaged.")
        if audit.verify(conn, schema="backup") is not None:
            problems.append("The backup's history log does not match.")
    except (sqlcipher.Error, MemoryError):
        problems.append("The backup cannot be read.")
    return problems


def make_verified(conn: Connection, target: Path, progress: Progress | None = None) -> None:
    """`copy_into` then `verify_copy`; a copy that fails its checks is removed.

    Raises:
        BackupNotMade: the copy failed its checks (and was removed); or as `copy_into`.
    """
    copy_into(conn, target, progress)
    problems = verify_copy(conn, target)
    if problems:
        _remove(target)
        raise BackupNotMade(" ".join(problems))


def facts(conn: Connection) -> BackupFacts:
    """Cases, entries and the time of the last recorded change in an open backup."""
    cases = int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    entries = int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    row = conn.execute("SELECT at FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return BackupFacts(cases, entries, "" if row is None else str(row[0]))


def read_facts(path: Path, passphrase: bytearray) -> BackupFacts:
    """Unlock a backup read-only and say what it holds; the file is not changed.

    Raises:
        WrongPassphraseOrDamaged, NotAVault, VaultNotFound: as for opening a vault.
    """
    conn = open_read_only(path, passphrase)
    try:
        return facts(conn)
    except (sqlcipher.Error, MemoryError):
        raise BackupNotMade("the backup cannot be read.") from None
    finally:
        close_connection(conn)


def restore_into(backup: Path, passphrase: bytearray, target: Path) -> BackupFacts:
    """Copy a backup into the new file ``target`` (same passphrase), leaving the backup as it was.

    Raises:
        VaultExists: something is already at ``target``.
        WrongPassphraseOrDamaged: the passphrase does not open the backup, or it is damaged.
        DiskFull, VaultNotSaved: the copy could not be written (nothing is left at ``target``).
    """
    conn = open_read_only(backup, passphrase)
    try:
        if problems := _self_check(conn):
            raise BackupNotMade(" ".join(problems))
        found = facts(conn)
        new_private_file(target)
        try:
            conn.execute("PRAGMA query_only = OFF")  # VACUUM INTO writes only the new file
            conn.execute("VACUUM INTO ?", (str(target),))
        except sqlcipher.Error as exc:
            _remove(target)
            raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None
    finally:
        close_connection(conn)
    return found


def _self_check(conn: Connection) -> list[str]:
    try:
        if list(conn.execute("PRAGMA cipher_integrity_check")):
            return ["Some encrypted pages of the backup are damaged."]
        if audit.verify(conn) is not None:
            return ["The backup's history log does not match."]
    except (sqlcipher.Error, MemoryError):
        return ["The backup cannot be read."]
    return []


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
