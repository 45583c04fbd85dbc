"""Handing a case over: an encrypted file with the whole case, checked and imported elsewhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.closing import CaseClosed, ClosureDraft
from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.records import HANDOVER_AUDIENCE, AuditAction
from fftimeline.export.files import part_files
from fftimeline.redaction.manual import ManualSpan
from fftimeline.services.export import (
    ExportRequest,
    add_manual_redaction,
    export_xlsx,
    manual_redactions,
)
from fftimeline.services.handover import (
    HandoverAlreadyImported,
    handover_passphrase,
    import_handover,
    read_handover,
    write_handover,
)
from fftimeline.services.progress import Cancelled, Progress
from fftimeline.services.vault import OpenVault, create_vault
from fftimeline.store.handover_file import HandoverDamaged, HandoverLocked, NotAHandover
from tests.factories import make_case, make_entry, make_person, make_task, passphrase
from tests.unit.store.pages import found, plaintext

OTHER_CHILD = "Kotherchildqzmxvbnk"
HANDOVER_KEY = "river-lantern-copper-meadow-falcon-quiet-harbour-ember-tulip-stone"


def _key() -> bytearray:
    return bytearray(HANDOVER_KEY.encode())


@pytest.fixture
def sender(tmp_path: Path) -> Iterator[OpenVault]:
    v = create_vault(tmp_path / "sender.fft", passphrase(), actor="Sam Key")
    yield v
    v.close()


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[OpenVault]:
    v = create_vault(
        tmp_path / "receiver.fft", passphrase("another long passphrase 7"), actor="Alex New"
    )
    for name in ("Already Here", "Also Here", "Here Too"):  # so the received ids must change
        v.cases.add(make_case(child_name=name))
    first = v.cases.summaries()[0].case.id
    v.entries.add(first, make_entry(summary="An entry already in this vault"))
    v.links.save(first, Linked(kind=LinkKind.PLACE, name="A place already here"))
    yield v
    v.close()


@pytest.fixture
def case_id(sender: OpenVault, tmp_path: Path) -> int:
    sender.cases.add(make_case(child_name=f"Other {OTHER_CHILD}"))
    case = sender.cases.add(make_case())
    person = sender.links.save(case.id, make_person())
    sender.links.save(case.id, person.model_copy(update={"nicknames": ("Bugsy", "B")}))
    first = sender.entries.add(case.id, make_entry(link_ids=frozenset({person.id or 0})))
    sender.entries.amend(
        first.id,
        make_entry(summary="Seen getting into a grey car", link_ids=frozenset({person.id or 0})),
        "Colour",
    )
    second = sender.entries.add(case.id, make_entry(summary="Missing overnight"))
    sender.entries.retract(second.id, "Wrong date")
    task = sender.tasks.add(case.id, make_task(entry_ids=frozenset({first.id})))
    sender.tasks.update(task.id, make_task(owner="Rita Hughes", entry_ids=frozenset({first.id})))
    folder = tmp_path / "exports"
    folder.mkdir()
    export_xlsx(
        sender, case.id, ExportRequest("safeguarding-team", "Team", "Review"), folder / "x.xlsx"
    )
    add_manual_redaction(
        sender, case.id, ManualSpan(entry_id=first.id, audience="parents-carers", text="grey car")
    )
    return case.id


def test_handover_file_holds_only_the_case_and_only_under_its_passphrase(
    sender: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    result = write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    data = out.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Jayden" not in data and b"grey car" not in data
    text = plaintext(out, HANDOVER_KEY.encode())
    assert found(text, ["Jayden Okafor", "Seen getting into a grey car"]) != []
    assert found(text, [OTHER_CHILD]) == []
    assert result.summary.counts == {
        "entries": 2, "versions": 4, "register": 1, "tasks": 1, "earlier": 2,
        "disclosures": 1, "history": len(sender.audit.records(case_id)) - 2,
    }  # fmt: skip
    assert result.summary.child_initials == "J. O." and result.summary.made_by == "Sam Key"
    with pytest.raises(HandoverLocked):
        read_handover(out, passphrase())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".fft-")] == []


def test_the_sender_records_the_handover_and_the_new_key_person(
    sender: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    result = write_handover(sender, case_id, out, _key(), to_worker="  Alex   New ")
    shared = sender.disclosures.disclosures(case_id)
    assert shared[-1] == result.disclosure
    assert shared[-1].audience == HANDOVER_AUDIENCE and shared[-1].recipients == "Alex New"
    assert shared[-1].protected and shared[-1].sha256 == result.sha256
    actions = [r.action for r in sender.audit.records(case_id)]
    assert AuditAction.HANDED_OVER in actions
    case = sender.cases.get(case_id)
    assert case.key_worker == "Alex New"
    assert [(a.worker, a.end) for a in case.allocations] == [
        ("Sam Key", today()),
        ("Alex New", None),
    ]
    assert sender.check().ok


def test_the_receiver_gets_the_whole_case_with_new_ids(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    sent = write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    result = import_handover(receiver, out, _key())
    new_id = result.case_id
    assert new_id != case_id
    assert result.summary.file_sha256 == sent.sha256
    case = receiver.cases.get(new_id)
    assert case.child_name == "Jayden Okafor"
    assert [(a.worker, a.end) for a in case.allocations] == [
        ("Sam Key", today()),
        ("Alex New", None),
    ]
    old_entries = {e.summary: e for e in sender.entries.entries(case_id)}
    new_entries = {e.summary: e for e in receiver.entries.entries(new_id)}
    assert set(new_entries) == set(old_entries)
    for summary, entry in new_entries.items():
        assert entry.case_id == new_id
        history = receiver.entries.history(entry.id)
        assert [v.summary for v in history] == [
            v.summary for v in sender.entries.history(old_entries[summary].id)
        ]
        assert [v.recorded_by for v in history] == ["Sam Key"] * len(history)
    [person] = receiver.links.items(new_id)
    grey = new_entries["Seen getting into a grey car"]
    assert grey.link_ids == frozenset({person.id})
    assert [p.nicknames for p in receiver.links.earlier_details(person.id or 0)] == [("Bugsy",)]
    [task] = receiver.tasks.tasks(new_id)
    assert task.entry_ids == frozenset({grey.id}) and task.owner == "Rita Hughes"
    assert [t.owner for t in receiver.tasks.earlier_details(task.id)] == ["R. Hughes"]
    assert new_entries["Missing overnight"].retracted
    [export] = receiver.disclosures.disclosures(new_id)
    assert export.audience == "safeguarding-team" and export.case_id == new_id
    assert set(export.entry_ids) <= {e.id for e in new_entries.values()}
    [span] = manual_redactions(receiver, new_id).spans
    assert span.entry_id == grey.id and span.text == "grey car"
    assert receiver.entries.search("Bugsy", case_id=new_id) == [grey.id]
    assert receiver.check().ok


def test_both_audit_logs_record_it_and_the_senders_history_comes_along(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    sent_history = sender.audit.records(case_id)
    result = import_handover(receiver, out, _key())
    [received] = [
        r
        for r in receiver.audit.records(result.case_id)
        if r.action is AuditAction.HANDOVER_RECEIVED
    ]
    assert received.actor == "Alex New"
    assert received.detail.startswith(f"handover={result.summary.handover_id} entries=2 versions=4")
    with receiver._store.read() as conn:
        rows = conn.execute(
            "SELECT actor, action FROM received_audit WHERE case_id = ? ORDER BY rowid",
            (result.case_id,),
        ).fetchall()
    # Everything the sender's log held about the case when the file was made.
    assert len(rows) == len(sent_history) - 2  # not the hand-over and allocation rows after it
    assert {r[0] for r in rows} == {"Sam Key"}
    assert rows[0][1] == "case-added"
    assert receiver.audit.verify() is None


def test_a_wrong_passphrase_imports_nothing(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    before = out.read_bytes()
    with pytest.raises(HandoverLocked) as caught:
        import_handover(receiver, out, bytearray(b"wrong words entirely here"))
    assert (
        caught.value.message
        == "Wrong hand-over passphrase, or the file is damaged. Nothing was imported."
    )
    assert len(receiver.cases.summaries()) == 3
    assert out.read_bytes() == before


def test_a_changed_row_is_caught_by_the_recorded_hashes(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    conn = sqlcipher.connect(str(out), isolation_level=None)
    conn.set_key(_key())
    conn.execute("UPDATE entry_versions SET data = replace(data, 'grey car', 'red car')")
    conn.close()
    with pytest.raises(HandoverDamaged) as caught:
        import_handover(receiver, out, _key())
    assert "check codes do not match. Nothing was imported." in caught.value.message
    assert len(receiver.cases.summaries()) == 3


def test_a_damaged_byte_is_caught(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x40
    out.write_bytes(bytes(data))
    with pytest.raises((HandoverLocked, HandoverDamaged)):
        import_handover(receiver, out, _key())
    assert len(receiver.cases.summaries()) == 3


def test_the_same_handover_is_imported_once(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    first = import_handover(receiver, out, _key())
    with pytest.raises(HandoverAlreadyImported) as caught:
        import_handover(receiver, out, _key())
    assert f"(case {first.case_id})" in caught.value.message
    assert len(receiver.cases.summaries()) == 4


def test_a_vault_is_not_a_handover(receiver: OpenVault, tmp_path: Path) -> None:
    other = create_vault(tmp_path / "other.fft", _key(), actor="Alex New")
    other.close()
    with pytest.raises(NotAHandover):
        import_handover(receiver, other.path, _key())
    with pytest.raises(NotAHandover):
        import_handover(receiver, tmp_path / "missing.ffh", _key())


def test_the_open_vault_itself_is_refused_without_being_opened(
    receiver: OpenVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(
        "fftimeline.store.handover_file.open_for_reading", lambda p, _k: opened.append(p)
    )
    with pytest.raises(NotAHandover):
        import_handover(receiver, receiver.path, passphrase("another long passphrase 7"))
    assert opened == []


def test_cancel_while_writing_leaves_nothing_and_records_nothing(
    sender: OpenVault, case_id: int, tmp_path: Path
) -> None:
    stop = Progress(cancelled=lambda: True)
    before = sender.cases.get(case_id)
    with pytest.raises(Cancelled):
        write_handover(
            sender, case_id, tmp_path / "handover.ffh", _key(), to_worker="Alex New", progress=stop
        )
    assert not (tmp_path / "handover.ffh").exists() and part_files(tmp_path) == []
    assert [d.audience for d in sender.disclosures.disclosures(case_id)] == ["safeguarding-team"]
    assert sender.disclosures.pending() == []
    assert sender.cases.get(case_id) == before


def test_cancel_while_importing_imports_nothing(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    stages: list[str] = []

    def cancelled() -> bool:
        return "Adding the case to your vault" in stages

    progress = Progress(report=lambda d, t, s: stages.append(s), cancelled=cancelled)
    with pytest.raises(Cancelled):
        import_handover(receiver, out, _key(), progress=progress)
    assert len(receiver.cases.summaries()) == 3
    assert receiver.check().ok
    import_handover(receiver, out, _key())  # and it can still be imported afterwards


def test_a_closed_case_is_not_handed_over(sender: OpenVault, case_id: int, tmp_path: Path) -> None:
    sender.closing.close(
        case_id, ClosureDraft(reason="Moved", retain_until=today() + dt.timedelta(days=9))
    )
    with pytest.raises(CaseClosed):
        write_handover(sender, case_id, tmp_path / "h.ffh", _key(), to_worker="Alex New")
    assert not (tmp_path / "h.ffh").exists()


def test_a_new_key_worker_must_be_named(sender: OpenVault, case_id: int, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="Say who is taking over the case"):
        write_handover(sender, case_id, tmp_path / "h.ffh", _key(), to_worker="  ")


def test_a_generated_passphrase_is_ten_words() -> None:
    words = handover_passphrase().decode().split("-")
    assert len(words) == 10 and all(w.isalpha() for w in words)
    assert handover_passphrase() != handover_passphrase()


def test_views_a_childs_wish_and_a_serious_risks_task_travel_with_the_case(
    sender: OpenVault, receiver: OpenVault, case_id: int, tmp_path: Path
) -> None:
    from fftimeline.domain.entries import Significance
    from fftimeline.domain.sharing import Audience
    from fftimeline.domain.views import ChildWish, PersonView, ViewHolder, ViewPosition

    child = PersonView(holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="Not me")
    wish = ChildWish(text="I want to tell Mum myself", not_told=frozenset({Audience.PARENTS}))
    urgent = sender.entries.add(
        case_id,
        make_entry(
            summary="Found in another town",
            views=(child,),
            child_wish=wish,
            significance=Significance.SERIOUS,
            next_action="Strategy meeting within 24 hours",
            next_action_owner="Sam Key",
        ),
    )
    out = tmp_path / "handover.ffh"
    write_handover(sender, case_id, out, _key(), to_worker="Alex New")
    new_id = import_handover(receiver, out, _key()).case_id
    [arrived] = [e for e in receiver.entries.entries(new_id) if e.summary == urgent.summary]
    assert (arrived.views, arrived.child_wish) == ((child,), wish)
    [task] = [t for t in receiver.tasks.tasks(new_id) if t.next_action_of is not None]
    assert task.next_action_of == arrived.id and task.entry_ids == frozenset({arrived.id})
