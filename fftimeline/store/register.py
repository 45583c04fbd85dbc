"""Register items of a case: linked people, places, vehicles, phones, handles (store layer).

Stored whole as JSON with the few columns the store filters by. They are changed in place
(schema version 2 keeps the earlier details); every change is audited by the service that
makes it. Tasks have their own module, `store.tasks`.
"""

from __future__ import annotations

from fftimeline.domain.people import Linked
from fftimeline.store import ids
from fftimeline.store.connection import Connection


def save_link(conn: Connection, case_id: int, item: Linked) -> Linked:
    """Insert a register item (``item.id is None``) or replace it; return it with its id."""
    if item.id is None:
        new_id = ids.next_id(conn, "links")
        item = item.model_copy(update={"id": new_id})
        conn.execute(
            "INSERT INTO links (id, case_id, kind, data) VALUES (?, ?, ?, ?)",
            (item.id, case_id, item.kind.value, item.model_dump_json()),
        )
    else:
        conn.execute(
            "UPDATE links SET kind = ?, data = ? WHERE id = ? AND case_id = ?",
            (item.kind.value, item.model_dump_json(), item.id, case_id),
        )
    return item


def link_case(conn: Connection, link_id: int) -> int | None:
    """The case a register item belongs to, or None when there is no such item."""
    row = conn.execute("SELECT case_id FROM links WHERE id = ?", (link_id,)).fetchone()
    return None if row is None else int(row[0])


def links(conn: Connection, case_id: int) -> list[Linked]:
    """Every register item of a case, in id order."""
    rows = conn.execute("SELECT data FROM links WHERE case_id = ? ORDER BY id", (case_id,))
    return [Linked.model_validate_json(r[0]) for r in rows]


def links_by_id(conn: Connection, case_id: int) -> dict[int, Linked]:
    """A case's register items keyed by id (for search text and link checks)."""
    return {item.id: item for item in links(conn, case_id) if item.id is not None}
