"""Schema versions: every committed fixture opens and upgrades; newer vaults are refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from fftimeline.domain.closing import ClosureDraft, PurgeReason
from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.errors import VaultNotSaved, VaultTooNew, WrongPassphraseOrDamaged
from fftimeline.services.vault import open_vault
from fftimeline.store import audit, migrations
from fftimeline.store.connection import Connection
from fftimeline.store.migrations import MIGRATIONS, Migration
from fftimeline.store.vault import VaultStore
from tests.factories import (
    make_meeting,
    make_meeting_entry,
    make_plan,
    make_support_entry,
    make_task,
)
from tests.fixtures.make_vault import PASSPHRASE, SUMMARIES, fixtures
from tests.unit.store.vault_files import fingerprint

ACTOR = "Sam Key"


def _key() -> bytearray:
    return bytearray(PASSPHRASE.encode())


NEXT = migrations.latest() + 1


@pytest.fixture(params=fixtures(), ids=lambda p: p.stem)
def old_vault(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of each committed fixture vault (the originals are never opened)."""
    target = tmp_path / "old.fft"
    shutil.copyfile(request.param, target)
    return target


def test_there_is_a_fixture_for_every_schema_version() -> None:
    names = [p.name for p in fixtures()]
    assert names == [f"vault-v{n}.fft" for n in range(1, migrations.latest() + 1)]


def _add_flags(conn: Connection) -> None:
    conn.execute("CREATE TABLE case_flags (case_id INTEGER NOT NULL, flag TEXT NOT NULL)")
    conn.execute("INSERT INTO case_flags SELECT id, 'migrated' FROM cases")


def _broken(conn: Connection) -> None:
    conn.execute("CREATE TABLE half_done (x)")
    raise RuntimeError("the migration failed half way")


FAKE_NEXT = (*MIGRATIONS, Migration(NEXT, "add case flags", _add_flags))


def _version(store: VaultStore) -> int:
    with store.read() as conn:
        return migrations.schema_version(conn)


def test_fixture_opens_today_with_its_entries(old_vault: Path) -> None:
    v = open_vault(old_vault, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0]
        assert case.entry_count == len(SUMMARIES)
        summaries = [e.summary for e in v.entries.entries(case.case.id)]
        assert summaries == [SUMMARIES[0] + " (amended)", *SUMMARIES[1:]]
        assert len(v.entries.history(v.entries.entries(case.case.id)[0].id)) == 2
        assert v.entries.search("bugsy") != []
        assert v.check().ok
    finally:
        v.close()


def test_fixture_upgrades_to_a_new_version_in_one_step(old_vault: Path) -> None:
    store = VaultStore.open(old_vault, _key(), ACTOR, FAKE_NEXT)
    try:
        assert _version(store) == NEXT
        with store.read() as conn:
            flags = conn.execute("SELECT flag FROM case_flags").fetchall()
        assert flags == [("migrated",)]
    finally:
        store.close()
    again = VaultStore.open(old_vault, _key(), ACTOR, FAKE_NEXT)
    try:
        with again.read() as conn:
            migrated = [r.detail for r in audit.records(conn) if r.action.value == "migrated"]
            assert migrated[-1] == f"schema={NEXT}"
            assert migrated == [f"schema={n}" for n in range(1, NEXT + 1)]
            assert audit.verify(conn) is None
    finally:
        again.close()


def test_failed_migration_rolls_back_whole(old_vault: Path) -> None:
    broken = (*MIGRATIONS, Migration(NEXT, "broken", _broken))
    with pytest.raises(RuntimeError):
        VaultStore.open(old_vault, _key(), ACTOR, broken)
    store = VaultStore.open(old_vault, _key(), ACTOR)
    try:
        assert _version(store) == migrations.latest()
        with store.read() as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names
    finally:
        store.close()


def test_newer_vault_is_refused_and_left_alone(old_vault: Path) -> None:
    VaultStore.open(old_vault, _key(), ACTOR, FAKE_NEXT).close()
    before = fingerprint(old_vault)
    with pytest.raises(VaultTooNew) as caught:
        open_vault(old_vault, _key(), actor=ACTOR)
    assert "newer version" in caught.value.message
    assert fingerprint(old_vault) == before


def test_fixture_needs_its_passphrase(old_vault: Path) -> None:
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(old_vault, bytearray(b"not the fixture passphrase"), actor=ACTOR)


def test_after_upgrade_changes_keep_the_earlier_details(old_vault: Path) -> None:
    v = open_vault(old_vault, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0].case
        v.cases.update(case.id, case.model_copy(update={"known_as": "Jay"}))
        person = v.links.items(case.id)[0]
        v.links.save(case.id, person.model_copy(update={"nicknames": ("Bugsy", "B")}))
        task = v.tasks.tasks(case.id)[0]
        v.tasks.update(task.id, task.model_copy(update={"owner": "Someone Else"}))
        assert [c.known_as for c in v.cases.earlier_details(case.id)] == [case.known_as]
        assert [p.nicknames for p in v.links.earlier_details(person.id or 0)] == [person.nicknames]
        assert [t.owner for t in v.tasks.earlier_details(task.id)] == [task.owner]
        assert v.cases.get(case.id).known_as == "Jay"
        assert v.check().ok
    finally:
        v.close()


