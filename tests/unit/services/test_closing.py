"""Closing a case makes it read-only; purging it leaves nothing of it anywhere in the file."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from fftimeline.domain.cases import FamilyMember, TeamMember
from fftimeline.domain.closing import (
    CaseClosed,
    ClosureDraft,
    PurgeNotAllowed,
    PurgeReason,
    suggested_retention,
)
from fftimeline.domain.dates import today
from fftimeline.domain.errors import NotFound, VaultNotSaved
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.records import AuditAction
from fftimeline.domain.sources import Source
from fftimeline.domain.views import ViewPosition
from fftimeline.redaction.manual import ManualSpan
from fftimeline.services.export import ExportRequest, add_manual_redaction, export_xlsx
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from tests.factories import PASSPHRASE, family_view, make_case, make_entry, make_task, passphrase
from tests.unit.store.pages import found, plaintext


def _canary(label: str) -> str:
    """A unique word: 'Kchildzqwhxvmb' (its random tail is what the search looks for)."""
    return f"K{label}" + "".join(secrets.choice("bcdfghjkmnpqrstvwxz") for _ in range(10))


def _fill_case(vault: OpenVault, folder: Path, label: str) -> tuple[int, list[str]]:
    """A case with a canary in every kind of place the vault keeps text; its id and canaries."""
    c = {
        k: _canary(label + k)
        for k in (
            "child",
            "known",
            "family",
            "contact",
            "team",
            "knownlater",
            "summary",
            "account",
            "view",
            "source",
            "amended",
            "retract",
            "person",
            "nick",
            "notes",
            "nicklater",
            "task",
            "outcome",
            "tasklater",
            "recipients",
            "purpose",
            "manual",
            "draft",
            "closing",
        )
    }
    case = vault.cases.add(
        make_case(
            child_name=f"Jay {c['child']}",
            known_as=c["known"],
            family=(FamilyMember(name=c["family"], relationship="Mother", contact=c["contact"]),),
            team=(TeamMember(name=c["team"], agency="School"),),
        )
    )
    vault.cases.update(case.id, make_case(child_name=f"Jay {c['child']}", known_as=c["knownlater"]))
    person = vault.links.save(
        case.id,
        Linked(
            kind=LinkKind.PERSON,
            name=c["person"],
            role="an adult",
            nicknames=(c["nick"],),
            third_party=True,
            notes=c["notes"],
        ),
    )
    vault.links.save(case.id, person.model_copy(update={"nicknames": (c["nicklater"],)}))
    entry = vault.entries.add(
        case.id,
        make_entry(
            summary=f"Seen with {c['summary']}",
            account=f"Account {c['account']}",
            views=family_view(c["view"], ViewPosition.AGREE),
            source=Source(name=c["source"], professional=True),
            link_ids=frozenset({person.id or 0}),
        ),
    )
    vault.entries.amend(entry.id, make_entry(summary=f"Amended {c['amended']}"), "More detail")
    vault.entries.retract(entry.id, f"Wrong child {c['retract']}")
    other = vault.entries.add(case.id, make_entry(summary=f"Second {c['summary']}x"))
    task = vault.tasks.add(case.id, make_task(what=c["task"]))
    vault.tasks.update(task.id, make_task(what=c["tasklater"], status="done", outcome=c["outcome"]))
    request = ExportRequest("safeguarding-team", c["recipients"], c["purpose"])
    export_xlsx(vault, case.id, request, folder / f"{label}.xlsx")
    add_manual_redaction(
        vault, case.id, ManualSpan(entry_id=other.id, audience="parents-carers", text=c["manual"])
    )
    drafts = json.loads(vault.drafts.load("entry-editor") or "[]")
    drafts.append(
        {"id": label, "case_id": case.id, "entry_id": None, "state": {"summary": c["draft"]}}
    )
    vault.drafts.save("entry-editor", json.dumps(drafts))
    vault.closing.close(
        case.id, ClosureDraft(reason=f"Moved away {c['closing']}", retain_until=today())
    )
    return case.id, list(c.values())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "exports"
    out.mkdir()
    return out


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[OpenVault]:
    v = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    yield v
    v.close()


def _vault_text(vault: OpenVault) -> bytes:
    return plaintext(vault.path, PASSPHRASE.encode())


def test_purge_leaves_none_of_the_case_anywhere_in_the_file(vault: OpenVault, folder: Path) -> None:
    gone_id, gone = _fill_case(vault, folder, "gone")
    kept_id, kept = _fill_case(vault, folder, "kept")
    before = _vault_text(vault)
    assert found(before, gone) == gone, "the check must first see the case's text"
    report = vault.closing.purge(gone_id, PurgeReason.RETENTION_ENDED)
    assert report.counts["entries"] == 2 and report.counts["versions"] == 4
    assert report.counts["drafts"] == 1 and report.counts["disclosures"] == 1
    while_open = _vault_text(vault)
    assert found(while_open, gone) == []
    assert found(while_open, kept) == kept
    vault.close()
    after = _vault_text(vault)
    assert found(after, gone) == []
    assert found(after, kept) == kept
    reopened = open_vault(vault.path, passphrase(), actor="Sam Key")
    try:
        assert [s.case.id for s in reopened.cases.summaries()] == [kept_id]
        assert reopened.entries.search("Seen") != []
        assert reopened.check().ok
        [purged] = [
            r for r in reopened.audit.records(gone_id) if r.action is AuditAction.CASE_PURGED
        ]
        assert purged.actor == "Sam Key"
        assert purged.detail.startswith("reason=retention-ended entries=2 versions=4")
        drafts = json.loads(reopened.drafts.load("entry-editor") or "[]")
        assert [d["case_id"] for d in drafts] == [kept_id]
    finally:
        reopened.close()


def test_an_open_case_or_one_kept_for_longer_cannot_be_purged(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    with pytest.raises(PurgeNotAllowed) as caught:
        vault.closing.purge(case.id, PurgeReason.RETENTION_ENDED)
    assert caught.value.message.startswith("Only a closed case can be purged.")
    later = today() + dt.timedelta(days=400)
    vault.closing.close(case.id, ClosureDraft(reason="Moved area", retain_until=later))
    with pytest.raises(PurgeNotAllowed) as caught:
        vault.closing.purge(case.id, PurgeReason.ERASURE_AGREED)
    assert f"This case is kept until {later.day} " in caught.value.message
    assert caught.value.message.endswith("Nothing was changed.")
    assert [s.case.id for s in vault.cases.summaries()] == [case.id]


def test_the_vault_itself_refuses_a_purge_the_service_would_refuse(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    store = vault._store  # the database's own rule, below the service
    with pytest.raises(VaultNotSaved), store.write() as conn:
        conn.execute("INSERT INTO purge_authorisations (case_id, at) VALUES (?, 'now')", (case.id,))
    later = today() + dt.timedelta(days=1)
    vault.closing.close(case.id, ClosureDraft(reason="Moved area", retain_until=later))
    with pytest.raises(VaultNotSaved), store.write() as conn:
        conn.execute("INSERT INTO purge_authorisations (case_id, at) VALUES (?, 'now')", (case.id,))


@pytest.mark.parametrize(
    "table",
    [
        "cases",
        "entries",
        "entry_versions",
        "links",
        "tasks",
        "earlier_details",
        "disclosures",
        "case_closures",
    ],
)
def test_outside_a_purge_every_delete_is_still_refused(
    vault: OpenVault, folder: Path, table: str
) -> None:
    _fill_case(vault, folder, "kept")
    with vault._store.read() as conn:
        before = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    with pytest.raises(VaultNotSaved), vault._store.write() as conn:
        conn.execute(f"DELETE FROM {table}")
    with vault._store.read() as conn:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == before > 0


def test_a_closed_case_is_read_only(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    entry = vault.entries.add(case.id, make_entry())
    task = vault.tasks.add(case.id, make_task())
    person = vault.links.save(case.id, Linked(kind=LinkKind.PLACE, name="The flat"))
    closure = vault.closing.close(case.id, ClosureDraft(reason="Moved area", retain_until=today()))
    assert closure.closed_by == "Sam Key"
    attempts = [
        lambda: vault.entries.add(case.id, make_entry()),
        lambda: vault.entries.amend(entry.id, make_entry(summary="Changed"), "why"),
        lambda: vault.entries.retract(entry.id, "why"),
        lambda: vault.tasks.add(case.id, make_task()),
        lambda: vault.tasks.update(task.id, make_task(what="Changed")),
        lambda: vault.links.save(case.id, person.model_copy(update={"name": "Changed"})),
        lambda: vault.cases.update(case.id, make_case(known_as="Changed")),
        lambda: vault.closing.close(case.id, ClosureDraft(reason="Again", retain_until=today())),
    ]
    for attempt in attempts:
        with pytest.raises(CaseClosed) as caught:
            attempt()
        assert caught.value.message.startswith("This case is closed, so it cannot be changed.")
    assert vault.entries.get(entry.id).summary == entry.summary
    [summary] = vault.cases.summaries()
    assert summary.closure == closure
    assert [r.action for r in vault.audit.records(case.id)][-1] is AuditAction.CASE_CLOSED


def test_the_vault_itself_keeps_a_closed_case_read_only(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    vault.closing.close(case.id, ClosureDraft(reason="Moved area", retain_until=today()))
    with pytest.raises(VaultNotSaved), vault._store.write() as conn:
        conn.execute("UPDATE cases SET data = replace(data, 'JJ', 'Jay')")
    with pytest.raises(VaultNotSaved), vault._store.write() as conn:
        conn.execute(
            "INSERT INTO tasks (id, case_id, status, due, created_at, data)"
            " VALUES (99, ?, 'open', NULL, 'now', '{}')",
            (case.id,),
        )


def test_purged_ids_are_never_given_out_again(vault: OpenVault, folder: Path) -> None:
    gone_id, _ = _fill_case(vault, folder, "gone")
    highest_entry = max(e.id for e in vault.entries.entries(gone_id))
    vault.closing.purge(gone_id, PurgeReason.RETENTION_ENDED)
    case = vault.cases.add(make_case())
    assert case.id > gone_id
    assert vault.entries.add(case.id, make_entry()).id > highest_entry


def test_a_closure_needs_a_reason_and_a_date_to_come() -> None:
    with pytest.raises(ValueError, match="in the past"):
        ClosureDraft(reason="Moved", retain_until=today() - dt.timedelta(days=1))
    with pytest.raises(ValueError):
        ClosureDraft(reason=" ", retain_until=today())


def test_suggested_retention_is_the_later_of_25th_birthday_and_six_years() -> None:
    closing = dt.date(2026, 11, 30)
    assert suggested_retention(dt.date(2010, 4, 2), closing) == dt.date(2035, 4, 2)
    assert suggested_retention(dt.date(1999, 4, 2), closing) == dt.date(2032, 11, 30)
    assert suggested_retention(None, dt.date(2028, 2, 29)) == dt.date(2034, 2, 28)


def test_purging_a_missing_case_says_so(vault: OpenVault) -> None:
    with pytest.raises(NotFound):
        vault.closing.purge(42, PurgeReason.RETENTION_ENDED)
