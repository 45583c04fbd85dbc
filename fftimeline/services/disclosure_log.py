"""Write an output file and record its disclosure so that the two always agree (services).

Every output a key worker shares (the spreadsheet export, a hand-over file, and later the
printed/PDF timeline) goes through `write_and_record`:

1. the disclosure is recorded as *pending*, with the folder, the final name, the name of the
   hidden part file and (when known) the file's SHA-256, and committed;
2. the bytes are written to the part file and flushed to the disk;
3. the part file is renamed over the target, and the folder flushed;
4. the disclosure is marked *done*, with its audit row, and committed.

A crash at any point leaves a pending record, and `reconcile` (run by `open_vault` on the next
open) settles it: if the file is in place with the recorded SHA-256 it is recorded now; if not,
any part file is removed and the pending record dropped (audited by id). Either way the user is
told in plain words. Stray part files left by earlier versions in the folders exports were
saved to are removed too. So a shared file always has its record, and no unfinished (and
unprotected) copy of an export is ever left behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import (
    HANDOVER_AUDIENCE,
    Disclosure,
    DisclosureDraft,
    DisclosureStatus,
)
from fftimeline.export.files import (
    file_sha256,
    new_part,
    part_files,
    place,
    remove_part,
    sha256_hex,
    sync_file,
    write_part,
)

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

STRAY_AGE_S = 60.0
"""A part file no pending record names is removed only once it is this old: a younger one
may belong to another vault's export that is being written right now."""


@dataclass(frozen=True)
class Output:
    """The file to write: its bytes, or a function that builds it at the path it is given.

    A builder (a hand-over file made by SQLCipher) must create the file at that path and
    nothing else; its SHA-256 is taken once it is built.
    """

    data: bytes | None = None
    build: Callable[[Path], None] | None = None


def write_and_record(
    vault: OpenVault,
    case_id: int,
    draft: DisclosureDraft,
    out: Path,
    output: Output,
    *,
    entry_ids: Sequence[int],
    protected: bool,
    format: str = "xlsx",
    pages: int | None = None,
) -> Disclosure:
    """Write ``output`` to ``out`` and record the disclosure; the record is done on return.

    ``format`` ("xlsx", "pdf", "handover") and ``pages`` are kept in the record.

    Raises:
        ExportNotWritten: the folder is missing or the disk refused; nothing is left there.
        VaultError: the record could not be written; no file is left without its record.
    """
    out = out.absolute()
    part = new_part(out.parent)
    sha = sha256_hex(output.data) if output.data is not None else ""
    pending = vault.disclosures.begin(
        case_id,
        draft,
        entry_ids=entry_ids,
        out=out,
        part_name=part.name,
        sha256=sha,
        protected=protected,
        format=format,
        pages=pages,
    )
    try:
        if output.data is not None:
            write_part(part, output.data)
        else:
            assert output.build is not None
            output.build(part)
            sync_file(part)
            sha = file_sha256(part)
            vault.disclosures.set_hash(pending.id, sha)
        place(part, out)
        return vault.disclosures.finish(pending.id)
    except BaseException:
        _undo(vault, pending.id, part, out, sha)
        raise


def _undo(vault: OpenVault, disclosure_id: int, part: Path, out: Path, sha: str) -> None:
    """After a failure: no part file, and no file in place without its record."""
    remove_part(part)
    try:
        state = vault.disclosures.get(disclosure_id)
    except DomainError:
        return  # the vault cannot say (locked, disk gone): the next open reconciles both
    if state is None or state.status is DisclosureStatus.DONE:
        return
    if sha and _holds(out, sha):
        with contextlib.suppress(OSError):
            out.unlink()
    with contextlib.suppress(DomainError):
        vault.disclosures.abandon(disclosure_id)


def _holds(path: Path, sha: str) -> bool:
    """Whether ``path`` is a file with exactly this SHA-256 (so it is the one we wrote)."""
    try:
        return path.is_file() and file_sha256(path) == sha
    except OSError:
        return False


def _what(disclosure: Disclosure) -> str:
    return "A hand-over" if disclosure.audience == HANDOVER_AUDIENCE else "An export"


def _day(moment: dt.datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local.strftime('%B')}"


def _settle(vault: OpenVault, pending: Disclosure) -> str:
    """Make one interrupted export's file and record agree; say what was found."""
    what, day = _what(pending), _day(pending.at)
    folder = Path(pending.folder)
    if not pending.folder or not folder.is_dir():
        return (
            f"{what} of {day} was interrupted, and its folder ({folder}) cannot be reached "
            "now. It will be checked the next time the vault is opened."
        )
    removed = bool(pending.part_name) and remove_part(folder / pending.part_name)
    if pending.sha256 and _holds(folder / pending.file_name, pending.sha256):
        vault.disclosures.finish(pending.id, recovered=True)
        return (
            f"{what} of {day} was interrupted; the file was written; it is now recorded in "
            "What was shared."
        )
    vault.disclosures.abandon(pending.id)
    if removed:
        return f"{what} of {day} was interrupted; the file was not finished and has been removed."
    return f"{what} of {day} was interrupted before the file was written; nothing was saved."


def _sweep(folders: Sequence[str], now: float) -> list[str]:
    """Remove stray part files (old enough) from the folders exports were saved in."""
    notes = []
    for name in folders:
        folder = Path(name)
        old = [p for p in part_files(folder) if _age(p, now) >= STRAY_AGE_S]
        removed = sum(1 for p in old if remove_part(p))
        if removed == 1:
            notes.append(
                f"An unfinished export file left in {folder} by an earlier interruption "
                "has been removed."
            )
        elif removed:
            notes.append(
                f"{removed} unfinished export files left in {folder} by an earlier "
                "interruption have been removed."
            )
    return notes


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def reconcile(vault: OpenVault) -> list[str]:
    """Settle every interrupted export of this vault; plain-words notes for the user.

    Run when a vault is opened. Returns [] when nothing was interrupted.
    """
    notes = [_settle(vault, pending) for pending in vault.disclosures.pending()]
    return notes + _sweep(vault.disclosures.folders(), time.time())
