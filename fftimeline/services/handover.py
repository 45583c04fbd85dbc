"""Hand a case over to another key worker as an encrypted file, and take one in (services).

Sending (`write_handover`): every row of the case goes into a new hand-over file under its own
passphrase, through `disclosure_log.write_and_record`, so the file and its record in "What was
shared" always agree; the file is reopened and its hashes checked before it is put in place.
The case's allocation history then records the new key person, and the audit log the
hand-over (ids and counts only).

Receiving (`read_handover`, `import_handover`): the file is opened read-only, every table's
hash is checked against the manifest, every row against the domain's rules; then, in one
transaction, the case is added with new ids, its allocation history records the receiving
key worker, and both the received history and a "hand-over received" audit row are kept.
Long work reports progress and stops cleanly on Cancel (`services.progress`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.domain.cases import Case, CaseDraft, record_allocation
from fftimeline.domain.closing import CaseClosed
from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import HANDOVER_AUDIENCE, Disclosure, DisclosureDraft
from fftimeline.export.files import file_sha256
from fftimeline.services.demo import demo_passphrase
from fftimeline.services.disclosure_log import Output, write_and_record
from fftimeline.services.handover_ids import parse
from fftimeline.services.handover_vault import (
    HandoverAlreadyImported,
    HandoverService,
    HandoverSummary,
)
from fftimeline.services.progress import Progress
from fftimeline.store import handover_file
from fftimeline.store.handover_file import (
    TABLES,
    HandoverDamaged,
    NotAHandover,
    Rows,
    table_digest,
)

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

__all__ = [
    "HandoverAlreadyImported",
    "HandoverResult",
    "HandoverService",
    "HandoverSummary",
    "ImportResult",
    "handover_passphrase",
    "import_handover",
    "read_handover",
    "write_handover",
]

PASSPHRASE_WORDS = 10
"""A generated hand-over passphrase: ten random words, about 76 bits."""
PURPOSE = "Hand-over of the case to the new key worker"
COUNTED = {
    "entries": "entries",
    "versions": "entry_versions",
    "register": "links",
    "tasks": "tasks",
    "earlier": "earlier_details",
    "disclosures": "disclosures",
    "history": "audit",
    "safety_plans": "safety_plans",
}
"""What a hand-over's counts say, and the table each is counted in."""


@dataclass(frozen=True)
class HandoverResult:
    """A hand-over written and recorded."""

    path: Path
    sha256: str
    disclosure: Disclosure
    summary: HandoverSummary


@dataclass(frozen=True)
class ImportResult:
    """A hand-over taken into the vault: the new case's id and what came with it."""

    case_id: int
    summary: HandoverSummary


def handover_passphrase() -> bytearray:
    """A fresh passphrase for a hand-over file, to be sent by another route than the file."""
    return demo_passphrase(PASSPHRASE_WORDS)


def _counts(rows: Rows) -> dict[str, int]:
    return {name: len(rows[table]) for name, table in COUNTED.items()}


def _handed_over(case: Case, to_worker: str) -> CaseDraft:
    """The case's details with the new key person recorded in its allocation history."""
    return record_allocation(case.model_copy(update={"key_worker": to_worker}), case, today())


def _manifest(vault: OpenVault, case: Case, rows: Rows, to_worker: str) -> dict[str, str]:
    return {
        "format": str(handover_file.FORMAT),
        "handover_id": uuid.uuid4().hex,
        "made_at": dt.datetime.now(dt.UTC).isoformat(),
        "made_by": vault.actor,
        "to_worker": to_worker,
        "case_id": str(case.id),
        "child_initials": case.initials,
        "counts": json.dumps(_counts(rows)),
        "digests": json.dumps({t: table_digest(rows[t]) for t in TABLES}),
    }


def _builder(
    rows: Rows, manifest: dict[str, str], passphrase: bytearray, progress: Progress
) -> Callable[[Path], None]:
    """Writes the hand-over file at the path it is given, then reopens it and checks it."""

    def build(part: Path) -> None:
        conn = handover_file.create(part, passphrase)
        total, done = sum(len(r) for r in rows.values()) or 1, 0
        try:
            for table in TABLES:
                for start in range(0, len(rows[table]), handover_file.BATCH):
                    batch = rows[table][start : start + handover_file.BATCH]
                    handover_file.write_rows(conn, table, batch)
                    done += len(batch)
                    progress.step(done, total, "Writing the hand-over file")
        except BaseException:
            handover_file.close(conn)
            raise
        handover_file.finish(conn, manifest)
        read_handover(part, passphrase, progress)  # proves the key, every page and every hash

    return build


