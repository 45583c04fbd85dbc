"""Tasks of a case: agreed actions with an owner and a due date (store layer).

Stored whole as JSON with the columns the store filters and counts by (status, due). A task
is changed in place; from schema version 2 the vault keeps its earlier details, and every
change is audited by the service that makes it (`services.tasks`).
"""

from __future__ import annotations

from fftimeline.domain.dates import today
from fftimeline.domain.tasks import Task
from fftimeline.store import ids
from fftimeline.store.connection import Connection


def insert(conn: Connection, task: Task) -> None:
    """Insert a new task; its id must be new."""
    conn.execute(
        "INSERT INTO tasks (id, case_id, status, due, created_at, data) VALUES (?, ?, ?, ?, ?, ?)",
        _task_row(task),
    )


def replace(conn: Connection, task: Task) -> None:
    """Store the changed details of an existing task."""
    row = _task_row(task)
    conn.execute(
        "UPDATE tasks SET status = ?, due = ?, data = ? WHERE id = ?",
        (row[2], row[3], row[5], task.id),
    )


def _task_row(task: Task) -> tuple[object, ...]:
    due = None if task.due is None else task.due.isoformat()
    return (
        task.id,
        task.case_id,
        task.status.value,
        due,
        task.created_at.isoformat(),
        task.model_dump_json(),
    )


def next_id(conn: Connection) -> int:
    """The id the next task will get."""
    return ids.next_id(conn, "tasks")


def get(conn: Connection, task_id: int) -> Task | None:
    """One task, or None."""
    row = conn.execute("SELECT data FROM tasks WHERE id = ?", (task_id,)).fetchone()
    return None if row is None else Task.model_validate_json(row[0])


def of_case(conn: Connection, case_id: int) -> list[Task]:
    """Every task of a case: open ones by due date first, then the rest."""
    rows = conn.execute(
        "SELECT data FROM tasks WHERE case_id = ? ORDER BY status != 'open', due IS NULL, due, id",
        (case_id,),
    )
    return [Task.model_validate_json(r[0]) for r in rows]


def figures(conn: Connection) -> dict[int, tuple[int, int]]:
    """Open and overdue tasks of every case that has open ones: {case id: (open, overdue)}."""
    rows = conn.execute(
        "SELECT case_id, count(*), sum(CASE WHEN due IS NOT NULL AND due < ? THEN 1 ELSE 0 END)"
        " FROM tasks WHERE status = 'open' GROUP BY case_id",
        (today().isoformat(),),
    )
    return {int(r[0]): (int(r[1]), int(r[2] or 0)) for r in rows}
