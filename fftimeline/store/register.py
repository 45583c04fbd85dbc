"""Register items (linked people, places, ...) and tasks of a case (store layer).

Both are stored whole as JSON with the few columns the store filters by. They are
changed in place; every change is audited by the service that makes it.
"""

from __future__ import annotations

from fftimeline.domain.people import Linked
from fftimeline.domain.tasks import Task
from fftimeline.store import ids
from fftimeline.store.connection import Connection


def save_link(conn: Connection, case_id: int, item: Linked) -> Linked:
    """Insert a register item (``item.id is None``) or replace it; return it with its id."""
    if item.id is None:
        new_id = ids.next_id(conn, "links")
        item = item.model_copy(update={"id": new_id})
        conn.execute(
            "INSERT INTO links (id, case_id, kind, data) VALUES (?, ?, ?, ?)",
            (item.id, case_id, item.kind.value, item.model_dump_json()),
        )
    else:
        conn.execute(
            "UPDATE links SET kind = ?, data = ? WHERE id = ? AND case_id = ?",
            (item.kind.value, item.model_dump_json(), item.id, case_id),
        )
    return item


def link_case(conn: Connection, link_id: int) -> int | None:
    """The case a register item belongs to, or None when there is no such item."""
    row = conn.execute("SELECT case_id FROM links WHERE id = ?", (link_id,)).fetchone()
    return None if row is None else int(row[0])


def links(conn: Connection, case_id: int) -> list[Linked]:
    """Every register item of a case, in id order."""
    rows = conn.execute("SELECT data FROM links WHERE case_id = ? ORDER BY id", (case_id,))
    return [Linked.model_validate_json(r[0]) for r in rows]


def links_by_id(conn: Connection, case_id: int) -> dict[int, Linked]:
    """A case's register items keyed by id (for search text and link checks)."""
    return {item.id: item for item in links(conn, case_id) if item.id is not None}


def insert_task(conn: Connection, task: Task) -> None:
    """Insert a new task; its id must be new."""
    conn.execute(
        "INSERT INTO tasks (id, case_id, status, due, created_at, data) VALUES (?, ?, ?, ?, ?, ?)",
        _task_row(task),
    )


def replace_task(conn: Connection, task: Task) -> None:
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


def next_task_id(conn: Connection) -> int:
    """The id the next task will get."""
    return ids.next_id(conn, "tasks")


def task(conn: Connection, task_id: int) -> Task | None:
    """One task, or None."""
    row = conn.execute("SELECT data FROM tasks WHERE id = ?", (task_id,)).fetchone()
    return None if row is None else Task.model_validate_json(row[0])


def tasks(conn: Connection, case_id: int) -> list[Task]:
    """Every task of a case: open ones by due date first, then the rest."""
    rows = conn.execute(
        "SELECT data FROM tasks WHERE case_id = ? ORDER BY status != 'open', due IS NULL, due, id",
        (case_id,),
    )
    return [Task.model_validate_json(r[0]) for r in rows]