def write_handover(
    vault: OpenVault,
    case_id: int,
    out: Path,
    passphrase: bytearray,
    *,
    to_worker: str,
    progress: Progress | None = None,
) -> HandoverResult:
    """Write one whole case into a new hand-over file and record it as shared.

    Raises:
        CaseClosed: a closed case is not handed over.
        DomainError: no new key worker was named.
        ExportNotWritten: the file could not be written there; nothing is left.
        Cancelled: the key worker pressed Cancel; nothing is left and nothing recorded.
    """
    progress = progress or Progress()
    worker = " ".join(to_worker.split())
    if not worker:
        raise DomainError("handover_needs_worker", "Say who is taking over the case.")
    case = vault.cases.get(case_id)
    if vault.closing.closure(case_id) is not None:
        raise CaseClosed()
    handed = _handed_over(case, worker)
    rows = vault.handovers.rows(case_id)
    progress.step(0, 1, "Reading the case")
    saved = {"id": case.id, "created_at": case.created_at}
    handed_case = Case.model_validate(handed.model_dump() | saved)
    rows["cases"] = [(case.id, case.created_at.isoformat(), handed_case.model_dump_json())]
    manifest = _manifest(vault, case, rows, worker)
    draft = DisclosureDraft(audience=HANDOVER_AUDIENCE, recipients=worker, purpose=PURPOSE)
    disclosure = write_and_record(
        vault,
        case_id,
        draft,
        out,
        Output(build=_builder(rows, manifest, passphrase, progress)),
        entry_ids=[int(r[0]) for r in rows["entries"]],
        protected=True,
        format="handover",
    )
    if handed.key_worker != case.key_worker or handed.allocations != case.allocations:
        vault.cases.update(case_id, handed)
    summary = _summary(manifest, disclosure.sha256)
    return HandoverResult(out, disclosure.sha256, disclosure, summary)


def _summary(manifest: dict[str, str], sha256: str) -> HandoverSummary:
    try:
        return HandoverSummary(
            handover_id=manifest["handover_id"],
            made_at=dt.datetime.fromisoformat(manifest["made_at"]),
            made_by=manifest["made_by"],
            to_worker=manifest["to_worker"],
            child_initials=manifest["child_initials"],
            counts={str(k): int(v) for k, v in json.loads(manifest["counts"]).items()},
            file_sha256=sha256,
        )
    except (KeyError, ValueError, TypeError, AttributeError):
        raise HandoverDamaged() from None


def read_handover(
    path: Path, passphrase: bytearray, progress: Progress | None = None
) -> tuple[HandoverSummary, Rows]:
    """Open a hand-over file read-only and check every table against its recorded hash.

    Raises:
        HandoverLocked: wrong passphrase, or the file is damaged.
        NotAHandover, HandoverTooNew: not a hand-over this fftimeline can read.
        HandoverDamaged: the rows do not match the hashes (changed or damaged).
    """
    progress = progress or Progress()
    conn = handover_file.open_for_reading(path, passphrase)
    try:
        manifest = handover_file.read_manifest(conn)
        held = handover_file.tables(handover_file.layout(conn))
        rows: Rows = {t: [] for t in TABLES}  # an earlier layout's missing tables are empty
        for number, table in enumerate(held, start=1):
            rows[table] = handover_file.read_rows(conn, table)
            progress.step(number, len(held), "Checking the hand-over file")
    finally:
        handover_file.close(conn)
    try:
        recorded = json.loads(manifest["digests"])
    except (KeyError, ValueError):
        raise HandoverDamaged() from None
    if recorded != {t: table_digest(rows[t]) for t in held}:
        raise HandoverDamaged()
    return _summary(manifest, file_sha256(path)), rows


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def import_handover(
    vault: OpenVault, path: Path, passphrase: bytearray, *, progress: Progress | None = None
) -> ImportResult:
    """Check a hand-over file and add its case to the vault, with new ids, in one transaction.

    The vault's key worker (``vault.actor``) becomes the case's key person.

    Raises:
        HandoverLocked, NotAHandover, HandoverTooNew, HandoverDamaged: nothing was imported.
        HandoverAlreadyImported: this hand-over is already in the vault.
        Cancelled: the key worker pressed Cancel; nothing was imported.
    """
    progress = progress or Progress()
    if _same_file(path, vault.path):
        # Never open the vault's own file by path while it is open: closing that second
        # handle would drop this process's lock on the vault (POSIX locks are per process).
        raise NotAHandover()
    summary, rows = read_handover(path, passphrase, progress)
    case_id = vault.handovers.receive(summary, parse(rows), progress)
    return ImportResult(case_id, summary)
