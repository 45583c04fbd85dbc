"""Chronology service: entries are saved, ordered, amended and retracted with history."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Significance
from fftimeline.domain.errors import DomainError, NotFound, VaultNotSaved
from fftimeline.services.vault import OpenVault, open_vault
from tests.factories import make_case, make_entry, make_person, passphrase


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    return vault.cases.add(make_case()).id


def test_added_entry_is_saved_with_who_and_when(vault: OpenVault, case_id: int) -> None:
    before = dt.datetime.now(dt.UTC)
    entry = vault.entries.add(case_id, make_entry())
    assert entry.version == 1
    assert entry.recorded_by == "Sam Key"
    assert entry.recorded_at >= before
    assert entry.case_id == case_id
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        assert again.entries.get(entry.id) == entry
    finally:
        again.close()


def test_entries_come_back_in_chronological_order(vault: OpenVault, case_id: int) -> None:
    dates = [
        ("year", EventDate.year(2024)),
        ("exact", EventDate.exact(dt.date(2024, 1, 1))),
        ("later", EventDate.exact(dt.date(2024, 6, 2), dt.time(9, 30))),
        ("month", EventDate.month(2024, 6)),
        ("early", EventDate.exact(dt.date(2023, 12, 31))),
    ]
    vault.entries.add_many(case_id, [make_entry(summary=s, event_date=d) for s, d in dates])
    order = [e.summary for e in vault.entries.entries(case_id)]
    assert order == ["early", "exact", "year", "month", "later"]


def test_amend_keeps_every_version(vault: OpenVault, case_id: int) -> None:
    first = vault.entries.add(case_id, make_entry(summary="Seen at the park"))
    second = vault.entries.amend(first.id, make_entry(summary="Seen at the park gates"), "Place")
    assert second.version == 2
    assert second.amendment_reason == "Place"
    assert vault.entries.get(first.id).summary == "Seen at the park gates"
    history = vault.entries.history(first.id)
    assert [h.summary for h in history] == ["Seen at the park", "Seen at the park gates"]
    assert history[0] == first


def test_amend_needs_a_reason(vault: OpenVault, case_id: int) -> None:
    e = vault.entries.add(case_id, make_entry())
    with pytest.raises(DomainError) as caught:
        vault.entries.amend(e.id, make_entry(summary="x"), "   ")
    assert caught.value.code == "amendment_needs_reason"
    assert len(vault.entries.history(e.id)) == 1


def test_retract_withdraws_but_keeps_history(vault: OpenVault, case_id: int) -> None:
    keep = vault.entries.add(case_id, make_entry(summary="Keep"))
    gone = vault.entries.add(case_id, make_entry(summary="Wrong child"))
    retracted = vault.entries.retract(gone.id, "Recorded on the wrong case")
    assert retracted.retracted and retracted.retraction_reason == "Recorded on the wrong case"
    assert [e.id for e in vault.entries.entries(case_id, include_retracted=False)] == [keep.id]
    assert {e.id for e in vault.entries.entries(case_id)} == {keep.id, gone.id}
    assert [h.retracted for h in vault.entries.history(gone.id)] == [False, True]
    with pytest.raises(DomainError) as caught:
        vault.entries.retract(gone.id, "again")
    assert caught.value.code == "already_retracted"
    with pytest.raises(DomainError):
        vault.entries.retract(keep.id, "")


def test_missing_things_say_so_plainly(vault: OpenVault, case_id: int) -> None:
    for call in (
        lambda: vault.entries.get(999),
        lambda: vault.entries.history(999),
        lambda: vault.entries.amend(999, make_entry(), "x"),
        lambda: vault.entries.add(999, make_entry()),
    ):
        with pytest.raises(NotFound) as caught:
            call()
        assert caught.value.message.startswith("That ")


def test_add_many_is_all_or_nothing(vault: OpenVault, case_id: int) -> None:
    person = vault.links.save(case_id, make_person())
    good = make_entry(link_ids=frozenset({person.id or 0}))
    bad = make_entry(link_ids=frozenset({12345}))
    with pytest.raises(DomainError) as caught:
        vault.entries.add_many(case_id, [good, good, bad])
    assert caught.value.code == "unknown_link"
    assert vault.entries.entries(case_id) == []
    saved = vault.entries.add_many(case_id, [good] * 3)
    assert [e.id for e in saved] == sorted({e.id for e in saved})
    assert len(vault.entries.entries(case_id)) == 3


def test_link_from_another_case_is_refused(vault: OpenVault, case_id: int) -> None:
    other = vault.cases.add(make_case(child_name="Other Child")).id
    theirs = vault.links.save(other, make_person())
    with pytest.raises(DomainError):
        vault.entries.add(case_id, make_entry(link_ids=frozenset({theirs.id or 0})))


def test_failed_write_saves_nothing_and_says_so(vault: OpenVault, case_id: int) -> None:
    audit_rows = len(vault.audit.records())
    with vault._store.read() as conn:
        conn.execute(
            "CREATE TRIGGER fail_insert BEFORE INSERT ON entry_versions"
            " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with pytest.raises(VaultNotSaved) as caught:
        vault.entries.add(case_id, make_entry())
    assert "nothing was changed" in caught.value.message
    assert len(vault.audit.records()) == audit_rows
    with vault._store.read() as conn:
        conn.execute("DROP TRIGGER fail_insert")
    vault.entries.add(case_id, make_entry())
    assert len(vault.entries.entries(case_id)) == 1


def test_broken_rule_is_a_validation_error_with_its_code(vault: OpenVault, case_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        make_entry(significance=Significance.SERIOUS)
    assert caught.value.errors()[0]["type"] == "serious_needs_action"
    assert vault.entries.entries(case_id) == []


def test_threads_sharing_one_vault_lose_nothing(vault: OpenVault, case_id: int) -> None:
    import threading

    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(15):
                vault.entries.add(case_id, make_entry(summary=f"Thread {n} entry {i}"))
                vault.entries.entries(case_id)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(vault.entries.entries(case_id)) == 45
    assert vault.audit.verify() is None
