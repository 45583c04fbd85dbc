"""Closed cases: recording a closure and refusing changes to a closed case (store layer).

The schema's triggers also refuse changes to a closed case; `refuse_if_closed` says so first
in plain words, before a write is tried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fftimeline.domain.closing import CaseClosed, CaseClosure
from fftimeline.store.connection import Connection

_COLUMNS = "case_id, closed_at, closed_by, reason, retain_until"


def insert(conn: Connection, closure: CaseClosure) -> None:
    """Record that a case is closed (once: a closure is never changed)."""
    conn.execute(
        f"INSERT INTO case_closures ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
        (
            closure.case_id,
            closure.closed_at.isoformat(),
            closure.closed_by,
            closure.reason,
            closure.retain_until.isoformat(),
        ),
    )


def _closure(row: Sequence[object]) -> CaseClosure:
    return CaseClosure(
        case_id=int(str(row[0])),
        closed_at=dt.datetime.fromisoformat(str(row[1])),
        closed_by=str(row[2]),
        reason=str(row[3]),
        retain_until=dt.date.fromisoformat(str(row[4])),
    )


def closure(conn: Connection, case_id: int) -> CaseClosure | None:
    """The closure of a case, or None while it is open."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM case_closures WHERE case_id = ?", (case_id,)
    ).fetchone()
    return None if row is None else _closure(row)


def all_closures(conn: Connection) -> dict[int, CaseClosure]:
    """Every closed case's closure, by case id."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM case_closures")
    return {c.case_id: c for c in (_closure(r) for r in rows)}


def refuse_if_closed(conn: Connection, case_id: int) -> None:
    """Raise CaseClosed when the case is closed (it is read-only)."""
    if conn.execute("SELECT 1 FROM case_closures WHERE case_id = ?", (case_id,)).fetchone():
        raise CaseClosed()