@pytest.mark.parametrize("table", ["cases", "links", "tasks", "earlier_details"])
def test_cases_register_items_tasks_and_earlier_details_cannot_be_deleted(
    old_vault: Path, table: str
) -> None:
    store = VaultStore.open(old_vault, _key(), ACTOR)
    try:
        with store.write() as conn:  # make sure there is an earlier detail to try to delete
            conn.execute("UPDATE cases SET data = replace(data, 'JJ', 'Jay')")
        with store.read() as conn:
            before = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        with pytest.raises(VaultNotSaved), store.write() as conn:
            conn.execute(f"DELETE FROM {table}")
        with store.read() as conn:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == before > 0
    finally:
        store.close()


def test_fixture_cases_and_disclosures_read_with_the_new_fields_empty(old_vault: Path) -> None:
    """Cases saved before the key worker's contact details existed still open, blank."""
    v = open_vault(old_vault, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0].case
        assert (case.key_worker_organisation, case.key_worker_phone, case.key_worker_email) == (
            "",
            "",
            "",
        )
        assert all(
            d.format == "xlsx" and d.pages is None for d in v.disclosures.disclosures(case.id)
        )
    finally:
        v.close()


def test_every_fixture_upgrades_to_closing_and_purging(old_vault: Path) -> None:
    v = open_vault(old_vault, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0].case
        with v._store.read() as conn:
            statuses = {r[0] for r in conn.execute("SELECT status FROM disclosures")}
        assert statuses <= {"done"}
        v.closing.close(case.id, ClosureDraft(reason="Moved away", retain_until=today()))
        report = v.closing.purge(case.id, PurgeReason.RETENTION_ENDED)
        assert report.counts["entries"] == len(SUMMARIES)
        assert v.cases.summaries() == []
        assert v.check().ok
    finally:
        v.close()


def test_every_fixture_upgrades_to_meetings_safety_plans_and_support(old_vault: Path) -> None:
    """Version 4: a meeting with its tasks, support offered and a reviewed safety plan."""
    v = open_vault(old_vault, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0].case
        first = v.entries.entries(case.id)[0]
        day = today() - dt.timedelta(days=1)
        saved = v.meetings.record(
            case.id,
            make_meeting_entry(
                event_date=EventDate.exact(day), discussed=frozenset({first.id}), meeting=None
            ).model_copy(update={"meeting": make_meeting(decisions=())}),
            [make_task(what="Speak to the aunt")],
        )
        assert saved.tasks[0].entry_ids == {saved.entry.id}
        v.entries.add(case.id, make_support_entry())
        changed = "A new plan" if v.safety_plans.current(case.id) is not None else ""
        agreed = day - dt.timedelta(days=9)
        plan = v.safety_plans.save(
            case.id, make_plan(agreed_on=agreed, review_on=day, reason=changed)
        )
        summary = v.cases.summaries()[0]
        assert summary.parents_last_told == day
        assert summary.safety_review_on == plan.review_on
        assert summary.safety_review_overdue()
        assert v.check().ok
    finally:
        v.close()


def test_the_version_4_fixture_reads_its_meeting_plan_and_support(tmp_path: Path) -> None:
    """What version 4 wrote reads back whole in every later version."""
    [v4] = [p for p in fixtures() if p.stem == "vault-v4"]
    copy = tmp_path / "v4.fft"  # opening writes (the lock, the log): never the original
    shutil.copyfile(v4, copy)
    v = open_vault(copy, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0]
        entries = v.entries.entries(case.case.id)
        meeting = entries[2].meeting
        assert meeting is not None and meeting.discussed == {entries[0].id}
        assert meeting.challenges[0].response.startswith("The team will look again")
        assert entries[1].support is not None and entries[1].kind.value == "support-offered"
        assert [p.version for p in v.safety_plans.versions(case.case.id)] == [1, 2]
        assert v.safety_plans.versions(case.case.id)[1].review is not None
        assert case.parents_last_told == entries[2].event_date.start
        assert [t.what for t in v.meetings.tasks_of(entries[2].id)] == ["Safety plan"]
    finally:
        v.close()


def test_safety_plan_versions_are_kept_in_order_and_never_changed(old_vault: Path) -> None:
    store = VaultStore.open(old_vault, _key(), ACTOR)
    try:
        with store.write() as conn:
            case_id = conn.execute("SELECT min(id) FROM cases").fetchone()[0]
            start = conn.execute(
                "SELECT coalesce(max(version), 0) FROM safety_plans WHERE case_id = ?", (case_id,)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO safety_plans VALUES (?, ?, '2030-01-01', 'now', '{}')",
                (case_id, start + 1),
            )
        for statement in (
            "UPDATE safety_plans SET data = 'changed'",
            "DELETE FROM safety_plans",
            f"INSERT INTO safety_plans VALUES ({case_id}, {start + 3}, 'x', 'now', '{{}}')",
            f"INSERT INTO safety_plans VALUES ({case_id}, 1, 'x', 'now', '{{}}')",
        ):
            with pytest.raises(VaultNotSaved), store.write() as conn:
                conn.execute(statement)
        with store.read() as conn:
            rows = conn.execute("SELECT version FROM safety_plans WHERE case_id = ?", (case_id,))
            assert [r[0] for r in rows.fetchall()] == list(range(1, start + 2))
    finally:
        store.close()
