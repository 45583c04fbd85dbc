"""Looking inside backups and restoring one into a vault file (services layer).

A backup is unlocked read-only to show what it holds (cases, entries, when), so looking
never changes it. Restoring copies it into a *new* file, proves the copy (every page, the
structure, the audit chain), records the restore in the copy's audit log, and only then
puts it in place. Restoring over an existing vault needs ``replace=True`` (the app and
the command line ask first) and never destroys it: the existing file, with its ``-wal``,
is kept beside it as ``NAME-replaced-WHEN.fft``. A vault open in this process is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fftimeline.domain.errors import DomainError, VaultError, VaultExists
from fftimeline.domain.records import AuditAction
from fftimeline.services.backups import BackupFile
from fftimeline.store import audit, backup, held
from fftimeline.store.backup import BackupFacts, BackupNotMade
from fftimeline.store.connection import remove_vault_files
from fftimeline.store.vault import VaultStore


@dataclass(frozen=True)
class BackupSummary:
    """One backup as the restore list shows it.

    Attributes:
        file: the backup file and when/why it was made.
        facts: cases and entries in it, or None when it did not open.
        problem: why it did not open, in plain words ("" when it did).
    """

    file: BackupFile
    facts: BackupFacts | None
    problem: str = ""


@dataclass(frozen=True)
class Restored:
    """The result of a restore: where the vault now is, and where the replaced one was kept."""

    vault: Path
    facts: BackupFacts
    kept_as: Path | None


def describe(files: Sequence[BackupFile], passphrase: bytearray) -> list[BackupSummary]:
    """Unlock each backup read-only with ``passphrase`` and say what it holds."""
    out: list[BackupSummary] = []
    for f in files:
        try:
            out.append(BackupSummary(f, backup.read_facts(f.path, passphrase)))
        except DomainError as exc:
            out.append(BackupSummary(f, None, _why_not(exc)))
    return out


def _why_not(exc: DomainError) -> str:
    if exc.code == "wrong_passphrase_or_damaged":
        return (
            "Does not open with this passphrase (it may have been made before a "
            "passphrase change), or it is damaged."
        )
    return exc.message


def restore(
    backup_path: Path, passphrase: bytearray, target: Path, *, actor: str, replace: bool = False
) -> Restored:
    """Restore ``backup_path`` into ``target``; see the module notes.

    Raises:
        VaultExists: ``target`` exists and ``replace`` is False.
        VaultInUse: ``target`` is open in this program (lock it first).
        WrongPassphraseOrDamaged: the passphrase does not open the backup.
        BackupNotMade: the backup, or the restored copy, failed its checks.
        DiskFull: there is no room for the copy (nothing was changed).
    """
    exists = target.exists() or target.is_symlink()
    if exists:
        held.refuse_if_open_anywhere(target)
    else:
        held.refuse_if_held(target)
    if exists and not replace:
        raise VaultExists()
    if not target.parent.is_dir():
        raise DomainError("folder_missing", f"There is no folder at {target.parent}.")
    work = (
        target.with_name(f".{target.name}.restoring-{secrets.token_hex(4)}") if exists else target
    )
    facts = backup.restore_into(backup_path, passphrase, work)
    try:
        _prove_and_record(work, passphrase, actor, backup_path)
    except BaseException:
        remove_vault_files(work)
        raise
    kept = _set_aside(target) if exists else None
    if work != target:
        os.replace(work, target)
    return Restored(target, facts, kept)


def _prove_and_record(path: Path, passphrase: bytearray, actor: str, source: Path) -> None:
    """Open the restored copy, check it whole and record where it came from."""
    try:
        store = VaultStore.open(path, passphrase, actor)
    except VaultError as exc:
        raise BackupNotMade(f"the restored copy did not open ({exc.message})") from None
    try:
        result = store.check()
        if not (result.integrity_ok and result.cipher_ok and result.audit_ok):
            raise BackupNotMade(" ".join(result.problems))
        made = BackupFile.from_path(source)
        detail = f"from={source.name}" + (f" made={made.made_at.isoformat()}" if made else "")
        with store.write() as conn:
            audit.append(conn, actor, [audit.AuditEvent(AuditAction.RESTORED, detail=detail)])
    finally:
        store.close()


def _set_aside(target: Path) -> Path:
    """Keep the file being replaced (and its -wal) beside it under a dated name."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = target.with_name(f"{target.stem}-replaced-{stamp}{target.suffix}")
    os.replace(target, kept)
    for side in ("-wal", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{target}{side}", f"{kept}{side}")
    return kept
