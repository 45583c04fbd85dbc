"""Case use cases: the case list, adding a case and changing its details.

Each write is one transaction with its audit row; a returned case is saved.
"""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.cases import Case, CaseDraft, CaseSummary, record_allocation
from fftimeline.domain.dates import today
from fftimeline.domain.errors import NotFound
from fftimeline.domain.people import LinkKind
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit, cases, closures, register
from fftimeline.store.earlier import Kept, earlier
from fftimeline.store.vault import VaultStore


class CaseService:
    """The cases (children and their families) kept in the vault."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def summaries(self) -> list[CaseSummary]:
        """Every case with its counts, open and overdue tasks and last serious risk."""
        with self._store.read() as conn:
            return cases.summaries(conn)

    def every_case(self) -> list[Case]:
        """Every case's details, in id order (no counts: quicker than `summaries`)."""
        with self._store.read() as conn:
            return cases.all_cases(conn)

    def get(self, case_id: int) -> Case:
        """One case."""
        with self._store.read() as conn:
            case = cases.get(conn, case_id)
        if case is None:
            raise NotFound("case")
        return case

    def add(self, draft: CaseDraft) -> Case:
        """Save a new case."""
        draft = record_allocation(draft, None, today())
        with self._store.write() as conn:
            fields = dict(draft.__dict__)
            fields.update(id=cases.next_id(conn), created_at=dt.datetime.now(dt.UTC))
            case = Case.model_validate(fields)
            cases.insert(conn, case)
            audit.append(conn, self._actor, [audit.AuditEvent(AuditAction.CASE_ADDED, case.id)])
        return case

    def update(self, case_id: int, draft: CaseDraft, *, correction: bool = False) -> Case:
        """Save changed details of a case.

        A new key worker's name records a hand-over (the key-person history); with
        ``correction`` the change corrects how the same key worker's name was written.
        """
        with self._store.write() as conn:
            old = cases.get(conn, case_id)
            if old is None:
                raise NotFound("case")
            closures.refuse_if_closed(conn, case_id)
            fields = dict(record_allocation(draft, old, today(), correction=correction).__dict__)
            fields.update(id=case_id, created_at=old.created_at)
            case = Case.model_validate(fields)
            cases.replace(conn, case)
            audit.append(conn, self._actor, [audit.AuditEvent(AuditAction.CASE_CHANGED, case_id)])
        return case

    def names_for_passphrase_check(self) -> list[str]:
        """Every child's, family member's and register person's name and nickname.

        A new passphrase made of these would be among the first guesses of anyone who
        knows the work, so `passphrase_problems` counts them against it.
        """
        names: list[str] = []
        with self._store.read() as conn:
            for case in cases.all_cases(conn):
                names += [case.child_name, case.known_as, *(m.name for m in case.family)]
                for item in register.links(conn, case.id):
                    if item.kind is LinkKind.PERSON:
                        names += [item.name, *item.nicknames]
        return [n for n in names if n]

    def earlier_details(self, case_id: int) -> list[Case]:
        """How the case's details read before each change, oldest first."""
        with self._store.read() as conn:
            return [Case.model_validate_json(j) for j in earlier(conn, Kept.CASE, case_id)]
