"""Chronology use cases: add, amend, retract, list, history and search entries.

Every write is one transaction that also updates the search index and the audit log,
and returns only after COMMIT: a returned entry is saved. Nothing is overwritten: an
amendment or a retraction is a new version, and every version stays in the history.

A new version meets the rules for what is written from now on
(`entries.check_before_saving`); a serious risk's next action is due within 24 hours
unless a date is given, and becomes a task in the same transaction (`urgent_actions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import TypeAdapter

from fftimeline.domain.dates import today
from fftimeline.domain.entries import Entry, EntryDraft, check_before_saving, with_default_due
from fftimeline.domain.errors import DomainError, NotFound
from fftimeline.domain.people import Linked
from fftimeline.domain.records import AuditAction
from fftimeline.domain.sources import Source
from fftimeline.services.urgent_actions import sync_action_tasks
from fftimeline.store import audit, cases, closures, register, search
from fftimeline.store import entries as repo
from fftimeline.store.connection import Connection
from fftimeline.store.vault import VaultStore

_ENTRIES = TypeAdapter(list[Entry])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _check_links(draft: EntryDraft, links: Mapping[int, Linked]) -> None:
    unknown = [i for i in draft.link_ids if i not in links]
    if unknown:
        raise DomainError(
            "unknown_link", "This entry links to someone or something not in the case's register."
        )


def _added_event(case_id: int, saved: Sequence[Entry]) -> audit.AuditEvent:
    """One audit row for entries added together: the first id and how many."""
    if len(saved) == 1:
        return audit.AuditEvent(AuditAction.ENTRY_ADDED, case_id, saved[0].id)
    detail = f"count={len(saved)} ids={saved[0].id}-{saved[-1].id}"
    return audit.AuditEvent(AuditAction.ENTRY_ADDED, case_id, saved[0].id, detail)


def _ready(draft: EntryDraft) -> EntryDraft:
    """The draft as it will be saved: its next action's default due date, checked."""
    draft = with_default_due(draft, today())
    check_before_saving(draft)
    return draft


def _reason(reason: str, code: str, message: str) -> str:
    text = reason.strip()
    if not text:
        raise DomainError(code, message)
    return text


class ChronologyService:
    """The entries of the chronology, for the UI and the command line."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    # Reading ------------------------------------------------------------------
    def entries(self, case_id: int, *, include_retracted: bool = True) -> list[Entry]:
        """Latest version of every entry of a case, in chronological order."""
        with self._store.read() as conn:
            return repo.list_current(conn, case_id, include_retracted)

    def get(self, entry_id: int) -> Entry:
        """The latest version of one entry."""
        with self._store.read() as conn:
            return self._current(conn, entry_id)

    def history(self, entry_id: int) -> list[Entry]:
        """Every version of an entry, oldest first."""
        with self._store.read() as conn:
            versions = repo.history(conn, entry_id)
        if not versions:
            raise NotFound("entry")
        return versions

    def withheld_sources(self) -> dict[int, list[Source]]:
        """Every withheld source in any version of any entry, by case (for the leak check)."""
        with self._store.read() as conn:
            return repo.withheld_sources(conn)

    def search(self, query: str, *, case_id: int | None = None, limit: int = 500) -> list[int]:
        """Ids of entries matching the words typed, best first."""
        with self._store.read() as conn:
            return search.search(conn, query, case_id, limit)

    # Writing ------------------------------------------------------------------
    def add(self, case_id: int, draft: EntryDraft) -> Entry:
        """Save a new entry in a case."""
        return self.add_many(case_id, [draft])[0]

    def add_many(self, case_id: int, drafts: Sequence[EntryDraft]) -> list[Entry]:
        """Save several new entries in one transaction (all or none)."""
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            closures.refuse_if_closed(conn, case_id)
            links = register.links_by_id(conn, case_id)
            first = repo.next_id(conn)
            now = _now()
            drafts = [_ready(d) for d in drafts]
            for draft in drafts:
                _check_links(draft, links)
            saved = _ENTRIES.validate_python(
                [self._fields(d, first + i, case_id, now) for i, d in enumerate(drafts)]
            )
            repo.insert_new(conn, saved)
            search.index(conn, saved, links)
            if saved:
                audit.append(conn, self._actor, [_added_event(case_id, saved)])
            sync_action_tasks(conn, saved, self._actor)
        return saved

    def amend(self, entry_id: int, draft: EntryDraft, reason: str) -> Entry:
        """Save a new version of an entry, with the reason for the change."""
        why = _reason(reason, "amendment_needs_reason", "Say why the entry is being changed.")
        draft = _ready(draft)
        with self._store.write() as conn:
            old = self._current(conn, entry_id)
            closures.refuse_if_closed(conn, old.case_id)
            links = register.links_by_id(conn, old.case_id)
            _check_links(draft, links)
            extra = {
                "version": old.version + 1,
                "amendment_reason": why,
                "retracted_at": old.retracted_at,
                "retraction_reason": old.retraction_reason,
            }
            new = self._entry(draft, entry_id, old.case_id, _now(), **extra)
            self._save_version(conn, new, links, AuditAction.ENTRY_AMENDED)
            sync_action_tasks(conn, [new], self._actor)
        return new

    def retract(self, entry_id: int, reason: str) -> Entry:
        """Withdraw an entry with a reason; it stays in the history."""
        why = _reason(reason, "retraction_needs_reason", "Say why the entry is being withdrawn.")
        with self._store.write() as conn:
            old = self._current(conn, entry_id)
            closures.refuse_if_closed(conn, old.case_id)
            if old.retracted:
                raise DomainError("already_retracted", "This entry has already been withdrawn.")
            now = _now()
            new = old.model_copy(
                update={
                    "version": old.version + 1,
                    "recorded_at": now,
                    "recorded_by": self._actor,
                    "amendment_reason": "",
                    "retracted_at": now,
                    "retraction_reason": why,
                }
            )
            links = register.links_by_id(conn, old.case_id)
            self._save_version(conn, new, links, AuditAction.ENTRY_RETRACTED)
        return new

    # Helpers --------------------------------------------------------------------
    def _fields(
        self, draft: EntryDraft, entry_id: int, case_id: int, now: dt.datetime, **extra: Any
    ) -> dict[str, Any]:
        fields = dict(draft.__dict__)
        fields.update(id=entry_id, case_id=case_id, recorded_at=now, recorded_by=self._actor)
        fields.update(extra)
        return fields

    def _entry(
        self, draft: EntryDraft, entry_id: int, case_id: int, now: dt.datetime, **extra: Any
    ) -> Entry:
        return Entry.model_validate(self._fields(draft, entry_id, case_id, now, **extra))

    def _save_version(
        self, conn: Connection, entry: Entry, links: Mapping[int, Linked], action: AuditAction
    ) -> None:
        repo.insert_version(conn, entry)
        search.reindex(conn, [entry], links)
        event = audit.AuditEvent(action, entry.case_id, entry.id, f"version={entry.version}")
        audit.append(conn, self._actor, [event])

    @staticmethod
    def _current(conn: Connection, entry_id: int) -> Entry:
        entry = repo.current(conn, entry_id)
        if entry is None:
            raise NotFound("entry")
        return entry
