"""Schema version 4: safety plans, kept version by version (store layer).

Meetings, support offered and "the parents were told" are parts of entries (see
`domain.meetings`), stored in the entry versions' JSON like every other field, so entries
saved before version 4 simply read without them. The one new table is ``safety_plans``:
one row per version of a case's safety plan, keyed by case and version.

- A version is never changed: the review that follows adds the next version.
- Versions come in order (1, 2, 3 …), so none can be slipped in between or replaced.
- A closed case's plan is read-only, and a plan is deleted only inside a purge of its
  case (the version-3 purge authorisation), like every other row of a case.
"""

from __future__ import annotations

from fftimeline.store.schema_v3 import no_delete, read_only

SCHEMA_V4: tuple[str, ...] = (
    """CREATE TABLE safety_plans (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        version INTEGER NOT NULL,
        review_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (case_id, version)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER safety_plans_no_update BEFORE UPDATE ON safety_plans
        BEGIN SELECT RAISE(ABORT, 'safety plan versions are kept as they were'); END""",
    """CREATE TRIGGER safety_plans_in_order BEFORE INSERT ON safety_plans
        WHEN NEW.version != 1 + coalesce(
            (SELECT max(version) FROM safety_plans WHERE case_id = NEW.case_id), 0)
        BEGIN SELECT RAISE(ABORT, 'a safety plan only moves on to its next version'); END""",
    *no_delete("safety_plans", "safety plans"),
    read_only("safety_plans", "INSERT", "NEW"),
)
"""Statements that bring a version-3 vault to version 4, run in order in one transaction."""
