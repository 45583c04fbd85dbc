"""Creating, opening, checking and closing a vault: the entry point of the services.

`create_vault` and `open_vault` return an `OpenVault`, which holds the single-writer
lock on the file and the services the UI and command line call. The passphrase buffer
stays the caller's: it is handed to SQLCipher and never kept, so the caller can zero it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fftimeline.domain.errors import (
    DomainError,
    VaultExists,
    WeakPassphrase,
    WrongPassphraseOrDamaged,
)
from fftimeline.domain.passphrase import passphrase_problems
from fftimeline.services.backups import BackupService, Reason, backup_before_upgrade
from fftimeline.services.cases import CaseService
from fftimeline.services.chronology import ChronologyService
from fftimeline.services.closing import ClosingService
from fftimeline.services.disclosure_log import reconcile
from fftimeline.services.handover_vault import HandoverService
from fftimeline.services.meetings import MeetingService
from fftimeline.services.people import PeopleService
from fftimeline.services.records import (
    AuditService,
    DisclosureService,
    DraftService,
    PreferenceService,
)
from fftimeline.services.register import RegisterService
from fftimeline.services.safety_plans import SafetyPlanService
from fftimeline.services.tasks import TaskService
from fftimeline.services.wording import WordingService
from fftimeline.store.vault import VaultStore

__all__ = [
    "OpenVault",
    "VaultCheck",
    "create_vault",
    "open_vault",
    "passphrase_problems",
]


@dataclass(frozen=True)
class VaultCheck:
    """The result of checking a vault.

    Attributes:
        integrity_ok: the database structure is sound.
        cipher_ok: every encrypted page passes its HMAC check.
        audit_ok: the audit log's hash chain is intact.
        problems: what is wrong, in plain words ([] when all is well).
    """

    integrity_ok: bool
    cipher_ok: bool
    audit_ok: bool
    problems: list[str] = field(default_factory=list)
    backups: str = ""
    """Where the newest real backup is (or that there is none), in one plain sentence."""

    @property
    def ok(self) -> bool:
        """Whether all three checks passed."""
        return self.integrity_ok and self.cipher_ok and self.audit_ok


def _weak(passphrase: bytearray, names: Sequence[str] = ()) -> None:
    """Raise WeakPassphrase listing the reasons, if the new passphrase is too weak."""
    try:
        text = bytes(passphrase).decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    problems = passphrase_problems(text, names)
    del text
    if problems:
        raise WeakPassphrase("weak_passphrase", " ".join(problems))


class OpenVault:
    """An unlocked vault and the services over it.

    Attributes:
        path: the vault file.
        actor: who is working (recorded in history and audit).
    """

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self.path: Path = store.path
        self.actor = actor
        self.cases = CaseService(store, actor)
        self.entries = ChronologyService(store, actor)
        self.links = RegisterService(store, actor)
        self.tasks = TaskService(store, actor)
        self.meetings = MeetingService(store, self.entries, self.tasks)
        self.safety_plans = SafetyPlanService(store, actor)
        self.audit = AuditService(store)
        self.disclosures = DisclosureService(store, actor)
        self.drafts = DraftService(store)
        self.preferences = PreferenceService(store, actor)
        self.people = PeopleService(store)
        self.closing = ClosingService(store, actor)
        self.handovers = HandoverService(store, actor)
        self.notices: list[str] = []
        """What opening found and put right (an interrupted export), in plain words."""
        self.wording = WordingService(store)
        self.backups = BackupService(store, actor)

    def new_passphrase_problems(self, text: str) -> list[str]:
        """Why ``text`` would be too weak as this vault's passphrase ([] when it will do).

        The names of the children, family members and people in the registers of every
        case count against it: they are the first guesses of anyone who knows the work.
        """
        return passphrase_problems(text, self.cases.names_for_passphrase_check())

    def change_passphrase(self, new: bytearray, *, current: bytearray | None = None) -> None:
        """Re-encrypt the vault under a new passphrase, proved by reopening it.

        A verified backup is made first (under the passphrase in force now) and another
        after the change (under the new passphrase only).

        Args:
            new: the new passphrase; the caller zeroes it afterwards.
            current: optionally the passphrase in force now; when given, the change is
                also proved by checking that it no longer opens the vault.

        Raises:
            WeakPassphrase: the new passphrase is too weak (nothing changed).
            WrongPassphraseOrDamaged: ``current`` is not the passphrase (nothing changed).
            BackupNotMade, DiskFull: no backup could be made first (nothing changed).
        """
        _weak(new, self.cases.names_for_passphrase_check())
        if current is not None and not self._store.current_key_matches(current):
            raise WrongPassphraseOrDamaged()
        self.backups.make(Reason.BEFORE_PASSPHRASE_CHANGE)
        self._store.change_passphrase(new, current)
        with contextlib.suppress(DomainError):  # the change itself is done and proved
            self.backups.make(Reason.AFTER_PASSPHRASE_CHANGE)

    def check(self) -> VaultCheck:
        """Check the database, every encrypted page, and the audit chain.

        Raises:
            DiskFull: the disk is too full to check the vault completely (no verdict).
        """
        result = self._store.check()
        return VaultCheck(
            result.integrity_ok,
            result.cipher_ok,
            result.audit_ok,
            list(result.problems),
            self.backups.latest_hint(),
        )

    @property
    def closed(self) -> bool:
        """Whether the vault has been closed (locked)."""
        return self._store.closed

    def close(self, *, backup: bool = True) -> None:
        """Close the file, releasing the lock; safe to call twice.

        With ``backup`` (the default) the day's closing backup is made first when due. A
        backup that cannot be made never stops the vault closing. The app makes that
        backup itself, off the interface thread, then closes with ``backup=False``.
        """
        if backup and self.backups.due():
            with contextlib.suppress(DomainError):
                self.backups.make(Reason.CLOSING)
        self._store.close()


def create_vault(path: Path, passphrase: bytearray, *, actor: str) -> OpenVault:
    """Create a new, empty vault at ``path``.

    Raises:
        VaultExists: a file already exists at ``path``.
        WeakPassphrase: the passphrase is too weak (nothing is created).
    """
    if Path(path).exists():
        raise VaultExists()
    _weak(passphrase)
    return OpenVault(VaultStore.create(Path(path), passphrase, actor), actor)


def open_vault(
    path: Path, passphrase: bytearray, *, actor: str, failed_attempts: int = 0
) -> OpenVault:
    """Unlock an existing vault.

    ``failed_attempts`` is how many unlocks of this file failed since the last one that
    worked; they go into the audit log with this unlock (they could not be written before).
    An export interrupted last time is settled now (`disclosure_log.reconcile`); what was
    found is in ``notices`` for the app or command line to tell the user.

    Raises:
        VaultNotFound, NotAVault, WrongPassphraseOrDamaged, VaultTooNew, VaultInUse.
    """
    store = VaultStore.open(
        Path(path),
        passphrase,
        actor,
        failed_attempts=failed_attempts,
        before_migrating=lambda conn: backup_before_upgrade(Path(path), conn),
    )
    vault = OpenVault(store, actor)
    vault.notices = reconcile(vault)
    return vault
