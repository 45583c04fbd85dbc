"""Disclosures, editor drafts and preferences (store layer).

Disclosures are the permanent record of each export. Drafts keep unsaved editor text
encrypted across a lock; preferences hold small JSON values such as custom audiences.
"""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.records import Disclosure
from fftimeline.store.connection import Connection


def insert_disclosure(conn: Connection, disclosure: Disclosure) -> None:
    """Insert the record of one export."""
    conn.execute(
        "INSERT INTO disclosures (id, case_id, at, data) VALUES (?, ?, ?, ?)",
        (
            disclosure.id,
            disclosure.case_id,
            disclosure.at.isoformat(),
            disclosure.model_dump_json(),
        ),
    )


def next_disclosure_id(conn: Connection) -> int:
    """The id the next disclosure will get."""
    row = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM disclosures").fetchone()
    return int(row[0])


def disclosures(conn: Connection, case_id: int) -> list[Disclosure]:
    """Every disclosure of a case, oldest first."""
    rows = conn.execute(
        "SELECT data FROM disclosures WHERE case_id = ? ORDER BY at, id", (case_id,)
    )
    return [Disclosure.model_validate_json(r[0]) for r in rows]


def save_draft(conn: Connection, key: str, payload: str) -> None:
    """Keep (or replace) the draft under ``key``."""
    conn.execute(
        "INSERT INTO drafts (key, saved_at, payload) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET saved_at = excluded.saved_at,"
        " payload = excluded.payload",
        (key, dt.datetime.now(dt.UTC).isoformat(), payload),
    )


def load_draft(conn: Connection, key: str) -> str | None:
    """The draft under ``key``, or None."""
    row = conn.execute("SELECT payload FROM drafts WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def discard_draft(conn: Connection, key: str) -> None:
    """Forget the draft under ``key`` (secure_delete zeroes its old bytes)."""
    conn.execute("DELETE FROM drafts WHERE key = ?", (key,))


def get_preference(conn: Connection, key: str) -> str | None:
    """The preference under ``key``, or None."""
    row = conn.execute("SELECT value FROM preferences WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_preference(conn: Connection, key: str, value: str) -> None:
    """Set the preference under ``key``."""
    conn.execute(
        "INSERT INTO preferences (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
