"""The vault side of a hand-over: a case's rows read out, a received case added (services).

`HandoverService` is ``OpenVault.handovers``. Adding a received case is one transaction: the
case with new ids (`handover_ids.remap`), the record that it came in a hand-over, the sending
vault's history of it, and a "hand-over received" audit row; a Cancel rolls all of it back.
The steps a key worker takes (write, check, import a file) are in `services.handover`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry
from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import AuditAction
from fftimeline.services.handover_ids import ReceivedCase, new_ids, remap
from fftimeline.services.progress import Progress
from fftimeline.store import (
    audit,
    case_rows,
    cases,
    handover_file,
    ids,
    records,
    safety_plans,
    search,
    tasks,
)
from fftimeline.store.connection import Connection
from fftimeline.store.handover_file import Rows
from fftimeline.store.vault import VaultStore


class HandoverAlreadyImported(DomainError):
    """This very hand-over was imported into this vault before."""

    def __init__(self, case_id: int) -> None:
        super().__init__(
            "handover_already_imported",
            f"This hand-over is already in this vault (case {case_id}). Nothing was imported.",
        )


@dataclass(frozen=True)
class HandoverSummary:
    """What a hand-over file holds, for the receiving key worker to check before importing.

    ``file_sha256`` is the file's check code: the sender reads theirs out (by phone) and the
    receiver compares it.
    """

    handover_id: str
    made_at: dt.datetime
    made_by: str
    to_worker: str
    child_initials: str
    counts: dict[str, int]
    file_sha256: str


class HandoverService:
    """The vault side of a hand-over: a case's rows out, a received case in."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def rows(self, case_id: int) -> Rows:
        """Every row of one case, as the hand-over file keeps them."""
        with self._store.read() as conn:
            return case_rows.read_case(conn, case_id)

    def receive(self, summary: HandoverSummary, received: ReceivedCase, progress: Progress) -> int:
        """Add a received case with new ids in one transaction; return its new id."""
        with self._store.write() as conn:
            already = case_rows.handover_case(conn, summary.handover_id)
            if already is not None:
                raise HandoverAlreadyImported(already)
            first = {t: ids.next_id(conn, t) for t in ids.NUMBERED}
            new = new_ids(received, first)
            case = remap(
                received, new, worker=self._actor, on=today(), handover_id=summary.handover_id
            )
            _insert(conn, case, progress)
            data = json.dumps(
                {
                    "from": summary.made_by,
                    "made_at": summary.made_at.isoformat(),
                    "sha256": summary.file_sha256,
                    "counts": summary.counts,
                }
            )
            kept = case_rows.insert_handover(conn, summary.handover_id, new.case, self._actor, data)
            case_rows.insert_received_audit(conn, kept, new.case, case.audit)
            detail = f"handover={summary.handover_id} " + _counts_detail(summary.counts)
            event = audit.AuditEvent(AuditAction.HANDOVER_RECEIVED, new.case, detail=detail)
            audit.append(conn, self._actor, [event])
        return new.case


def _by_entry(versions: list[Entry]) -> list[list[Entry]]:
    """Versions grouped per entry, so a batch always holds whole entries."""
    groups: dict[int, list[Entry]] = {}
    for version in versions:
        groups.setdefault(version.id, []).append(version)
    return list(groups.values())


def _insert(conn: Connection, case: ReceivedCase, progress: Progress) -> None:
    """Add the received case's rows (inside the caller's transaction), reporting progress."""
    stage = "Adding the case to your vault"
    groups = _by_entry(case.versions)
    total, done = len(groups) + 1, 0
    cases.insert(conn, case.case)
    case_rows.insert_links(conn, case.case.id, case.links)
    current: list[Entry] = []
    for start in range(0, len(groups), handover_file.BATCH):
        batch = groups[start : start + handover_file.BATCH]
        current += case_rows.insert_entries(conn, [v for group in batch for v in group])
        done += len(batch)
        progress.step(done, total, stage)
    for task in case.tasks:
        tasks.insert(conn, task)
    case_rows.insert_earlier(conn, [(k, r, case.case.id, at, d) for k, r, at, d in case.earlier])
    for disclosure in case.disclosures:
        records.insert_disclosure(conn, disclosure)
    for key, value in case.preferences:
        records.set_preference(conn, key, value)
    safety_plans.insert(conn, sorted(case.safety_plans, key=lambda p: p.version))
    search.index(conn, current, {i.id: i for i in case.links if i.id is not None})
    progress.step(total, total, stage)


def _counts_detail(counts: dict[str, int]) -> str:
    return " ".join(f"{name}={count}" for name, count in counts.items())
