"""Automatic and manual backups of a vault, and finding them again (services layer).

When backups are made:
    * before every schema upgrade and before every passphrase change (and once more
      after the change, so the newest backup opens with the new passphrase);
    * when the vault is closed or locked, at most once a day;
    * when the user asks (the app's Vault menu, ``fftimeline backup``).

Where: the folder the user chose for this vault (kept inside the vault), else
``NAME-backups`` beside the vault. Another drive is better: a backup beside the vault is
lost with the laptop. If the chosen folder cannot be reached (a memory stick not plugged
in), the backup goes beside the vault instead and says so.

Each backup is an encrypted copy made by SQLite (see `fftimeline.store.backup`), named
``NAME-20261202T153005Z-closing.fftbackup``: the vault's name, when (UTC) and why, never
anything about a case. Older backups are removed only after a new one has been verified:
the newest `KEEP_LAST` are kept, and one a day for `KEEP_DAYS` days before them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit, records
from fftimeline.store.backup import BackupNotMade, Progress, make_verified
from fftimeline.store.connection import Connection
from fftimeline.store.vault import VaultStore

SUFFIX = ".fftbackup"
KEEP_LAST = 5
KEEP_DAYS = 30
FOLDER_KEY = "backup-folder"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z-]+)\.fftbackup$")
_STAMP = "%Y%m%dT%H%M%SZ"


class Reason(StrEnum):
    """Why a backup was made (part of its file name)."""

    CLOSING = "closing"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_PASSPHRASE_CHANGE = "before-passphrase-change"
    AFTER_PASSPHRASE_CHANGE = "after-passphrase-change"


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a folder, known from its name alone (not unlocked)."""

    path: Path
    vault_name: str
    made_at: dt.datetime
    reason: str

    @classmethod
    def from_path(cls, path: Path) -> BackupFile | None:
        """The backup named ``path``, or None when the name is not one of ours."""
        match = _NAME.match(path.name)
        if match is None:
            return None
        made = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
        return cls(path, match["stem"], made, match["reason"])


def default_folder(vault_path: Path) -> Path:
    """``NAME-backups`` beside the vault."""
    return vault_path.parent / f"{vault_path.stem}-backups"


def find_backups(folder: Path, vault_name: str | None = None) -> list[BackupFile]:
    """Backups in ``folder`` (of one vault when ``vault_name`` is given), newest first."""
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    found = [b for b in map(BackupFile.from_path, names) if b is not None and b.path.is_file()]
    if vault_name is not None:
        found = [b for b in found if b.vault_name == vault_name]
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def when(moment: dt.datetime) -> str:
    """A backup's time in plain words, local time: '2 December 2026 at 15:30'."""
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def latest_hint(folder: Path, vault_name: str) -> str:
    """One plain sentence pointing to the newest real backup, or saying there is none."""
    found = find_backups(folder, vault_name)
    if not found:
        return f"No backups of this vault were found in {folder}."
    latest = found[0]
    return (
        f"Your latest backup is from {when(latest.made_at)}: {latest.path}. To restore it "
        f'into a new file: fftimeline restore "{latest.path}" --to NEW-VAULT.fft'
    )


