"""Audit and disclosure records (domain layer).

The audit log is append-only and hash-chained: each record's hash covers the previous
record's hash, so editing any past row breaks the chain. A disclosure is the record of one
export: what went to whom, why, and the SHA-256 of the file.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.domain.errors import rule_error


class AuditAction(StrEnum):
    """What an audit record is about."""

    VAULT_CREATED = "vault-created"
    UNLOCKED = "unlocked"
    UNLOCK_FAILED = "unlock-failed"
    PASSPHRASE_CHANGED = "passphrase-changed"
    CASE_ADDED = "case-added"
    CASE_CHANGED = "case-changed"
    ENTRY_ADDED = "entry-added"
    ENTRY_AMENDED = "entry-amended"
    ENTRY_RETRACTED = "entry-retracted"
    LINK_SAVED = "link-saved"
    TASK_SAVED = "task-saved"
    EXPORTED = "exported"
    PREFERENCE_CHANGED = "preference-changed"
    MIGRATED = "migrated"
    BACKUP_MADE = "backup-made"
    RESTORED = "restored-from-backup"
    EXPORT_ABANDONED = "export-abandoned"
    HANDED_OVER = "handed-over"
    HANDOVER_RECEIVED = "handover-received"
    CASE_CLOSED = "case-closed"
    CASE_PURGED = "case-purged"


class AuditRecord(BaseModel):
    """One row of the audit log. ``detail`` names ids and counts, never case content."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    seq: int
    at: dt.datetime
    actor: str
    action: AuditAction
    case_id: int | None = None
    entry_id: int | None = None
    detail: str = ""
    prev_hash: str
    hash: str


class DisclosureStatus(StrEnum):
    """Where the record of an export has got to.

    An export is recorded as pending before its file is written, and done once the file is
    in place; a pending record found on the next open is reconciled with what is on disk.
    """

    PENDING = "pending"
    DONE = "done"


HANDOVER_AUDIENCE = "hand-over"
"""The audience of the disclosure that records a hand-over of the whole case."""


class DisclosureDraft(BaseModel):
    """What the key person says about an export before it is written.

    Attributes:
        audience: the audience's slug.
        recipients: who it goes to.
        purpose: why it is shared.
        child_wish_entries: entries going out although the child asked that this audience
            is not told (`services.child_wishes`).
        child_wish_reason: why the key worker shared them anyway (required with them).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    audience: str = Field(min_length=1)
    recipients: str = Field(min_length=1, max_length=2000)
    purpose: str = Field(min_length=1, max_length=2000)
    child_wish_entries: tuple[int, ...] = ()
    child_wish_reason: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.child_wish_entries and not self.child_wish_reason:
            raise rule_error(
                "child_wish_needs_reason",
                "The child asked that this audience is not told about some entries: say why "
                "they are shared anyway.",
            )
        return self


class Disclosure(DisclosureDraft):
    """The record of one export or print.

    ``format`` is "xlsx", "pdf", "print" (a print has no file: its ``file_name`` is
    `PRINTED`) or "handover"; ``pages`` is how many pages a PDF or print has (None for a
    spreadsheet).
    """

    id: int
    case_id: int
    at: dt.datetime
    by: str
    entry_ids: tuple[int, ...]
    file_name: str
    sha256: str
    protected: bool = False
    status: DisclosureStatus = DisclosureStatus.DONE
    folder: str = ""
    """The folder the file was saved in (recorded from schema version 3)."""
    part_name: str = ""
    """While pending: the name of the hidden part file being written in ``folder``."""
    format: str = "xlsx"
    pages: int | None = None

    @property
    def action(self) -> AuditAction:
        """The audit action that records this disclosure once done."""
        if self.audience == HANDOVER_AUDIENCE:
            return AuditAction.HANDED_OVER
        return AuditAction.EXPORTED


PRINTED = "(printed)"
"""The file name recorded for a print, which leaves no file behind."""
