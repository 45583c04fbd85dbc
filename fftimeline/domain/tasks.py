"""Tasks: agreed actions with an owner and a due date (domain layer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry, Significance
from fftimeline.domain.errors import rule_error


class TaskStatus(StrEnum):
    """Where a task has got to."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


TASK_STATUS_LABELS: Labels[TaskStatus] = Labels(
    {
        TaskStatus.OPEN: "Open",
        TaskStatus.DONE: "Done",
        TaskStatus.CANCELLED: "Cancelled",
    }
)


class TaskDraft(BaseModel):
    """An agreed action as the key person writes it.

    Attributes:
        what: what is to be done.
        owner: who owns it (every task has an owner).
        due: when it is due.
        status: open, done or cancelled.
        outcome: what came of it; required once done or cancelled.
        entry_ids: the entries it arises from.
        next_action_of: the serious-risk entry whose next action this task is (it follows
            that entry's next action, owner and due date as they are amended).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    what: str = Field(min_length=1, max_length=1000)
    owner: str = Field(min_length=1, max_length=200)
    due: dt.date | None = None
    status: TaskStatus = TaskStatus.OPEN
    outcome: str = Field(default="", max_length=5000)
    entry_ids: frozenset[int] = frozenset()
    next_action_of: int | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.status is not TaskStatus.OPEN and not self.outcome:
            raise rule_error(
                "closed_task_needs_outcome", "Say what came of the task before closing it."
            )
        return self


class Task(TaskDraft):
    """A saved task."""

    id: int
    case_id: int
    created_at: dt.datetime

    def overdue(self, on: dt.date | None = None) -> bool:
        """Whether the task is open and past its due date."""
        day = on or today()
        return self.status is TaskStatus.OPEN and self.due is not None and self.due < day


FOLLOW_UP = "Follow up: "
"""How a task suggested from an entry with no next action of its own begins."""


@dataclass(frozen=True)
class TaskSuggestion:
    """What a new task form starts with; the key worker changes it before saving."""

    what: str
    owner: str
    due: dt.date | None
    entry_ids: frozenset[int]


def suggested_task(
    entry: Entry, key_worker: str, on: dt.date, *, action_has_task: bool
) -> TaskSuggestion:
    """What a new task made from a selected entry starts with (Ctrl+T): the key worker edits it.

    The entry's next action, its owner and due date when it has one that is not a task yet;
    otherwise a follow-up of what happened, owned by the key worker. A serious risk is due
    within 24 hours.

    Args:
        entry: the selected entry.
        key_worker: the case's key worker, the owner when the entry names none.
        on: today.
        action_has_task: the entry's next action already has its task.
    """
    own = bool(entry.next_action) and not action_has_task
    due = entry.next_action_due if own else None
    if due is None and entry.significance is Significance.SERIOUS:
        due = on + dt.timedelta(days=1)
    what = entry.next_action if own else f"{FOLLOW_UP}{entry.summary}"
    owner = (entry.next_action_owner if own else "") or key_worker
    return TaskSuggestion(what[:1000], owner, due, frozenset({entry.id}))
