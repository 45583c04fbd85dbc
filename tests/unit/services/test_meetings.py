"""Recording meetings with their follow-up tasks, and keeping the parents updated (services)."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.entries import Kind
from fftimeline.domain.errors import DomainError
from fftimeline.domain.meetings import Challenge, Decision
from fftimeline.domain.records import AuditAction
from fftimeline.domain.tasks import TaskDraft
from fftimeline.services.vault import OpenVault
from tests.factories import (
    make_case,
    make_entry,
    make_meeting,
    make_meeting_entry,
    make_task,
)


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    return vault.cases.add(make_case()).id


def test_a_meeting_and_its_tasks_are_saved_together_and_linked(
    vault: OpenVault, case_id: int
) -> None:
    discussed = vault.entries.add(case_id, make_entry())
    saved = vault.meetings.record(
        case_id,
        make_meeting_entry(discussed=frozenset({discussed.id})),
        [make_task(what="Ask the aunt about weekends"), make_task(what="Safety plan", owner="Sam")],
    )
    assert saved.entry.meeting is not None and saved.entry.meeting.discussed == {discussed.id}
    assert [(t.what, t.entry_ids) for t in saved.tasks] == [
        ("Ask the aunt about weekends", frozenset({saved.entry.id})),
        ("Safety plan", frozenset({saved.entry.id})),
    ]
    assert [t.what for t in vault.meetings.tasks_of(saved.entry.id)] == [
        "Ask the aunt about weekends",
        "Safety plan",
    ]
    assert [e.id for e in vault.entries.entries(case_id)] == [saved.entry.id, discussed.id]
    actions = [r.action for r in vault.audit.records(case_id)]
    assert actions.count(AuditAction.TASK_SAVED) == 2


def test_a_meeting_whose_tasks_fail_leaves_nothing_behind(
    vault: OpenVault, case_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(case: int, drafts: object) -> None:
        raise DomainError("disk_full", "The disk is full. Nothing was saved.")

    monkeypatch.setattr(vault.tasks, "add_many", refuse)
    with pytest.raises(DomainError):
        vault.meetings.record(case_id, make_meeting_entry(), [make_task()])
    assert vault.entries.entries(case_id) == []
    assert vault.cases.summaries()[0].entry_count == 0


def test_a_meeting_discusses_only_entries_of_its_own_case(vault: OpenVault, case_id: int) -> None:
    other = vault.cases.add(make_case(child_name="Mia Stone"))
    elsewhere = vault.entries.add(other.id, make_entry())
    with pytest.raises(DomainError) as caught:
        vault.meetings.record(case_id, make_meeting_entry(discussed=frozenset({elsewhere.id})))
    assert caught.value.code == "unknown_discussed_entry"
    saved = vault.meetings.record(case_id, make_meeting_entry()).entry
    itself = make_meeting_entry(discussed=frozenset({saved.id}))
    with pytest.raises(DomainError):
        vault.meetings.amend(saved.id, itself, "Linked to itself")
    assert vault.entries.get(saved.id).version == 1


def test_the_teams_response_to_a_challenge_is_a_new_version_keeping_the_first(
    vault: OpenVault, case_id: int
) -> None:
    open_challenge = Challenge(by="Grace Okafor", on=dt.date(2024, 5, 4), words="Home please.")
    first = make_meeting_entry(
        meeting=make_meeting(decisions=(Decision(text="Weekends away", challenge=open_challenge),))
    )
    saved = vault.meetings.record(case_id, first).entry
    assert saved.meeting is not None and saved.meeting.unanswered == 1
    answered = open_challenge.model_copy(
        update={"response": "We will look again in June", "response_on": dt.date(2024, 5, 9)}
    )
    second = first.model_copy(
        update={
            "meeting": make_meeting(decisions=(Decision(text="Weekends away", challenge=answered),))
        }
    )
    amended = vault.meetings.amend(
        saved.id, second, "The team responded", [TaskDraft(what="Review in June", owner="Sam")]
    )
    assert amended.entry.version == 2 and amended.entry.meeting is not None
    assert amended.entry.meeting.unanswered == 0
    history = vault.entries.history(saved.id)
    assert [h.meeting.unanswered for h in history if h.meeting] == [1, 0]
    assert [t.what for t in vault.meetings.tasks_of(saved.id)] == ["Review in June"]
    assert vault.entries.search("look again", case_id=case_id) == [saved.id]


def test_a_meeting_needs_its_details(vault: OpenVault, case_id: int) -> None:
    with pytest.raises(DomainError) as caught:
        vault.meetings.record(case_id, make_entry(kind=Kind.MEETING))
    assert caught.value.code == "not_a_meeting"


def test_parents_last_updated_follows_the_latest_entry_that_told_them(
    vault: OpenVault, case_id: int
) -> None:
    assert vault.cases.summaries()[0].parents_last_told is None
    day = today() - dt.timedelta(days=20)
    told = make_entry(kind=Kind.FAMILY_CONTACT, event_date=EventDate.exact(day), parents_told=True)
    vault.entries.add(case_id, told)
    later = vault.entries.add(
        case_id,
        make_entry(
            kind=Kind.FAMILY_CONTACT, event_date=EventDate.exact(day + dt.timedelta(days=5))
        ),
    )
    vault.meetings.record(case_id, make_meeting_entry(parents_told=True))  # May 2024: older
    summary = vault.cases.summaries()[0]
    assert summary.parents_last_told == day
    assert summary.parents_days() == 20
    assert not summary.parents_update_due()  # no interval set: never flagged
    vault.entries.amend(later.id, later.draft().model_copy(update={"parents_told": True}), "Told")
    assert vault.cases.summaries()[0].parents_last_told == day + dt.timedelta(days=5)
    vault.entries.retract(later.id, "Wrong family")
    assert vault.cases.summaries()[0].parents_last_told == day


def test_the_key_worker_sets_after_how_long_an_update_is_flagged(
    vault: OpenVault, case_id: int
) -> None:
    case = vault.cases.get(case_id)
    vault.cases.update(case_id, case.model_copy(update={"parents_update_days": 14}))
    day = today() - dt.timedelta(days=15)
    vault.entries.add(
        case_id,
        make_entry(kind=Kind.FAMILY_CONTACT, event_date=EventDate.exact(day), parents_told=True),
    )
    summary = vault.cases.summaries()[0]
    assert summary.parents_update_due()
    assert not summary.parents_update_due(on=day + dt.timedelta(days=14))
    never = vault.cases.add(make_case(child_name="New Child", parents_update_days=14))
    [fresh] = [s for s in vault.cases.summaries() if s.case.id == never.id]
    assert not fresh.parents_update_due()  # opened today: the interval has not passed
    assert fresh.parents_update_due(on=today() + dt.timedelta(days=15))
