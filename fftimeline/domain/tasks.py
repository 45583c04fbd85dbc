"""Tasks: agreed actions with an owner and a due date (domain layer)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.dates import today
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
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    what: str = Field(min_length=1, max_length=1000)
    owner: str = Field(min_length=1, max_length=200)
    due: dt.date | None = None
    status: TaskStatus = TaskStatus.OPEN
    outcome: str = Field(default="", max_length=5000)
    entry_ids: frozenset[int] = frozenset()

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
