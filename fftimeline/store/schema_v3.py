"""Schema version 3: closing cases, purging them, recorded exports and hand-overs (store layer).

Versions 1 and 2 refuse every delete, so nothing could ever be purged, which data protection
law does not allow forever. Version 3 keeps every delete refused *except* inside a purge:

- A case can be closed (``case_closures``: when, by whom, why, kept until when). Triggers make
  a closed case read-only: no new or changed entries, register items, tasks or case details.
- A purge first inserts a row into ``purge_authorisations``; a trigger allows that only for a
  closed case whose retention date has come. Every no-delete trigger now lets a row go only
  while its case has such a row, and the purge deletes the authorisation again before it
  commits, so outside that one transaction every delete is refused as before.
- ``retired_ids`` keeps the highest id of each kind a purge removed, so ids are never reused
  (the audit log keeps referring to the purged case's ids, and must never point at new rows).
- ``disclosures.status``: an export is recorded as ``pending`` before its file is written and
  marked ``done`` after the file is in place (`services.disclosure_log`); only a pending record
  may change, or be removed when its file never got there.
- ``handovers_received`` and ``received_audit``: a case taken over from another key worker's
  vault, and that vault's audit trail of the case as it was.
"""

from __future__ import annotations

CLOSED_MESSAGE = "this case is closed"
"""The text of the error a closed case's triggers raise."""

_AUTHORISED = "EXISTS (SELECT 1 FROM purge_authorisations AS p WHERE p.case_id = OLD.{column})"
_CLOSED = "EXISTS (SELECT 1 FROM case_closures AS c WHERE c.case_id = {row}.{column})"


def no_delete(table: str, what: str, column: str = "case_id", extra: str = "") -> tuple[str, ...]:
    """Replace a table's no-delete trigger with one that lets a purge through."""
    when = f"NOT {_AUTHORISED.format(column=column)}{extra}"
    return (
        f"DROP TRIGGER IF EXISTS {table}_no_delete",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        WHEN {when}
        BEGIN SELECT RAISE(ABORT, '{what} are kept, never deleted'); END""",
    )


def read_only(table: str, event: str, row: str, column: str = "case_id") -> str:
    """A trigger refusing ``event`` on ``table`` for a closed case."""
    name = f"{table}_closed_{event.lower()}"
    return f"""CREATE TRIGGER {name} BEFORE {event} ON {table}
        WHEN {_CLOSED.format(row=row, column=column)}
        BEGIN SELECT RAISE(ABORT, '{CLOSED_MESSAGE}'); END"""


_TABLES: tuple[str, ...] = (
    """CREATE TABLE case_closures (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        reason TEXT NOT NULL,
        retain_until TEXT NOT NULL
    )""",
    """CREATE TABLE purge_authorisations (
        case_id INTEGER PRIMARY KEY,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE retired_ids (
        name TEXT PRIMARY KEY,
        max_id INTEGER NOT NULL
    )""",
    """CREATE TABLE handovers_received (
        id INTEGER PRIMARY KEY,
        handover_id TEXT NOT NULL UNIQUE,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE received_audit (
        handover INTEGER NOT NULL REFERENCES handovers_received(id),
        case_id INTEGER NOT NULL,
        origin TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entry_id INTEGER,
        detail TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX received_audit_by_case ON received_audit(case_id)",
    "ALTER TABLE disclosures ADD COLUMN status TEXT NOT NULL DEFAULT 'done'",
    "CREATE INDEX disclosures_by_status ON disclosures(status)",
)

_GUARDS: tuple[str, ...] = (
    """CREATE TRIGGER purge_needs_closed_case BEFORE INSERT ON purge_authorisations
        WHEN NOT EXISTS (SELECT 1 FROM case_closures AS c WHERE c.case_id = NEW.case_id
            AND c.retain_until <= date('now', 'localtime'))
        BEGIN SELECT RAISE(ABORT, 'only a closed case past its retention date can be purged');
        END""",
    """CREATE TRIGGER case_closures_no_update BEFORE UPDATE ON case_closures
        BEGIN SELECT RAISE(ABORT, 'a closure is kept as it was'); END""",
    """CREATE TRIGGER received_audit_no_update BEFORE UPDATE ON received_audit
        BEGIN SELECT RAISE(ABORT, 'the received history is kept as it was'); END""",
    """CREATE TRIGGER handovers_received_no_update BEFORE UPDATE ON handovers_received
        BEGIN SELECT RAISE(ABORT, 'a received hand-over is kept as it was'); END""",
    """CREATE TRIGGER retired_ids_only_grow BEFORE UPDATE ON retired_ids
        WHEN NEW.max_id < OLD.max_id OR NEW.name IS NOT OLD.name
        BEGIN SELECT RAISE(ABORT, 'retired ids only grow'); END""",
    """CREATE TRIGGER retired_ids_no_delete BEFORE DELETE ON retired_ids
        BEGIN SELECT RAISE(ABORT, 'retired ids are kept'); END""",
    """CREATE TRIGGER disclosures_kept BEFORE UPDATE ON disclosures
        WHEN OLD.status != 'pending' OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
        BEGIN SELECT RAISE(ABORT, 'disclosures are kept as they were'); END""",
    *no_delete("cases", "cases", column="id"),
    *no_delete("entries", "entries"),
    *no_delete("entry_versions", "entry versions"),
    *no_delete("links", "people, places and vehicles"),
    *no_delete("tasks", "tasks"),
    *no_delete("earlier_details", "earlier details"),
    *no_delete("disclosures", "disclosures", extra=" AND OLD.status != 'pending'"),
    *no_delete("case_closures", "closures"),
    *no_delete("handovers_received", "received hand-overs"),
    *no_delete("received_audit", "received histories"),
    read_only("entries", "INSERT", "NEW"),
    read_only("entries", "UPDATE", "OLD"),
    read_only("entry_versions", "INSERT", "NEW"),
    read_only("links", "INSERT", "NEW"),
    read_only("links", "UPDATE", "OLD"),
    read_only("tasks", "INSERT", "NEW"),
    read_only("tasks", "UPDATE", "OLD"),
    read_only("cases", "UPDATE", "OLD", column="id"),
)

SCHEMA_V3: tuple[str, ...] = (*_TABLES, *_GUARDS)
"""Statements that bring a version-2 vault to version 3, run in order in one transaction."""
