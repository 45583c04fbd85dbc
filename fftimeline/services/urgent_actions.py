"""A serious risk's next action is a real task (services layer, inside the entry's transaction).

Significant risk is acted on urgently, and an action is only real when someone owns it by a
date. So when an entry of serious risk is saved with a next action, its owner and due date
(by default within 24 hours), the task panel gets a task for it, linked to the entry and
counted as overdue like any other. Amending the entry's next action, owner or due date
changes its open task; once that task is done or cancelled, a changed next action is a new
task. "Why no action" stays the alternative and makes no task. Tasks are never deleted:
an entry that stops being serious keeps its task until the key worker closes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fftimeline.domain.entries import Entry, Significance
from fftimeline.domain.records import AuditAction
from fftimeline.domain.tasks import Task, TaskStatus
from fftimeline.store import audit, register
from fftimeline.store.connection import Connection

_WHAT = 1000
"""The longest task description; a longer next action is shortened for the task panel."""


def _what(entry: Entry) -> str:
    text = entry.next_action
    return text if len(text) <= _WHAT else text[: _WHAT - 1].rstrip() + "…"


def _needs_task(entry: Entry) -> bool:
    serious = entry.significance is Significance.SERIOUS
    return serious and bool(entry.next_action) and not entry.retracted


def _same(task: Task, entry: Entry) -> bool:
    return (task.what, task.owner, task.due) == (
        _what(entry),
        entry.next_action_owner,
        entry.next_action_due,
    )


def sync_action_tasks(conn: Connection, entries: Sequence[Entry], actor: str) -> list[Task]:
    """Make or update the task of each serious-risk entry's next action; the tasks saved.

    Runs inside the caller's write transaction, with an audit row per task saved.
    """
    urgent = [e for e in entries if _needs_task(e)]
    if not urgent:
        return []
    by_case: dict[int, list[Task]] = {}
    saved: list[Task] = []
    for entry in urgent:
        tasks = by_case.get(entry.case_id)
        if tasks is None:
            tasks = by_case[entry.case_id] = register.tasks(conn, entry.case_id)
        theirs = [t for t in tasks if t.next_action_of == entry.id]
        latest = max(theirs, key=lambda t: t.id, default=None)
        if latest is not None and _same(latest, entry):
            continue
        if latest is not None and latest.status is TaskStatus.OPEN:
            task = _updated(latest, entry)
            register.replace_task(conn, task)
        else:
            task = _new(conn, entry)
            register.insert_task(conn, task)
            tasks.append(task)
        event = audit.AuditEvent(AuditAction.TASK_SAVED, task.case_id, detail=f"task={task.id}")
        audit.append(conn, actor, [event])
        saved.append(task)
    return saved


def _new(conn: Connection, entry: Entry) -> Task:
    return Task(
        id=register.next_task_id(conn),
        case_id=entry.case_id,
        created_at=dt.datetime.now(dt.UTC),
        what=_what(entry),
        owner=entry.next_action_owner,
        due=entry.next_action_due,
        entry_ids=frozenset({entry.id}),
        next_action_of=entry.id,
    )


def _updated(task: Task, entry: Entry) -> Task:
    return task.model_copy(
        update={
            "what": _what(entry),
            "owner": entry.next_action_owner,
            "due": entry.next_action_due,
            "entry_ids": task.entry_ids | {entry.id},
        }
    )
