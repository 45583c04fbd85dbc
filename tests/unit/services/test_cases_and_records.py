"""Cases, register, tasks, disclosures, drafts and preferences on a real vault."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Significance
from fftimeline.domain.errors import NotFound
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.records import AuditAction, DisclosureDraft
from fftimeline.domain.tasks import TaskStatus
from fftimeline.services.vault import OpenVault, open_vault
from tests.factories import make_case, make_entry, make_person, make_task, passphrase


def test_case_list_shows_counts_tasks_and_last_serious_risk(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    empty = vault.cases.add(make_case(child_name="Ava Smith", known_as=""))
    serious = {  # no next action: a serious risk's next action would be a task of its own
        "significance": Significance.SERIOUS,
        "no_action_reason": "Already covered by the safety plan",
    }
    vault.entries.add(
        case.id, make_entry(event_date=EventDate.exact(dt.date(2024, 2, 1)), **serious)
    )
    vault.entries.add(
        case.id, make_entry(event_date=EventDate.exact(dt.date(2024, 5, 1)), **serious)
    )
    late = vault.entries.add(
        case.id, make_entry(event_date=EventDate.exact(dt.date(2024, 9, 1)), **serious)
    )
    vault.entries.add(case.id, make_entry())
    vault.entries.retract(late.id, "Duplicate")
    vault.tasks.add(case.id, make_task(due=dt.date(2020, 1, 1)))
    vault.tasks.add(case.id, make_task(due=None))
    vault.tasks.add(case.id, make_task(status=TaskStatus.DONE, outcome="Done"))
    rows = {s.case.id: s for s in vault.cases.summaries()}
    assert rows[case.id].entry_count == 3
    assert rows[case.id].open_tasks == 2
    assert rows[case.id].overdue_tasks == 1
    assert rows[case.id].last_serious == dt.date(2024, 5, 1)
    assert (rows[empty.id].entry_count, rows[empty.id].last_serious) == (0, None)


def test_case_details_change_and_persist(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    changed = vault.cases.update(case.id, make_case(known_as="Jay"))
    assert changed.created_at == case.created_at
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        assert again.cases.get(case.id).known_as == "Jay"
        with pytest.raises(NotFound):
            again.cases.get(42)
        with pytest.raises(NotFound):
            again.cases.update(42, make_case())
    finally:
        again.close()


def test_register_insert_and_update(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    person = vault.links.save(case.id, make_person())
    car = vault.links.save(case.id, Linked(kind=LinkKind.VEHICLE, name="AB12 CDE"))
    assert person.id is not None and car.id is not None and person.id != car.id
    vault.links.save(case.id, person.model_copy(update={"role": "an older male"}))
    assert [i.role for i in vault.links.items(case.id)] == ["an older male", ""]
    other = vault.cases.add(make_case(child_name="Other"))
    with pytest.raises(NotFound):
        vault.links.save(other.id, person)


def test_tasks_add_update_and_order(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    later = vault.tasks.add(case.id, make_task(what="Later", due=dt.date(2025, 6, 1)))
    sooner = vault.tasks.add(case.id, make_task(what="Sooner", due=dt.date(2025, 1, 1)))
    done = vault.tasks.update(
        later.id, make_task(what="Later", status=TaskStatus.DONE, outcome="Held")
    )
    assert done.status is TaskStatus.DONE and done.created_at == later.created_at
    assert [t.what for t in vault.tasks.tasks(case.id)] == ["Sooner", "Later"]
    assert sooner.overdue(dt.date(2025, 2, 1))
    with pytest.raises(NotFound):
        vault.tasks.update(999, make_task())


def test_disclosure_is_recorded_and_audited(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    e = vault.entries.add(case.id, make_entry())
    d = vault.disclosures.record(
        case.id,
        DisclosureDraft(audience="strategy-meeting", recipients="Chair", purpose="Meeting"),
        entry_ids=[e.id],
        file_name="chronology-export-2025-03-20-ab12.xlsx",
        sha256="ab" * 32,
        protected=True,
    )
    assert d.by == "Sam Key" and d.entry_ids == (e.id,)
    assert vault.disclosures.disclosures(case.id) == [d]
    last = vault.audit.records(case.id)[-1]
    assert last.action is AuditAction.EXPORTED
    assert "Chair" not in last.detail


def test_drafts_and_preferences_survive_a_lock(vault: OpenVault) -> None:
    vault.drafts.save("entry:new", '{"summary": "half typed"}')
    vault.drafts.save("entry:new", '{"summary": "half typed, more"}')
    vault.drafts.save("entry:7", "other")
    vault.drafts.discard("entry:7")
    vault.preferences.set("audiences", "[]")
    vault.preferences.set("audiences", '["youth-panel"]')
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        assert again.drafts.load("entry:new") == '{"summary": "half typed, more"}'
        assert again.drafts.load("entry:7") is None
        assert again.preferences.get("audiences") == '["youth-panel"]'
        assert again.preferences.get("missing") is None
    finally:
        again.close()


def test_a_new_key_worker_is_a_recorded_hand_over(vault: OpenVault) -> None:
    case = vault.cases.add(make_case(key_worker="Sam Key", allocations=()))
    assert [(a.worker, a.end) for a in case.allocations] == [("Sam Key", None)]
    moved = vault.cases.update(case.id, case.model_copy(update={"key_worker": "Ria Patel"}))
    assert [a.worker for a in moved.allocations] == ["Sam Key", "Ria Patel"]
    assert moved.allocations[0].end is not None and moved.allocations[1].end is None
    assert vault.cases.get(case.id).allocations == moved.allocations


def test_changing_what_exports_show_is_audited_by_key_not_value(vault: OpenVault) -> None:
    vault.preferences.set("manual-redactions:1", '{"spans": ["Canary Zq secret"]}')
    [row] = [r for r in vault.audit.records() if r.action is AuditAction.PREFERENCE_CHANGED]
    assert row.detail == "key=manual-redactions:1" and row.actor == vault.actor
    assert "Canary" not in " ".join(r.detail for r in vault.audit.records())
    assert vault.audit.verify() is None
