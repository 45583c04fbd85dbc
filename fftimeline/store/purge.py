"""Purging a closed case: every row of it deleted, then the file rewritten (store layer).

`purge_case` runs inside the caller's transaction. It first inserts the purge authorisation
that the schema-3 triggers require (and allow only for a closed case past its retention date),
deletes the case's rows from every table and from the search index, merges the search
index so no deleted words linger in it, and removes the authorisation again before the caller
commits. ``secure_delete`` is on for every connection, so deleted content is overwritten in
the pages; `compact` then rewrites the file without free pages and empties the WAL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from fftimeline.store import ids
from fftimeline.store.connection import Connection

_CHUNK = 500

_BY_CASE: tuple[tuple[str, str], ...] = (
    ("received", "DELETE FROM received_audit WHERE case_id = ?"),
    ("handovers", "DELETE FROM handovers_received WHERE case_id = ?"),
    ("versions", "DELETE FROM entry_versions WHERE case_id = ?"),
    ("entries", "DELETE FROM entries WHERE case_id = ?"),
    ("earlier", "DELETE FROM earlier_details WHERE case_id = ?"),
    ("register", "DELETE FROM links WHERE case_id = ?"),
    ("tasks", "DELETE FROM tasks WHERE case_id = ?"),
    ("disclosures", "DELETE FROM disclosures WHERE case_id = ?"),
    ("safety_plans", "DELETE FROM safety_plans WHERE case_id = ?"),
    ("closure", "DELETE FROM case_closures WHERE case_id = ?"),
    ("case", "DELETE FROM cases WHERE id = ?"),
)
"""What is deleted, in an order the foreign keys allow, with the name its count is given."""


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _retire_ids(conn: Connection) -> None:
    """Keep the highest ids in use, so no purged id is ever given out again."""
    for table in ids.NUMBERED:
        highest = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        ids.retire(conn, table, int(highest))


def _delete_entry_rows(conn: Connection, entry_ids: Sequence[int]) -> None:
    """Search-index rows and entry links of the case's entries."""
    for chunk in _chunks(entry_ids):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM entry_fts WHERE rowid IN ({marks})", list(chunk))
        conn.execute(f"DELETE FROM entry_links WHERE entry_id IN ({marks})", list(chunk))


def _forget_drafts(conn: Connection, case_id: int) -> int:
    """Drop kept drafts about the case (drafts are JSON lists of records with a case_id)."""
    dropped = 0
    for key, payload in conn.execute("SELECT key, payload FROM drafts").fetchall():
        try:
            records = json.loads(payload)
        except ValueError:
            continue
        if not isinstance(records, list):
            continue
        kept = [r for r in records if not (isinstance(r, dict) and r.get("case_id") == case_id)]
        if len(kept) == len(records):
            continue
        dropped += len(records) - len(kept)
        if kept:
            conn.execute("UPDATE drafts SET payload = ? WHERE key = ?", (json.dumps(kept), key))
        else:
            conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
    return dropped


def case_preference_keys(conn: Connection, case_id: int) -> list[str]:
    """Preferences that belong to one case: by convention keyed ``'<name>:<case id>'``."""
    keys = [str(r[0]) for r in conn.execute("SELECT key FROM preferences")]
    return [k for k in keys if ":" in k and k.rsplit(":", 1)[1] == str(case_id)]


def purge_case(conn: Connection, case_id: int) -> dict[str, int]:
    """Delete every row of a closed case; return how many of each were deleted.

    The caller commits, then calls `compact`.
    """
    now = dt.datetime.now(dt.UTC).isoformat()
    conn.execute("INSERT INTO purge_authorisations (case_id, at) VALUES (?, ?)", (case_id, now))
    _retire_ids(conn)
    entry_ids = [
        int(r[0]) for r in conn.execute("SELECT id FROM entries WHERE case_id = ?", (case_id,))
    ]
    _delete_entry_rows(conn, entry_ids)
    counts: dict[str, int] = {}
    for name, statement in _BY_CASE:
        counts[name] = int(conn.execute(statement, (case_id,)).rowcount)
    counts["drafts"] = _forget_drafts(conn, case_id)
    for key in case_preference_keys(conn, case_id):
        conn.execute("DELETE FROM preferences WHERE key = ?", (key,))
    conn.execute("INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")
    conn.execute("DELETE FROM purge_authorisations WHERE case_id = ?", (case_id,))
    return {name: counts[name] for name in _COUNTED}


_COUNTED = (
    *("entries", "versions", "register", "tasks", "disclosures", "earlier", "drafts"),
    "safety_plans",
)
"""The counts a purge reports (and the audit log records)."""


def compact(conn: Connection) -> None:
    """Rewrite the vault without free pages, then empty the WAL into it (outside a transaction)."""
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
