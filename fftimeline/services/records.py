"""Audit, disclosure, draft and preference use cases on an open vault.

The audit log can be read and verified but never changed. A disclosure records one
export and adds its audit row in the same transaction. Drafts and preferences are small
values kept encrypted in the vault, never in files or settings outside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from fftimeline.domain.errors import NotFound
from fftimeline.domain.records import (
    AuditAction,
    AuditRecord,
    Disclosure,
    DisclosureDraft,
    DisclosureStatus,
)
from fftimeline.store import audit, cases, records
from fftimeline.store.connection import Connection
from fftimeline.store.vault import VaultStore


class AuditService:
    """The append-only, hash-chained log of every change, export and unlock."""

    def __init__(self, store: VaultStore) -> None:
        self._store = store

    def records(self, case_id: int | None = None) -> list[AuditRecord]:
        """Audit rows, oldest first; only those about one case when ``case_id`` is given."""
        with self._store.read() as conn:
            return audit.records(conn, case_id)

    def verify(self) -> int | None:
        """None when the chain is intact, else the first bad ``seq``."""
        with self._store.read() as conn:
            return audit.verify(conn)


class DisclosureService:
    """The record of what was exported, to whom and why.

    An export is recorded in steps (`services.disclosure_log`): `begin` records it as pending
    before the file is written, `finish` marks it done once the file is in place (with its
    audit row), and `abandon` removes a pending record whose file never got there.
    """

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def record(
        self,
        case_id: int,
        draft: DisclosureDraft,
        *,
        entry_ids: Sequence[int],
        file_name: str,
        sha256: str,
        protected: bool,
        format: str = "xlsx",
        pages: int | None = None,
    ) -> Disclosure:
        """Record one finished export or print (and its audit row) in one transaction."""
        with self._store.write() as conn:
            disclosure = self._new(
                conn,
                case_id,
                draft,
                entry_ids=tuple(entry_ids),
                file_name=file_name,
                sha256=sha256,
                protected=protected,
                format=format,
                pages=pages,
            )
            records.insert_disclosure(conn, disclosure)
            self._audit(conn, disclosure)
        return disclosure

    def begin(
        self,
        case_id: int,
        draft: DisclosureDraft,
        *,
        entry_ids: Sequence[int],
        out: Path,
        part_name: str,
        sha256: str,
        protected: bool,
        format: str = "xlsx",
        pages: int | None = None,
    ) -> Disclosure:
        """Record an export as pending before its file is written (no audit row yet)."""
        with self._store.write() as conn:
            disclosure = self._new(
                conn,
                case_id,
                draft,
                entry_ids=tuple(entry_ids),
                file_name=out.name,
                folder=str(out.parent),
                part_name=part_name,
                sha256=sha256,
                protected=protected,
                status=DisclosureStatus.PENDING,
                format=format,
                pages=pages,
            )
            records.insert_disclosure(conn, disclosure)
        return disclosure

    def set_hash(self, disclosure_id: int, sha256: str) -> Disclosure:
        """Note the SHA-256 of a pending export's file once it is known (before it is placed)."""
        return self._change_pending(disclosure_id, sha256=sha256)

    def finish(self, disclosure_id: int, *, recovered: bool = False) -> Disclosure:
        """Mark a pending export done (its file is in place) and add its audit row."""
        return self._change_pending(
            disclosure_id,
            status=DisclosureStatus.DONE,
            part_name="",
            audit_detail=" recovered=1" if recovered else "",
        )

    def abandon(self, disclosure_id: int) -> None:
        """Remove a pending export whose file never got there; audited by id only."""
        with self._store.write() as conn:
            pending = records.disclosure(conn, disclosure_id)
            if pending is None or not records.remove_pending(conn, disclosure_id):
                raise NotFound("pending export")
            event = audit.AuditEvent(
                AuditAction.EXPORT_ABANDONED, pending.case_id, detail=f"disclosure={pending.id}"
            )
            audit.append(conn, self._actor, [event])

    def get(self, disclosure_id: int) -> Disclosure | None:
        """One disclosure, pending or done, or None."""
        with self._store.read() as conn:
            return records.disclosure(conn, disclosure_id)

    def pending(self) -> list[Disclosure]:
        """Exports recorded as pending and not finished (interrupted)."""
        with self._store.read() as conn:
            return records.pending_disclosures(conn)

    def folders(self) -> list[str]:
        """Every folder an export has been saved in."""
        with self._store.read() as conn:
            return records.export_folders(conn)

    def disclosures(self, case_id: int) -> list[Disclosure]:
        """Every finished disclosure of a case, oldest first."""
        with self._store.read() as conn:
            return records.disclosures(conn, case_id)

    def _new(
        self, conn: Connection, case_id: int, draft: DisclosureDraft, **fields: object
    ) -> Disclosure:
        if not cases.exists(conn, case_id):
            raise NotFound("case")
        values = dict(draft.__dict__)
        values.update(
            id=records.next_disclosure_id(conn),
            case_id=case_id,
            at=dt.datetime.now(dt.UTC),
            by=self._actor,
        )
        values.update(fields)
        return Disclosure.model_validate(values)

    def _change_pending(
        self, disclosure_id: int, *, audit_detail: str | None = None, **update: object
    ) -> Disclosure:
        with self._store.write() as conn:
            pending = records.disclosure(conn, disclosure_id)
            if pending is None or pending.status is not DisclosureStatus.PENDING:
                raise NotFound("pending export")
            changed = pending.model_copy(update=update)
            records.replace_pending(conn, changed)
            if audit_detail is not None:
                self._audit(conn, changed, audit_detail)
        return changed

    def _audit(self, conn: Connection, disclosure: Disclosure, extra: str = "") -> None:
        detail = f"disclosure={disclosure.id} entries={len(disclosure.entry_ids)}{extra}"
        event = audit.AuditEvent(disclosure.action, disclosure.case_id, detail=detail)
        audit.append(conn, self._actor, [event])


class DraftService:
    """Unsaved editor text, kept encrypted in the vault across a lock."""

    def __init__(self, store: VaultStore) -> None:
        self._store = store

    def save(self, key: str, payload: str) -> None:
        """Keep the draft under ``key`` (replacing an older one)."""
        with self._store.write() as conn:
            records.save_draft(conn, key, payload)

    def load(self, key: str) -> str | None:
        """The draft under ``key``, or None."""
        with self._store.read() as conn:
            return records.load_draft(conn, key)

    def discard(self, key: str) -> None:
        """Forget the draft under ``key``."""
        with self._store.write() as conn:
            records.discard_draft(conn, key)


class PreferenceService:
    """Small JSON values kept in the vault (custom audiences, manual redactions).

    They change what an export shows, so every change is audited (by key, never by value).
    """

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def get(self, key: str) -> str | None:
        """The value under ``key``, or None."""
        with self._store.read() as conn:
            return records.get_preference(conn, key)

    def set(self, key: str, value: str) -> None:
        """Set the value under ``key``."""
        with self._store.write() as conn:
            records.set_preference(conn, key, value)
            event = audit.AuditEvent(AuditAction.PREFERENCE_CHANGED, detail=f"key={key}")
            audit.append(conn, self._actor, [event])
