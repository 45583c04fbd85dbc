"""Nothing about a case reaches disk unencrypted: canaries in every field never appear."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest

from fftimeline.domain.cases import Allocation, FamilyMember, TeamMember
from fftimeline.domain.entries import (
    Grading,
    Handling,
    Kind,
    Nature,
    Significance,
)
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.records import DisclosureDraft
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.domain.tasks import TaskStatus
from fftimeline.domain.views import ViewPosition
from fftimeline.services.vault import OpenVault, open_vault
from tests.factories import (
    family_text,
    family_view,
    make_case,
    make_entry,
    make_person,
    make_task,
    passphrase,
)
from tests.unit.store.vault_files import bytes_in_folder

CANARIES: list[str] = []


def canary(field: str) -> str:
    """A unique string for one field, remembered for the scan."""
    value = f"CANARY{field.upper()}{uuid.uuid4().hex[:10]}"
    CANARIES.append(value)
    return value


def _fill(vault: OpenVault) -> None:
    case = vault.cases.add(
        make_case(
            child_name=canary("child"),
            known_as=canary("knownas"),
            pronouns=canary("pronouns"),
            key_worker=canary("keyworker"),
            family=(
                FamilyMember(
                    name=canary("famname"),
                    relationship=canary("famrel"),
                    contact=canary("famcontact"),
                ),
            ),
            team=(TeamMember(name=canary("teamname"), agency=canary("teamag"), role=canary("tr")),),
            allocations=(Allocation(worker=canary("alloc"), start=dt.date(2024, 1, 1)),),
        )
    )
    person = vault.links.save(
        case.id,
        make_person(
            name=canary("pname"),
            role=canary("prole"),
            nicknames=(canary("nick"),),
            notes=canary("pnotes"),
        ),
    )
    place = vault.links.save(
        case.id, Linked(kind=LinkKind.PLACE, name=canary("place"), role=canary("placerole"))
    )
    vault.entries.add(
        case.id,
        make_entry(
            summary=canary("summary"),
            account=canary("account"),
            nature=Nature.OPINION,
            opinion_of=canary("opinionof"),
            source=Source(
                name=canary("srcname"),
                agency=canary("srcagency"),
                role=canary("srcrole"),
                professional=True,
                withheld=True,
                withheld_reason=WithheldReason.RISK_TO_SOURCE,
                professional_override=canary("override"),
            ),
            views=family_view(canary("famview"), ViewPosition.DISPUTE),
            significance=Significance.SERIOUS,
            next_action=canary("nextaction"),
            next_action_owner=canary("actionowner"),
            outcome=canary("outcome"),
            sharing=Sharing(
                audiences=frozenset({Audience.SAFEGUARDING_TEAM}),
                reasons_not={Audience.PARENTS: canary("reasonnot")},
            ),
            link_ids=frozenset({person.id or 0, place.id or 0}),
        ),
    )
    vault.entries.add(
        case.id,
        make_entry(
            kind=Kind.INTELLIGENCE,
            nature=Nature.INTELLIGENCE,
            summary=canary("intel"),
            significance=Significance.SERIOUS,
            no_action_reason=canary("noaction"),
            grading=Grading(
                source=2, information="B", handling=Handling.C, conditions=canary("conditions")
            ),
        ),
    )
    vault.tasks.add(
        case.id,
        make_task(
            what=canary("taskwhat"),
            owner=canary("taskowner"),
            status=TaskStatus.DONE,
            outcome=canary("taskoutcome"),
        ),
    )
    vault.drafts.save("entry-editor", canary("draft"))
    vault.preferences.set("custom-audiences", '["' + canary("pref") + '"]')
    vault.disclosures.record(
        case.id,
        DisclosureDraft(audience="police", recipients=canary("recip"), purpose=canary("purpose")),
        entry_ids=[1],
        file_name=canary("filename") + ".xlsx",
        sha256="0" * 64,
        protected=True,
    )


def _assert_no_canary(path: Path) -> None:
    blob = bytes_in_folder(path)
    assert blob, "the vault folder is empty"
    found = [c for c in CANARIES if c.encode() in blob or c.lower().encode() in blob.lower()]
    assert found == []


@pytest.fixture(autouse=True)
def _fresh_canaries() -> None:
    CANARIES.clear()


def test_canaries_absent_during_write_transaction_and_after_close(vault: OpenVault) -> None:
    _fill(vault)
    _assert_no_canary(vault.path)
    case_id = vault.cases.summaries()[0].case.id
    # A large transaction, still open while we look: pages spill to the WAL.
    with vault._store.write():
        vault.entries.add_many(
            case_id, [make_entry(summary=canary("bulk"), account="x" * 3000) for _ in range(400)]
        )
        assert vault.path.with_name(vault.path.name + "-wal").exists()
        _assert_no_canary(vault.path)
    _assert_no_canary(vault.path)
    vault.close()
    _assert_no_canary(vault.path)
    assert len(CANARIES) > 40


def test_canaries_are_really_stored(vault: OpenVault) -> None:
    """The scan above would be worthless if the canaries were never saved."""
    _fill(vault)
    vault.close()
    again = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        case = again.cases.summaries()[0].case
        entries = again.entries.entries(case.id)
        assert case.child_name in CANARIES
        assert family_text(entries[0]) in CANARIES
        assert again.drafts.load("entry-editor") in CANARIES
    finally:
        again.close()


def test_file_is_not_plain_sqlite(vault: OpenVault) -> None:
    _fill(vault)
    vault.close()
    assert vault.path.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        conn = sqlite3.connect(vault.path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
