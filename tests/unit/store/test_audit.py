"""The audit log is append-only and hash-chained: tampering is refused or detected."""

from __future__ import annotations

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.records import AuditAction
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.store import migrations
from tests.factories import make_case, make_entry, make_person, make_task, passphrase


def _busy_vault(vault: OpenVault) -> int:
    case = vault.cases.add(make_case())
    vault.links.save(case.id, make_person())
    entry = vault.entries.add(case.id, make_entry())
    vault.entries.amend(entry.id, make_entry(summary="Changed"), "More detail")
    vault.entries.retract(entry.id, "Recorded on the wrong case")
    vault.tasks.add(case.id, make_task())
    return case.id


def test_every_change_is_audited_with_ids_only(vault: OpenVault) -> None:
    case_id = _busy_vault(vault)
    records = vault.audit.records()
    actions = [r.action for r in records]
    migrated = [AuditAction.MIGRATED] * migrations.latest()  # one row per schema step
    assert actions == [
        *migrated,
        AuditAction.VAULT_CREATED,
        AuditAction.CASE_ADDED,
        AuditAction.LINK_SAVED,
        AuditAction.ENTRY_ADDED,
        AuditAction.ENTRY_AMENDED,
        AuditAction.ENTRY_RETRACTED,
        AuditAction.TASK_SAVED,
    ]
    assert {r.actor for r in records} == {"Sam Key"}
    assert [r.seq for r in records] == list(range(1, len(records) + 1))
    assert len(vault.audit.records(case_id)) == 6
    text = " ".join(r.detail for r in records)
    assert "Changed" not in text and "wrong case" not in text and "Bell" not in text


def test_unlock_is_recorded(vault: OpenVault) -> None:
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Alex Other")
    again.close()
    third = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        unlocks = [r for r in third.audit.records() if r.action is AuditAction.UNLOCKED]
        assert [r.actor for r in unlocks] == ["Alex Other"]
        third.cases.add(make_case())
        unlocks = [r for r in third.audit.records() if r.action is AuditAction.UNLOCKED]
        assert [r.actor for r in unlocks] == ["Alex Other", "Sam Key"]
        assert third.audit.verify() is None
    finally:
        third.close()


def test_audit_rows_cannot_be_changed_or_deleted(vault: OpenVault) -> None:
    _busy_vault(vault)
    with vault._store.read() as conn:
        with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit SET actor = 'someone else' WHERE seq = 3")
        with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit WHERE seq = 3")
    assert vault.audit.verify() is None


def test_entry_versions_cannot_be_overwritten(vault: OpenVault) -> None:
    _busy_vault(vault)
    with vault._store.read() as conn, pytest.raises(sqlcipher.IntegrityError):
        conn.execute("UPDATE entry_versions SET data = '{}'")


@pytest.mark.parametrize(
    ("column", "value"),
    [("actor", "'Someone Else'"), ("detail", "'version=9'"), ("case_id", "99")],
)
def test_tampering_is_detected_by_verify(vault: OpenVault, column: str, value: str) -> None:
    _busy_vault(vault)
    with vault._store.read() as conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute(f"UPDATE audit SET {column} = {value} WHERE seq = 5")
    assert vault.audit.verify() == 5
    result = vault.check()
    assert not result.audit_ok
    assert result.integrity_ok and result.cipher_ok
    assert any("history log" in p for p in result.problems)


def test_deleting_a_middle_row_is_detected(vault: OpenVault) -> None:
    _busy_vault(vault)
    with vault._store.read() as conn:
        conn.execute("DROP TRIGGER audit_no_delete")
        conn.execute("DELETE FROM audit WHERE seq = 4")
    assert vault.audit.verify() == 5


def test_clean_vault_passes_check(vault: OpenVault) -> None:
    _busy_vault(vault)
    result = vault.check()
    assert result.ok
    assert result.problems == []


def test_entry_cannot_move_case_or_go_back_a_version(vault: OpenVault) -> None:
    _busy_vault(vault)
    with vault._store.read() as conn:
        with pytest.raises(sqlcipher.IntegrityError, match="next version"):
            conn.execute("UPDATE entries SET current_version = 1 WHERE id = 1")
        with pytest.raises(sqlcipher.IntegrityError, match="next version"):
            conn.execute("UPDATE entries SET case_id = 2 WHERE id = 1")
        with pytest.raises(sqlcipher.IntegrityError, match="never deleted"):
            conn.execute("DELETE FROM entries WHERE id = 1")


def test_failed_unlocks_are_recorded_with_the_next_unlock(vault: OpenVault) -> None:
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Sam Key", failed_attempts=2)
    try:
        again.cases.add(make_case())
        actions = [(r.action, r.detail) for r in again.audit.records()]
        at = actions.index((AuditAction.UNLOCK_FAILED, "2 failed attempt(s) before this unlock"))
        assert actions[at + 1][0] is AuditAction.UNLOCKED
        assert again.audit.verify() is None
    finally:
        again.close()
