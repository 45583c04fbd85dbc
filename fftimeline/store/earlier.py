"""Earlier details of cases, register items and tasks (store layer).

From schema version 2 a trigger copies the previous JSON of a case, a person/place/vehicle
or a task into ``earlier_details`` whenever it changes. This module reads them back.
"""

from __future__ import annotations

from enum import StrEnum

from fftimeline.store.connection import Connection


class Kept(StrEnum):
    """Which table an earlier detail was copied from."""

    CASE = "case"
    LINK = "link"
    TASK = "task"


def earlier(conn: Connection, kind: Kept, row_id: int) -> list[str]:
    """The JSON of every earlier version of one row, oldest first."""
    rows = conn.execute(
        "SELECT data FROM earlier_details WHERE kind = ? AND row_id = ? ORDER BY id",
        (kind.value, row_id),
    )
    return [str(r[0]) for r in rows]
