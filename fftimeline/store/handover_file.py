"""The hand-over file: one whole case, encrypted under its own passphrase (store layer).

A hand-over file is a SQLCipher database of its own (``application_id`` 'FFTH'), keyed with a
passphrase that is sent to the receiving key worker by another route. It holds the case's
rows exactly as the sending vault keeps them (every entry version, the register and tasks
with their earlier details, the disclosures, the case's audit trail and its manual
redactions) and a manifest: who made it, when, for whom, counts, and the SHA-256 of every
table's rows. The importer recomputes those hashes before anything is added to its vault.
It is never a plain export: it passes no leak scan because it is the whole record, so it
only ever exists encrypted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.errors import DomainError, WrongPassphraseOrDamaged
from fftimeline.store.connection import Connection, assert_cipher_settings

HANDOVER_APP_ID = 0x46465448
"""``PRAGMA application_id`` of a hand-over file ('FFTH'); never change it."""
FORMAT = 2
"""The layout of the hand-over file (``user_version``); a newer one is refused.

1: the tables of schema version 3. 2: also ``safety_plans`` (schema version 4). A file of
an earlier layout is still read: the tables it does not have are empty."""
BATCH = 500

TABLES: dict[str, tuple[str, ...]] = {
    "cases": ("id", "created_at", "data"),
    "entries": ("id", "case_id", "current_version"),
    "entry_versions": (
        *("entry_id", "version", "case_id", "sort_date", "sort_rank", "sort_time"),
        *("kind", "nature", "significance", "retracted", "recorded_at", "data"),
    ),
    "entry_links": ("entry_id", "link_id"),
    "links": ("id", "case_id", "kind", "data"),
    "tasks": ("id", "case_id", "status", "due", "created_at", "data"),
    "earlier_details": ("id", "kind", "row_id", "case_id", "replaced_at", "data"),
    "disclosures": ("id", "case_id", "at", "data"),
    "audit": (
        *("origin", "seq", "at", "actor", "action"),
        *("case_id", "entry_id", "detail", "hash"),
    ),
    "preferences": ("key", "value"),
    "safety_plans": ("case_id", "version", "review_on", "recorded_at", "data"),
}
"""Every table of a hand-over file and its columns, in the order rows are written."""

SINCE: dict[str, int] = {"safety_plans": 2}
"""Tables added after the first layout, and the layout that added them."""


def tables(layout: int) -> tuple[str, ...]:
    """The tables a hand-over file of ``layout`` holds."""
    return tuple(t for t in TABLES if SINCE.get(t, 1) <= layout)


Row = tuple[Any, ...]
Rows = dict[str, list[Row]]


class HandoverFileError(DomainError):
    """A hand-over file could not be read; nothing was imported."""


class HandoverLocked(HandoverFileError):
    """Wrong passphrase, or a damaged file: SQLCipher cannot tell these apart."""

    def __init__(self) -> None:
        super().__init__(
            "handover_wrong_passphrase",
            "Wrong hand-over passphrase, or the file is damaged. Nothing was imported.",
        )


class NotAHandover(HandoverFileError):
    """The file opened, but it is not a hand-over (a vault, say)."""

    def __init__(self) -> None:
        super().__init__(
            "not_a_handover", "This file is not an fftimeline hand-over. Nothing was imported."
        )


class HandoverTooNew(HandoverFileError):
    """The hand-over was made by a newer fftimeline."""

    def __init__(self) -> None:
        super().__init__(
            "handover_too_new",
            "This hand-over was made by a newer version of fftimeline. Update fftimeline "
            "to import it. Nothing was imported.",
        )


class HandoverDamaged(HandoverFileError):
    """The rows do not match the hashes the sender recorded."""

    def __init__(self) -> None:
        super().__init__(
            "handover_damaged",
            "The hand-over file has been changed or damaged since it was made: its check "
            "codes do not match. Nothing was imported. Ask for it to be sent again.",
        )


def table_digest(rows: Iterable[Row]) -> str:
    """SHA-256 over a canonical form of a table's rows, in order."""
    digest = hashlib.sha256()
    for row in rows:
        line = json.dumps(list(row), ensure_ascii=False, separators=(",", ":")) + "\n"
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def _key(path: Path, passphrase: bytearray, *, read_only: bool) -> Connection:
    target = f"file:{path.as_posix()}?mode=ro" if read_only else str(path)
    conn = sqlcipher.connect(target, uri=read_only, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(passphrase)
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA temp_store = MEMORY")
    except (sqlcipher.Error, MemoryError, ValueError, TypeError):
        conn.close()
        raise HandoverLocked() from None
    return conn


def create(path: Path, passphrase: bytearray) -> Connection:
    """Create a new hand-over file at ``path`` (which must not exist); a transaction is open.

    The journal is kept in memory: a file interrupted while being built is thrown away whole.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)
    conn = _key(path, passphrase, read_only=False)
    conn.execute("PRAGMA journal_mode = MEMORY")
    conn.execute(f"PRAGMA application_id = {HANDOVER_APP_ID}")
    conn.execute(f"PRAGMA user_version = {FORMAT}")
    assert_cipher_settings(conn)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for table, columns in TABLES.items():
        conn.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    return conn


def write_rows(conn: Connection, table: str, rows: Sequence[Row]) -> None:
    """Append rows to one table of a hand-over file being built."""
    columns = TABLES[table]
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def finish(conn: Connection, manifest: dict[str, str]) -> None:
    """Write the manifest, commit, prove every page under the key, and close."""
    try:
        conn.executemany("INSERT INTO manifest (key, value) VALUES (?, ?)", manifest.items())
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if problems:
            raise HandoverDamaged()
    finally:
        close(conn)


def close(conn: Connection) -> None:
    """Close a hand-over file, dropping anything not committed."""
    with contextlib.suppress(sqlcipher.Error):
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    with contextlib.suppress(sqlcipher.Error):
        conn.close()


def open_for_reading(path: Path, passphrase: bytearray) -> Connection:
    """Open a hand-over file read-only: it is never changed by reading it.

    Raises:
        HandoverLocked: wrong passphrase, or damaged.
        NotAHandover: a readable database that is not a hand-over.
        HandoverTooNew: a newer layout.
    """
    if not path.is_file():
        raise NotAHandover()
    conn = _key(path, passphrase, read_only=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if int(conn.execute("PRAGMA application_id").fetchone()[0]) != HANDOVER_APP_ID:
            raise NotAHandover()
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) > FORMAT:
            raise HandoverTooNew()
        assert_cipher_settings(conn)
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise HandoverLocked()
    except (sqlcipher.Error, MemoryError, WrongPassphraseOrDamaged):
        close(conn)
        raise HandoverLocked() from None
    except BaseException:
        close(conn)
        raise
    return conn


def layout(conn: Connection) -> int:
    """The layout (`FORMAT`) an open hand-over file was written in."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def read_manifest(conn: Connection) -> dict[str, str]:
    """The manifest of an open hand-over file."""
    try:
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM manifest")}
    except (sqlcipher.Error, MemoryError):
        raise HandoverDamaged() from None


def read_rows(conn: Connection, table: str) -> list[Row]:
    """Every row of one table of an open hand-over file, in the order it was written."""
    columns = ", ".join(TABLES[table])
    try:
        return [tuple(r) for r in conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid")]
    except (sqlcipher.Error, MemoryError):
        raise HandoverDamaged() from None
