"""Append-only, hash-chained audit log (store layer).

Each row's hash is ``sha256(prev_hash + canonical row content)``, so changing or removing
any past row breaks the chain from that row on; triggers also refuse UPDATE and DELETE.
Rows carry ids and counts only, never case text.

Failed unlocks are not recorded: a wrong passphrase means the vault cannot be opened,
so there is nowhere encrypted to write them, and writing them anywhere else would leave
traces of the vault outside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fftimeline.domain.records import AuditAction, AuditRecord
from fftimeline.store.connection import Connection

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first audit row."""


@dataclass(frozen=True)
class AuditEvent:
    """One thing to record: what happened, and to which case or entry (ids only).

    ``at`` is when it happened, if not now (an unlock is written with the first change).
    """

    action: AuditAction
    case_id: int | None = None
    entry_id: int | None = None
    detail: str = ""
    at: dt.datetime | None = None


def row_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    case_id: int | None,
    entry_id: int | None,
    detail: str,
) -> str:
    """The chained hash of one audit row, over a canonical JSON form of its content."""
    body = json.dumps(
        [seq, at, actor, action, case_id, entry_id, detail],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("ascii")).hexdigest()


def _last(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def append(conn: Connection, actor: str, events: Iterable[AuditEvent]) -> None:
    """Append events to the log inside the caller's open transaction."""
    seq, prev = _last(conn)
    now = dt.datetime.now(dt.UTC).isoformat()
    rows = []
    for ev in events:
        seq += 1
        at = now if ev.at is None else ev.at.isoformat()
        h = row_hash(prev, seq, at, actor, ev.action.value, ev.case_id, ev.entry_id, ev.detail)
        rows.append((seq, at, actor, ev.action.value, ev.case_id, ev.entry_id, ev.detail, prev, h))
        prev = h
    conn.executemany(
        "INSERT INTO audit (seq, at, actor, action, case_id, entry_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


_COLUMNS = "seq, at, actor, action, case_id, entry_id, detail, prev_hash, hash"


def _record(row: Sequence[object]) -> AuditRecord:
    return AuditRecord(
        seq=int(str(row[0])),
        at=dt.datetime.fromisoformat(str(row[1])),
        actor=str(row[2]),
        action=AuditAction(str(row[3])),
        case_id=None if row[4] is None else int(str(row[4])),
        entry_id=None if row[5] is None else int(str(row[5])),
        detail=str(row[6]),
        prev_hash=str(row[7]),
        hash=str(row[8]),
    )


def records(conn: Connection, case_id: int | None = None) -> list[AuditRecord]:
    """Audit rows, oldest first; only those about one case when ``case_id`` is given."""
    if case_id is None:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq").fetchall()
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM audit WHERE case_id = ? ORDER BY seq", (case_id,)
        ).fetchall()
    return [_record(r) for r in rows]


def verify(conn: Connection, schema: str = "main") -> int | None:
    """Check the whole chain; return the first bad ``seq``, or None when it is intact.

    ``schema`` names an attached database to check instead (a backup being verified).
    """
    if not schema.isidentifier():
        raise ValueError(schema)
    prev = GENESIS_HASH
    expected_seq = 1
    for row in conn.execute(f"SELECT {_COLUMNS} FROM {schema}.audit ORDER BY seq"):
        seq, at, actor, action, case_id, entry_id, detail, prev_hash, h = row
        bad = (
            seq != expected_seq
            or prev_hash != prev
            or h != row_hash(prev, seq, at, actor, action, case_id, entry_id, detail)
        )
        if bad:
            return int(seq)
        prev = h
        expected_seq += 1
    return None
