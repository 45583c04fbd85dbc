"""One case's rows, read whole for a hand-over and added whole when one is received (store).

`read_case` reads every row that belongs to a case, as the vault keeps them, in the layout of
`handover_file.TABLES`. The ``insert_*`` functions add a received case's rows, already given
new ids by the service, inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked
from fftimeline.store import entries as entry_rows
from fftimeline.store.connection import Connection
from fftimeline.store.handover_file import TABLES, Row, Rows
from fftimeline.store.purge import case_preference_keys

_BY_CASE: dict[str, str] = {
    "cases": "WHERE id = ? ORDER BY id",
    "entries": "WHERE case_id = ? ORDER BY id",
    "entry_versions": "WHERE case_id = ? ORDER BY entry_id, version",
    "links": "WHERE case_id = ? ORDER BY id",
    "tasks": "WHERE case_id = ? ORDER BY id",
    "earlier_details": "WHERE case_id = ? ORDER BY id",
    "disclosures": "WHERE case_id = ? AND status = 'done' ORDER BY id",
    "safety_plans": "WHERE case_id = ? ORDER BY version",
}


def _select(conn: Connection, table: str, where: str, params: Sequence[object]) -> list[Row]:
    columns = ", ".join(TABLES[table])
    return [tuple(r) for r in conn.execute(f"SELECT {columns} FROM {table} {where}", params)]


def _audit(conn: Connection, case_id: int) -> list[Row]:
    """The case's own audit rows, then the history it brought from earlier hand-overs."""
    own = conn.execute(
        "SELECT '', seq, at, actor, action, case_id, entry_id, detail, hash FROM audit"
        " WHERE case_id = ? ORDER BY seq",
        (case_id,),
    ).fetchall()
    received = conn.execute(
        "SELECT origin, seq, at, actor, action, case_id, entry_id, detail, hash"
        " FROM received_audit WHERE case_id = ? ORDER BY rowid",
        (case_id,),
    ).fetchall()
    return [tuple(r) for r in (*received, *own)]


def read_case(conn: Connection, case_id: int) -> Rows:
    """Every row of one case, table by table (only finished disclosures)."""
    rows: Rows = {t: _select(conn, t, where, (case_id,)) for t, where in _BY_CASE.items()}
    rows["entry_links"] = [
        tuple(r)
        for r in conn.execute(
            "SELECT l.entry_id, l.link_id FROM entry_links AS l JOIN entries AS e"
            " ON e.id = l.entry_id WHERE e.case_id = ? ORDER BY l.entry_id, l.link_id",
            (case_id,),
        )
    ]
    rows["audit"] = _audit(conn, case_id)
    keys = case_preference_keys(conn, case_id)
    rows["preferences"] = [
        tuple(r)
        for key in keys
        for r in conn.execute("SELECT key, value FROM preferences WHERE key = ?", (key,))
    ]
    return {t: rows[t] for t in TABLES}


def insert_entries(conn: Connection, versions: Sequence[Entry]) -> list[Entry]:
    """Add received entries with every version; return the current version of each."""
    current: dict[int, Entry] = {}
    for entry in versions:
        if entry.id not in current or entry.version > current[entry.id].version:
            current[entry.id] = entry
    conn.executemany(
        "INSERT INTO entries (id, case_id, current_version) VALUES (?, ?, ?)",
        [(e.id, e.case_id, e.version) for e in current.values()],
    )
    conn.executemany(entry_rows.INSERT_VERSION, [entry_rows.version_row(e) for e in versions])
    conn.executemany(
        "INSERT INTO entry_links (entry_id, link_id) VALUES (?, ?)",
        [(e.id, link) for e in current.values() for link in sorted(e.link_ids)],
    )
    return list(current.values())


def insert_links(conn: Connection, case_id: int, items: Sequence[Linked]) -> None:
    """Add received register items, with the ids already given to them."""
    conn.executemany(
        "INSERT INTO links (id, case_id, kind, data) VALUES (?, ?, ?, ?)",
        [(i.id, case_id, i.kind.value, i.model_dump_json()) for i in items],
    )


def insert_earlier(conn: Connection, rows: Sequence[tuple[str, int, int, str, str]]) -> None:
    """Add received earlier details: (kind, row id, case id, replaced at, JSON) each."""
    conn.executemany(
        "INSERT INTO earlier_details (kind, row_id, case_id, replaced_at, data)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def insert_handover(
    conn: Connection, handover_id: str, case_id: int, received_by: str, data: str
) -> int:
    """Record that a case came in a hand-over; return the record's id."""
    cursor = conn.execute(
        "INSERT INTO handovers_received (handover_id, case_id, received_at, received_by, data)"
        " VALUES (?, ?, ?, ?, ?)",
        (handover_id, case_id, dt.datetime.now(dt.UTC).isoformat(), received_by, data),
    )
    return int(cursor.lastrowid)


def handover_case(conn: Connection, handover_id: str) -> int | None:
    """The case a hand-over was imported as, or None if it has not been imported here."""
    row = conn.execute(
        "SELECT case_id FROM handovers_received WHERE handover_id = ?", (handover_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def insert_received_audit(
    conn: Connection, handover: int, case_id: int, rows: Sequence[Row]
) -> None:
    """Keep the sending vault's audit trail of the case.

    Each row is (origin, seq, at, actor, action, entry id, detail, hash).
    """
    conn.executemany(
        "INSERT INTO received_audit (handover, case_id, origin, seq, at, actor, action,"
        " entry_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(handover, case_id, *row) for row in rows],
    )
