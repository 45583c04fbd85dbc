"""Changing a vault's passphrase and checking a vault (store layer).

A passphrase change is only reported as done once it has been proved: after the rekey
the connection is closed, the file is reopened with the new passphrase and every page's
HMAC is verified under it (``cipher_integrity_check`` returns nothing), so no page can
still be readable with the old one. When the caller also hands over the old passphrase,
the store checks directly that it no longer opens the vault.
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.errors import (
    DiskFull,
    VaultError,
    VaultNotSaved,
    WrongPassphraseOrDamaged,
)
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit, kdf
from fftimeline.store.connection import (
    Connection,
    close_connection,
    is_disk_full,
    open_connection,
)


class PassphraseNotChanged(VaultError):
    """The new passphrase could not be proved to work; the old one may still be in force."""

    def __init__(self) -> None:
        super().__init__(
            "passphrase_not_changed",
            "The passphrase could not be changed. Keep using your old passphrase and try "
            "again; if it no longer works, use the new one.",
        )


def _cipher_problems(conn: Connection) -> list[str]:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]


def _rekey(conn: Connection, new: bytearray) -> None:
    actor_row = conn.execute("SELECT actor FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    actor = "" if actor_row is None else str(actor_row[0])
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.reset_key(new)
    except sqlcipher.Error as exc:  # the key was not changed
        raise DiskFull() if is_disk_full(exc) else VaultNotSaved() from None
    except MemoryError:
        raise VaultNotSaved() from None
    try:
        conn.execute("BEGIN IMMEDIATE")
        audit.append(conn, actor, [audit.AuditEvent(AuditAction.PASSPHRASE_CHANGED)])
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (sqlcipher.Error, MemoryError):
        # The file is already under the new passphrase: "nothing was changed" would be untrue.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise PassphraseNotChanged() from None


def _reopen_and_prove(path: Path, new: bytearray) -> Connection:
    try:
        conn = open_connection(path, new)
    except VaultError:
        raise PassphraseNotChanged() from None
    try:
        if _cipher_problems(conn):
            raise PassphraseNotChanged()
    except (sqlcipher.Error, MemoryError):
        close_connection(conn)
        raise PassphraseNotChanged() from None
    except PassphraseNotChanged:
        close_connection(conn)
        raise
    return conn


def current_key_matches(conn: Connection, passphrase: bytearray) -> bool:
    """Whether ``passphrase`` is the key of the vault open on ``conn``.

    Checked against the first page read when the vault was opened (SQLCipher's own
    derivation and HMAC, see `kdf`), so no file is opened while the vault is held: closing
    a descriptor on the vault would drop this process's lock on it.
    """
    page = getattr(conn, "first_page", b"")
    return bool(page) and kdf.key_matches(page, passphrase)


def _old_must_fail(path: Path, old: bytearray) -> None:
    try:
        conn = open_connection(path, old)
    except WrongPassphraseOrDamaged:
        return
    close_connection(conn)
    raise PassphraseNotChanged()


def change_passphrase(
    path: Path, conn: Connection, new: bytearray, current: bytearray | None = None
) -> Connection:
    """Rekey the vault behind ``conn`` to ``new``; return the proved, reopened connection.

    ``conn`` is closed by this call whatever happens; on failure the error says which
    passphrase to use. Check ``current`` with `current_key_matches` first.
    """
    try:
        _rekey(conn, new)
    finally:
        close_connection(conn)
    proved = _reopen_and_prove(path, new)
    if current is not None and current != new:
        close_connection(proved)
        _old_must_fail(path, current)
        proved = _reopen_and_prove(path, new)
    return proved


def check(conn: Connection) -> tuple[bool, bool, int | None, list[str]]:
    """Run the three checks; return (database ok, pages ok, first bad audit seq, problems).

    Raises:
        DiskFull: the disk is too full to fold the ``-wal`` into the vault, which the
            page check needs; that says nothing about damage, so no verdict is given.
    """
    problems: list[str] = []
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        integrity_ok = rows == ["ok"]
    except (sqlcipher.Error, MemoryError):
        integrity_ok = False
    if not integrity_ok:
        problems.append("The vault's structure is damaged.")
    try:
        cipher_ok = not _cipher_problems(conn)
    except sqlcipher.Error as exc:
        if is_disk_full(exc):
            raise DiskFull() from None
        cipher_ok = False
    except MemoryError:
        cipher_ok = False
    if not cipher_ok:
        problems.append("Some encrypted pages of the vault are damaged.")
    try:
        bad_seq = audit.verify(conn)
    except (sqlcipher.Error, MemoryError):
        bad_seq = 0
    if bad_seq is not None:
        problems.append(
            f"The history log has been tampered with or damaged from record {bad_seq} on."
        )
    return integrity_ok, cipher_ok, bad_seq, problems