def rotate(folder: Path, vault_name: str, now: dt.datetime | None = None) -> list[Path]:
    """Remove older backups of one vault beyond the newest few and one a day; return them."""
    now = now or dt.datetime.now(dt.UTC)
    found = find_backups(folder, vault_name)
    keep: set[Path] = {b.path for b in found[:KEEP_LAST]}
    days_kept: set[dt.date] = set()
    for b in found[KEEP_LAST:]:
        day = b.made_at.date()
        if (now - b.made_at).days < KEEP_DAYS and day not in days_kept:
            keep.add(b.path)
            days_kept.add(day)
    removed = [b.path for b in found if b.path not in keep]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def _ready(folder: Path) -> bool:
    """Make the folder (private to its owner) if needed; whether it can be written to."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _target(folder: Path, vault_name: str, reason: Reason, now: dt.datetime) -> Path:
    """A new backup's file name, stamped later than any other backup of this vault.

    Two backups made in the same second get different times, so the newest is the last made.
    """
    taken = {b.made_at for b in find_backups(folder, vault_name)}
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    while stamp in taken:
        stamp += dt.timedelta(seconds=1)
    return folder / f"{vault_name}-{stamp.strftime(_STAMP)}-{reason.value}{SUFFIX}"


class BackupService:
    """Backups of one open vault."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor
        self.fell_back = False
        """True when the last backup went beside the vault because the chosen folder failed."""

    @property
    def vault_name(self) -> str:
        """The vault's file name without its extension (the start of each backup's name)."""
        return self._store.path.stem

    def folder(self) -> Path:
        """Where this vault's backups go: the chosen folder, else beside the vault."""
        with self._store.read() as conn:
            chosen = records.get_preference(conn, FOLDER_KEY)
        return Path(chosen) if chosen else default_folder(self._store.path)

    def set_folder(self, folder: Path) -> None:
        """Choose where backups go (another drive is safer); recorded in the audit log."""
        if not _ready(folder):
            raise DomainError(
                "backup_folder_unusable",
                f"Backups cannot be saved in {folder}. Choose a folder you can save to.",
            )
        with self._store.write() as conn:
            records.set_preference(conn, FOLDER_KEY, str(folder.absolute()))
            event = audit.AuditEvent(AuditAction.PREFERENCE_CHANGED, detail=f"key={FOLDER_KEY}")
            audit.append(conn, self._actor, [event])

    def backups(self) -> list[BackupFile]:
        """This vault's backups in its folder, newest first (not unlocked)."""
        return find_backups(self.folder(), self.vault_name)

    def latest_hint(self) -> str:
        """A sentence pointing to the newest real backup (for `check`'s messages)."""
        return latest_hint(self.folder(), self.vault_name)

    def due(self, now: dt.datetime | None = None) -> bool:
        """Whether closing should make a backup: none yet today, and the vault seems sound."""
        if self._store.closed or self._store.damage_seen:
            return False
        today = (now or dt.datetime.now(dt.UTC)).astimezone().date()
        return not any(b.made_at.astimezone().date() == today for b in self.backups())

    def make(self, reason: Reason, progress: Progress | None = None) -> BackupFile:
        """Make, verify and record a backup, then rotate out older ones.

        Raises:
            BackupNotMade: neither the chosen folder nor the one beside the vault would do.
            BackupStopped: ``progress`` asked to stop.
            DiskFull: the disk filled up; nothing was left behind.
        """
        folder = self._writable_folder()
        now = dt.datetime.now(dt.UTC)
        target = _target(folder, self.vault_name, reason, now)
        self._store.backup_to(target, progress)
        with self._store.write() as conn:
            detail = f"file={target.name} reason={reason.value}"
            audit.append(
                conn, self._actor, [audit.AuditEvent(AuditAction.BACKUP_MADE, detail=detail)]
            )
        rotate(folder, self.vault_name, now)
        made = BackupFile.from_path(target)
        if made is None:  # a vault name our pattern cannot read back
            raise BackupNotMade(f"the file name {target.name} could not be read back.")
        return made

    def _writable_folder(self) -> Path:
        self.fell_back = False
        chosen = self.folder()
        if _ready(chosen):
            return chosen
        beside = default_folder(self._store.path)
        if beside != chosen and _ready(beside):
            self.fell_back = True
            return beside
        raise BackupNotMade(f"the folder {chosen} cannot be reached or written to.")


def backups_beside(vault_path: Path) -> list[BackupFile]:
    """Backups of a vault in its default folder (used when the vault cannot be unlocked)."""
    return find_backups(default_folder(vault_path), vault_path.stem)


def backup_before_upgrade(vault_path: Path, conn: Connection) -> None:
    """The backup made on opening, just before the vault's schema is upgraded.

    Raises:
        BackupNotMade, DiskFull: no backup could be made; the vault is then not upgraded.
    """
    chosen = records.get_preference(conn, FOLDER_KEY)
    folders = [Path(chosen)] if chosen else []
    folders.append(default_folder(vault_path))
    folder = next((f for f in folders if _ready(f)), None)
    if folder is None:
        raise BackupNotMade(f"the folder {folders[0]} cannot be reached or written to.")
    now = dt.datetime.now(dt.UTC)
    target = _target(folder, vault_path.stem, Reason.BEFORE_UPGRADE, now)
    make_verified(conn, target)
    rotate(folder, vault_path.stem, now)
