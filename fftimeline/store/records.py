"""Disclosures, editor drafts and preferences (store layer).

Disclosures are the permanent record of each export. Drafts keep unsaved editor text
encrypted across a lock; preferences hold small JSON values such as custom audiences.
"""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.records import Disclosure
from fftimeline.store import ids
from fftimeline.store.connection import Connection


def insert_disclosure(conn: Connection, disclosure: Disclosure) -> None:
    """Insert the record of one export (pending while its file is written, or done)."""
    conn.execute(
        "INSERT INTO disclosures (id, case_id, at, data, status) VALUES (?, ?, ?, ?, ?)",
        (
            disclosure.id,
            disclosure.case_id,
            disclosure.at.isoformat(),
            disclosure.model_dump_json(),
            disclosure.status.value,
        ),
    )


def replace_pending(conn: Connection, disclosure: Disclosure) -> bool:
    """Store the new state of a pending disclosure; False if it is no longer pending."""
    cursor = conn.execute(
        "UPDATE disclosures SET data = ?, status = ? WHERE id = ? AND status = 'pending'",
        (disclosure.model_dump_json(), disclosure.status.value, disclosure.id),
    )
    return int(cursor.rowcount) == 1


def remove_pending(conn: Connection, disclosure_id: int) -> bool:
    """Forget a pending disclosure whose file never got there; False if it is not pending."""
    cursor = conn.execute(
        "DELETE FROM disclosures WHERE id = ? AND status = 'pending'", (disclosure_id,)
    )
    return int(cursor.rowcount) == 1


def next_disclosure_id(conn: Connection) -> int:
    """The id the next disclosure will get."""
    return ids.next_id(conn, "disclosures")


def disclosures(conn: Connection, case_id: int) -> list[Disclosure]:
    """Every finished disclosure of a case, oldest first."""
    rows = conn.execute(
        "SELECT data FROM disclosures WHERE case_id = ? AND status = 'done' ORDER BY at, id",
        (case_id,),
    )
    return [Disclosure.model_validate_json(r[0]) for r in rows]


def pending_disclosures(conn: Connection) -> list[Disclosure]:
    """Every disclosure still pending (an export interrupted before it was finished)."""
    rows = conn.execute("SELECT data FROM disclosures WHERE status = 'pending' ORDER BY id")
    return [Disclosure.model_validate_json(r[0]) for r in rows]


def disclosure(conn: Connection, disclosure_id: int) -> Disclosure | None:
    """One disclosure, pending or done, or None."""
    row = conn.execute("SELECT data FROM disclosures WHERE id = ?", (disclosure_id,)).fetchone()
    return None if row is None else Disclosure.model_validate_json(row[0])


def export_folders(conn: Connection) -> list[str]:
    """Every folder an export was saved in (recorded from schema version 3)."""
    rows = conn.execute(
        "SELECT DISTINCT json_extract(data, '$.folder') FROM disclosures"
        " WHERE coalesce(json_extract(data, '$.folder'), '') != '' ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


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
