"""Safety plan versions of a case (store layer, schema version 4).

Each version is one row of ``safety_plans`` keyed by case and version, with the review date
the case list counts by and the whole `SafetyPlan` as JSON. Versions are only ever added,
in order; the schema's triggers refuse anything else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fftimeline.domain.safety_plans import SafetyPlan
from fftimeline.store.connection import Connection

INSERT = (
    "INSERT INTO safety_plans (case_id, version, review_on, recorded_at, data)"
    " VALUES (?, ?, ?, ?, ?)"
)


def row(plan: SafetyPlan) -> tuple[object, ...]:
    """The ``safety_plans`` row of one version."""
    return (
        plan.case_id,
        plan.version,
        plan.review_on.isoformat(),
        plan.recorded_at.isoformat(),
        plan.model_dump_json(),
    )


def insert(conn: Connection, plans: Sequence[SafetyPlan]) -> None:
    """Add versions (each the next of its case's plan)."""
    conn.executemany(INSERT, [row(p) for p in plans])


def versions(conn: Connection, case_id: int) -> list[SafetyPlan]:
    """Every version of a case's plan, oldest first ([] when it has none)."""
    rows = conn.execute(
        "SELECT data FROM safety_plans WHERE case_id = ? ORDER BY version", (case_id,)
    )
    return [SafetyPlan.model_validate_json(r[0]) for r in rows]


def current(conn: Connection, case_id: int) -> SafetyPlan | None:
    """The latest version of a case's plan, or None."""
    found = conn.execute(
        "SELECT data FROM safety_plans WHERE case_id = ? ORDER BY version DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return None if found is None else SafetyPlan.model_validate_json(found[0])


def review_dates(conn: Connection) -> dict[int, dt.date]:
    """When each case's current plan is to be reviewed: {case id: review date}."""
    rows = conn.execute(
        "SELECT p.case_id, p.review_on FROM safety_plans AS p"
        " WHERE p.version = (SELECT max(version) FROM safety_plans WHERE case_id = p.case_id)"
    )
    return {int(r[0]): dt.date.fromisoformat(str(r[1])) for r in rows}
