"""Task use cases: agreed actions with an owner and a due date.

Every task has an owner; a closed task says what came of it (the domain's rules). A task may
arise from entries (a meeting's follow-up tasks link to the meeting). Each write is one
audited transaction, or joins the caller's (`MeetingService` adds a meeting and its tasks in
one). The vault keeps a task's earlier details on every change (schema version 2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fftimeline.domain.errors import NotFound
from fftimeline.domain.records import AuditAction
from fftimeline.domain.tasks import Task, TaskDraft
from fftimeline.store import audit, cases, closures
from fftimeline.store import tasks as task_rows
from fftimeline.store.connection import Connection
from fftimeline.store.earlier import Kept, earlier
from fftimeline.store.vault import VaultStore


class TaskService:
    """Agreed actions with an owner and a due date."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def tasks(self, case_id: int) -> list[Task]:
        """Every task of a case: open ones by due date first."""
        with self._store.read() as conn:
            return task_rows.of_case(conn, case_id)

    def add(self, case_id: int, draft: TaskDraft) -> Task:
        """Save a new task."""
        return self.add_many(case_id, [draft])[0]

    def add_many(self, case_id: int, drafts: Sequence[TaskDraft]) -> list[Task]:
        """Save new tasks of one case in one transaction (all or none)."""
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            closures.refuse_if_closed(conn, case_id)
            now, saved = dt.datetime.now(dt.UTC), []
            for draft in drafts:
                fields = dict(draft.__dict__)
                fields.update(id=task_rows.next_id(conn), case_id=case_id, created_at=now)
                task = Task.model_validate(fields)
                task_rows.insert(conn, task)
                self._audit(conn, task)
                saved.append(task)
        return saved

    def update(self, task_id: int, draft: TaskDraft) -> Task:
        """Save changes to a task (status, outcome, due date ...)."""
        with self._store.write() as conn:
            old = task_rows.get(conn, task_id)
            if old is None:
                raise NotFound("task")
            closures.refuse_if_closed(conn, old.case_id)
            fields = dict(draft.__dict__)
            fields.update(id=task_id, case_id=old.case_id, created_at=old.created_at)
            task = Task.model_validate(fields)
            task_rows.replace(conn, task)
            self._audit(conn, task)
        return task

    def earlier_details(self, task_id: int) -> list[Task]:
        """How a task read before each change, oldest first."""
        with self._store.read() as conn:
            return [Task.model_validate_json(j) for j in earlier(conn, Kept.TASK, task_id)]

    def _audit(self, conn: Connection, task: Task) -> None:
        event = audit.AuditEvent(AuditAction.TASK_SAVED, task.case_id, detail=f"task={task.id}")
        audit.append(conn, self._actor, [event])
