"""Cases and the case list's summary figures (store layer).

A case is stored whole as JSON. The case list needs counts for every case at once, so
``summaries`` works them out with a few grouped queries instead of loading entries.
"""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.cases import Case, CaseSummary
from fftimeline.domain.dates import today
from fftimeline.store import closures, ids
from fftimeline.store.connection import Connection


def insert(conn: Connection, case: Case) -> None:
    """Insert a case; its id must be new."""
    conn.execute(
        "INSERT INTO cases (id, created_at, data) VALUES (?, ?, ?)",
        (case.id, case.created_at.isoformat(), case.model_dump_json()),
    )


def replace(conn: Connection, case: Case) -> None:
    """Store the changed details of an existing case."""
    conn.execute("UPDATE cases SET data = ? WHERE id = ?", (case.model_dump_json(), case.id))


def next_id(conn: Connection) -> int:
    """The id the next case will get (never one a purged case had)."""
    return ids.next_id(conn, "cases")


def get(conn: Connection, case_id: int) -> Case | None:
    """One case, or None."""
    row = conn.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
    return None if row is None else Case.model_validate_json(row[0])


def exists(conn: Connection, case_id: int) -> bool:
    """Whether a case with this id exists."""
    return conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None


def all_cases(conn: Connection) -> list[Case]:
    """Every case, in id order."""
    rows = conn.execute("SELECT data FROM cases ORDER BY id")
    return [Case.model_validate_json(r[0]) for r in rows]


_DISPUTED = (
    "EXISTS (SELECT 1 FROM json_each(v.data, '$.views') AS w"
    " WHERE json_extract(w.value, '$.position') IN ('dispute', 'partly-agree'))"
    " OR json_extract(v.data, '$.family_view.position') IN ('dispute', 'partly-agree')"
)
"""An entry someone disputes in whole or in part (a version saved before views were per
person holds one family's view)."""


def _entry_figures(conn: Connection) -> dict[int, tuple[int, str | None, int]]:
    rows = conn.execute(
        "SELECT e.case_id, count(*),"
        " max(CASE WHEN v.significance = 'serious-risk' THEN v.sort_date END),"
        f" sum(CASE WHEN {_DISPUTED} THEN 1 ELSE 0 END)"
        " FROM entries AS e JOIN entry_versions AS v"
        " ON v.entry_id = e.id AND v.version = e.current_version"
        " WHERE v.retracted = 0 GROUP BY e.case_id"
    )
    return {int(r[0]): (int(r[1]), r[2], int(r[3] or 0)) for r in rows}


def _task_figures(conn: Connection) -> dict[int, tuple[int, int]]:
    rows = conn.execute(
        "SELECT case_id, count(*), sum(CASE WHEN due IS NOT NULL AND due < ? THEN 1 ELSE 0 END)"
        " FROM tasks WHERE status = 'open' GROUP BY case_id",
        (today().isoformat(),),
    )
    return {int(r[0]): (int(r[1]), int(r[2] or 0)) for r in rows}


def summaries(conn: Connection) -> list[CaseSummary]:
    """What the case list shows for every case, in id order."""
    entries = _entry_figures(conn)
    tasks = _task_figures(conn)
    closed = closures.all_closures(conn)
    out = []
    for case in all_cases(conn):
        count, serious, disputed = entries.get(case.id, (0, None, 0))
        open_tasks, overdue = tasks.get(case.id, (0, 0))
        out.append(
            CaseSummary(
                case=case,
                entry_count=count,
                open_tasks=open_tasks,
                overdue_tasks=overdue,
                last_serious=None if serious is None else dt.date.fromisoformat(serious),
                disputed=disputed,
                closure=closed.get(case.id),
            )
        )
    return out
