"""Audit, disclosure, draft and preference use cases on an open vault.

The audit log can be read and verified but never changed. A disclosure records one
export and adds its audit row in the same transaction. Drafts and preferences are small
values kept encrypted in the vault, never in files or settings outside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fftimeline.domain.errors import NotFound
from fftimeline.domain.records import AuditAction, AuditRecord, Disclosure, DisclosureDraft
from fftimeline.store import audit, cases, records
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
    """The record of what was exported, to whom and why."""

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
        """Record one export or print (and its audit row) in one transaction."""
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            fields = dict(draft.__dict__)
            fields.update(
                id=records.next_disclosure_id(conn),
                case_id=case_id,
                at=dt.datetime.now(dt.UTC),
                by=self._actor,
                entry_ids=tuple(entry_ids),
                file_name=file_name,
                sha256=sha256,
                protected=protected,
                format=format,
                pages=pages,
            )
            disclosure = Disclosure.model_validate(fields)
            records.insert_disclosure(conn, disclosure)
            detail = f"disclosure={disclosure.id} entries={len(disclosure.entry_ids)}"
            event = audit.AuditEvent(AuditAction.EXPORTED, case_id, detail=detail)
            audit.append(conn, self._actor, [event])
        return disclosure

    def disclosures(self, case_id: int) -> list[Disclosure]:
        """Every disclosure of a case, oldest first."""
        with self._store.read() as conn:
            return records.disclosures(conn, case_id)


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
