"""Reading every name the vault holds, for redaction (store layer).

An output of one case must protect the people of every case, and every name a withheld
source ever had. These reads fetch them for the whole vault in a few queries: register items
and earlier details as stored, and withheld sources picked out of every entry version by
SQLite's JSON functions, so entry versions are never parsed one by one in Python.
"""

from __future__ import annotations

from fftimeline.domain.cases import Case
from fftimeline.domain.people import Linked
from fftimeline.domain.sources import Source
from fftimeline.store.connection import Connection

_WITHHELD = (
    "SELECT DISTINCT case_id, json_extract(data, '$.source') FROM entry_versions"
    " WHERE data LIKE '%\"withheld\":true%'"
    " AND json_extract(data, '$.source.withheld') = 1"
)


def all_links(conn: Connection) -> list[tuple[int, Linked]]:
    """Every register item of every case, as (case id, item)."""
    rows = conn.execute("SELECT case_id, data FROM links ORDER BY id")
    return [(int(r[0]), Linked.model_validate_json(r[1])) for r in rows]


def earlier_links(conn: Connection) -> list[tuple[int, Linked]]:
    """How every register item read before each change, as (case id, item)."""
    rows = conn.execute("SELECT case_id, data FROM earlier_details WHERE kind = 'link' ORDER BY id")
    return [(int(r[0]), Linked.model_validate_json(r[1])) for r in rows]


def earlier_cases(conn: Connection) -> list[tuple[int, Case]]:
    """How every case read before each change, as (case id, case)."""
    rows = conn.execute("SELECT row_id, data FROM earlier_details WHERE kind = 'case' ORDER BY id")
    return [(int(r[0]), Case.model_validate_json(r[1])) for r in rows]


def withheld_sources(conn: Connection) -> list[tuple[int, Source]]:
    """Every withheld source of every version of every entry, as (case id, source)."""
    rows = conn.execute(_WITHHELD)
    return [(int(r[0]), Source.model_validate_json(r[1])) for r in rows]
