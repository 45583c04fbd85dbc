"""Closing a case and, once its retention date has come, purging it (services layer, Qt-free).

Closing records why and until when the case is kept, and makes it read-only. Purging deletes
every row of the case in one transaction (with the audit row that records it: case id,
counts, who and a fixed reason, never content), then rewrites the file so nothing of the
case is left in free pages or in the WAL.
"""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.closing import (
    CaseClosure,
    ClosureDraft,
    PurgeNotAllowed,
    PurgeReason,
    PurgeReport,
)
from fftimeline.domain.dates import today
from fftimeline.domain.errors import NotFound
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit, cases, closures, purge
from fftimeline.store.vault import VaultStore


class ClosingService:
    """The end of a case: close it, see its closure, purge it."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def closure(self, case_id: int) -> CaseClosure | None:
        """The case's closure, or None while it is open."""
        with self._store.read() as conn:
            return closures.closure(conn, case_id)

    def close(self, case_id: int, draft: ClosureDraft) -> CaseClosure:
        """Close a case: from now on it is read-only and kept until ``draft.retain_until``."""
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            closures.refuse_if_closed(conn, case_id)
            closure = CaseClosure(
                case_id=case_id,
                closed_at=dt.datetime.now(dt.UTC),
                closed_by=self._actor,
                reason=draft.reason,
                retain_until=draft.retain_until,
            )
            closures.insert(conn, closure)
            detail = f"retain_until={closure.retain_until.isoformat()}"
            event = audit.AuditEvent(AuditAction.CASE_CLOSED, case_id, detail=detail)
            audit.append(conn, self._actor, [event])
        return closure

    def purge(self, case_id: int, reason: PurgeReason) -> PurgeReport:
        """Delete every trace of a closed case past its retention date, then compact the file.

        Raises:
            PurgeNotAllowed: the case is open, or kept for longer; nothing was changed.
            NotFound: there is no such case.
        """
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            closure = closures.closure(conn, case_id)
            if closure is None or not closure.purge_allowed(today()):
                raise PurgeNotAllowed(closure)
            report = PurgeReport(
                case_id=case_id, reason=reason, counts=purge.purge_case(conn, case_id)
            )
            event = audit.AuditEvent(AuditAction.CASE_PURGED, case_id, detail=report.detail())
            audit.append(conn, self._actor, [event])
        self._store.compact()
        return report
