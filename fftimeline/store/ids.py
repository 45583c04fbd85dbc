"""New row ids that are never reused, even after a purge (store layer).

Ids are ``max(id) + 1``. A purge removes a case's rows, so the highest ids it removed are kept
in ``retired_ids`` (schema version 3) and a new row always gets an id above them: the audit
log goes on naming the purged case's ids and must never come to point at someone else's rows.
"""

from __future__ import annotations

from fftimeline.store.connection import Connection

NUMBERED = ("cases", "entries", "links", "tasks", "disclosures")
"""The tables whose ids the audit log and other rows refer to."""


def next_id(conn: Connection, table: str) -> int:
    """The id the next row of ``table`` (one of `NUMBERED`) will get."""
    if table not in NUMBERED:
        raise ValueError(f"not a numbered table: {table}")
    row = conn.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
        " coalesce((SELECT max_id FROM retired_ids WHERE name = ?), 0)) + 1",
        (table,),
    ).fetchone()
    return int(row[0])


def retire(conn: Connection, table: str, highest: int) -> None:
    """Remember that ids up to ``highest`` of ``table`` were used (before a purge removes them)."""
    if table not in NUMBERED:
        raise ValueError(f"not a numbered table: {table}")
    conn.execute(
        "INSERT INTO retired_ids (name, max_id) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET max_id = max(max_id, excluded.max_id)",
        (table, highest),
    )
