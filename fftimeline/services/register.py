"""Register use cases: the people, places, vehicles, phones and handles linked to a case.

Renaming a register item re-indexes the entries that link to it, so search by a new
name or nickname works at once. Each write is one audited transaction. Tasks have their
own service, `services.tasks`.
"""

from __future__ import annotations

from fftimeline.domain.errors import NotFound
from fftimeline.domain.people import Linked
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit, cases, closures, register, search
from fftimeline.store import entries as entry_repo
from fftimeline.store.earlier import Kept, earlier
from fftimeline.store.vault import VaultStore


class RegisterService:
    """People, places, vehicles, phone numbers and handles linked to a case."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def items(self, case_id: int) -> list[Linked]:
        """Every register item of a case."""
        with self._store.read() as conn:
            return register.links(conn, case_id)

    def save(self, case_id: int, item: Linked) -> Linked:
        """Insert the item when ``item.id`` is None, else update it; return it saved."""
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            closures.refuse_if_closed(conn, case_id)
            if item.id is not None and register.link_case(conn, item.id) != case_id:
                raise NotFound("register item")
            saved = register.save_link(conn, case_id, item)
            assert saved.id is not None
            if item.id is not None:
                linking = entry_repo.current_many(conn, entry_repo.ids_linking(conn, saved.id))
                search.reindex(conn, linking, register.links_by_id(conn, case_id))
            event = audit.AuditEvent(AuditAction.LINK_SAVED, case_id, detail=f"link={saved.id}")
            audit.append(conn, self._actor, [event])
        return saved

    def earlier_details(self, item_id: int) -> list[Linked]:
        """How a register item read before each change, oldest first."""
        with self._store.read() as conn:
            return [Linked.model_validate_json(j) for j in earlier(conn, Kept.LINK, item_id)]
