"""Meeting use cases: record a meeting with the tasks that follow it, in one transaction.

A meeting is an entry of kind "meeting or decision" with its structured part
(`domain.meetings`). Recording one adds the entry and creates each follow-up task as a real
task (owner, due date) linked to it, all or nothing; amending it (the team's response to a
challenge, say) adds the next version and any new tasks the same way. Reading, history and
withdrawing are the chronology's (`services.chronology`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fftimeline.domain.entries import Entry, EntryDraft
from fftimeline.domain.errors import DomainError
from fftimeline.domain.tasks import Task, TaskDraft
from fftimeline.services.chronology import ChronologyService
from fftimeline.services.tasks import TaskService
from fftimeline.store.vault import VaultStore


@dataclass(frozen=True)
class SavedMeeting:
    """A meeting entry as saved, and the tasks created with it."""

    entry: Entry
    tasks: list[Task]


def _meeting(draft: EntryDraft) -> EntryDraft:
    if draft.meeting is None:
        raise DomainError("not_a_meeting", "Fill in the meeting's details before saving it.")
    return draft


def _following(entry_id: int, tasks: Sequence[TaskDraft]) -> list[TaskDraft]:
    return [t.model_copy(update={"entry_ids": t.entry_ids | {entry_id}}) for t in tasks]


class MeetingService:
    """Meetings, their decisions and the tasks that follow them."""

    def __init__(self, store: VaultStore, entries: ChronologyService, tasks: TaskService) -> None:
        self._store = store
        self._entries = entries
        self._tasks = tasks

    def record(
        self, case_id: int, draft: EntryDraft, follow_up: Sequence[TaskDraft] = ()
    ) -> SavedMeeting:
        """Add a meeting and its follow-up tasks (linked to it) in one transaction."""
        with self._store.write():
            entry = self._entries.add(case_id, _meeting(draft))
            tasks = self._tasks.add_many(case_id, _following(entry.id, follow_up))
        return SavedMeeting(entry, tasks)

    def amend(
        self,
        entry_id: int,
        draft: EntryDraft,
        reason: str,
        follow_up: Sequence[TaskDraft] = (),
    ) -> SavedMeeting:
        """Save the meeting's next version, with a reason, and any new follow-up tasks."""
        with self._store.write():
            entry = self._entries.amend(entry_id, _meeting(draft), reason)
            tasks = self._tasks.add_many(entry.case_id, _following(entry.id, follow_up))
        return SavedMeeting(entry, tasks)

    def tasks_of(self, entry_id: int) -> list[Task]:
        """The tasks that follow a meeting (or arise from any entry)."""
        case_id = self._entries.get(entry_id).case_id
        return [t for t in self._tasks.tasks(case_id) if entry_id in t.entry_ids]
