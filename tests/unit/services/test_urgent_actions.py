"""A serious risk's next action is a real task, with owner and due date, on a real vault."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.entries import Significance
from fftimeline.domain.tasks import TaskDraft, TaskStatus
from fftimeline.services.vault import OpenVault, open_vault
from tests.factories import make_case, make_entry, passphrase

SERIOUS = {
    "significance": Significance.SERIOUS,
    "next_action": "Strategy meeting and return home interview",
    "next_action_owner": "Anna Kowalski",
}


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    return vault.cases.add(make_case()).id


def test_a_serious_risks_next_action_is_a_task_due_within_24_hours(
    vault: OpenVault, case_id: int
) -> None:
    entry = vault.entries.add(case_id, make_entry(**SERIOUS))
    assert entry.next_action_due == dt.date.today() + dt.timedelta(days=1)
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        [task] = again.tasks.tasks(case_id)
    finally:
        again.close()
    assert task.what == "Strategy meeting and return home interview"
    assert task.owner == "Anna Kowalski"
    assert task.due == dt.date.today() + dt.timedelta(days=1)
    assert task.entry_ids == {entry.id}
    assert task.next_action_of == entry.id
    assert task.status is TaskStatus.OPEN


def test_a_past_due_action_counts_as_overdue_in_the_case_list(
    vault: OpenVault, case_id: int
) -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    vault.entries.add(case_id, make_entry(**SERIOUS, next_action_due=yesterday))
    [summary] = vault.cases.summaries()
    assert (summary.open_tasks, summary.overdue_tasks) == (1, 1)


def test_why_no_action_stays_the_alternative_and_makes_no_task(
    vault: OpenVault, case_id: int
) -> None:
    vault.entries.add(
        case_id,
        make_entry(significance=Significance.SERIOUS, no_action_reason="Covered by the plan"),
    )
    vault.entries.add(case_id, make_entry(next_action="Ring school", next_action_owner="SK"))
    assert vault.tasks.tasks(case_id) == []


def test_amending_the_action_changes_its_open_task_not_a_second_one(
    vault: OpenVault, case_id: int
) -> None:
    entry = vault.entries.add(case_id, make_entry(**SERIOUS))
    due = dt.date.today() + dt.timedelta(days=3)
    changed = entry.draft().model_copy(
        update={"next_action_owner": "Sam Okoro", "next_action_due": due}
    )
    vault.entries.amend(entry.id, changed, "Sam is covering this week")
    [task] = vault.tasks.tasks(case_id)
    assert (task.owner, task.due) == ("Sam Okoro", due)


def test_once_the_task_is_done_a_new_action_is_a_new_task(vault: OpenVault, case_id: int) -> None:
    entry = vault.entries.add(case_id, make_entry(**SERIOUS))
    [task] = vault.tasks.tasks(case_id)
    fields = task.model_dump(include=set(TaskDraft.model_fields))
    fields.update(status=TaskStatus.DONE, outcome="Meeting held")
    vault.tasks.update(task.id, TaskDraft.model_validate(fields))
    again = entry.draft().model_copy(update={"next_action": "Second strategy meeting"})
    vault.entries.amend(entry.id, again, "Risk went on")
    tasks = sorted(vault.tasks.tasks(case_id), key=lambda t: t.id)
    assert [(t.what, t.status) for t in tasks] == [
        ("Strategy meeting and return home interview", TaskStatus.DONE),
        ("Second strategy meeting", TaskStatus.OPEN),
    ]
