"""Entry versions: insert, load, list and history (store layer).

Each version of an entry is one row of ``entry_versions`` with the indexed columns the
store sorts and counts by, plus the whole ``Entry`` as JSON. ``entries`` holds one row per
entry with a pointer to its current version; that pointer is the only thing ever updated.
All functions run inside the caller's transaction or read lock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import TypeAdapter

from fftimeline.domain.entries import Entry
from fftimeline.domain.sources import Source
from fftimeline.store.connection import Connection
from fftimeline.store.ids import next_id as next_row_id

_LIST = TypeAdapter(list[Entry])
_ORDER = "v.sort_date, v.sort_rank, v.sort_time, e.id"
_CURRENT = (
    "FROM entries AS e JOIN entry_versions AS v"
    " ON v.entry_id = e.id AND v.version = e.current_version"
)


def _parse(rows: Iterable[Sequence[object]]) -> list[Entry]:
    """Turn rows whose first column is Entry JSON into entries, in one fast parse."""
    payload = ",".join(str(r[0]) for r in rows)
    return _LIST.validate_json(f"[{payload}]")


_TO_JSON = Entry.__pydantic_serializer__.to_json


def version_row(entry: Entry) -> tuple[object, ...]:
    """The ``entry_versions`` row of an entry version."""
    day, rank, time = entry.event_date.sort_key
    return (
        entry.id,
        entry.version,
        entry.case_id,
        day.isoformat(),
        rank,
        time.isoformat(),
        entry.kind.value,
        entry.nature.value,
        entry.significance.value,
        int(entry.retracted),
        entry.recorded_at.isoformat(),
        _TO_JSON(entry).decode(),
    )


INSERT_VERSION = (
    "INSERT INTO entry_versions (entry_id, version, case_id, sort_date, sort_rank, sort_time,"
    " kind, nature, significance, retracted, recorded_at, data)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def next_id(conn: Connection) -> int:
    """The id the next new entry will get (ids are never reused, even after a purge)."""
    return next_row_id(conn, "entries")


def insert_new(conn: Connection, entries: Sequence[Entry]) -> None:
    """Insert brand-new entries (version 1) with their links."""
    conn.executemany(
        "INSERT INTO entries (id, case_id, current_version) VALUES (?, ?, 1)",
        [(e.id, e.case_id) for e in entries],
    )
    conn.executemany(INSERT_VERSION, [version_row(e) for e in entries])
    conn.executemany(
        "INSERT INTO entry_links (entry_id, link_id) VALUES (?, ?)",
        [(e.id, link) for e in entries for link in sorted(e.link_ids)],
    )


def insert_version(conn: Connection, entry: Entry) -> None:
    """Insert a later version of an entry and make it current."""
    conn.execute(INSERT_VERSION, version_row(entry))
    conn.execute("UPDATE entries SET current_version = ? WHERE id = ?", (entry.version, entry.id))
    conn.execute("DELETE FROM entry_links WHERE entry_id = ?", (entry.id,))
    conn.executemany(
        "INSERT INTO entry_links (entry_id, link_id) VALUES (?, ?)",
        [(entry.id, link) for link in sorted(entry.link_ids)],
    )


def current(conn: Connection, entry_id: int) -> Entry | None:
    """The current version of one entry, or None."""
    rows = conn.execute(f"SELECT v.data {_CURRENT} WHERE e.id = ?", (entry_id,)).fetchall()
    return _parse(rows)[0] if rows else None


def current_many(conn: Connection, entry_ids: Iterable[int]) -> list[Entry]:
    """The current versions of several entries, in id order."""
    ids = sorted(set(entry_ids))
    found: list[Entry] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT v.data {_CURRENT} WHERE e.id IN ({marks}) ORDER BY e.id", chunk
        ).fetchall()
        found.extend(_parse(rows))
    return found


def list_current(conn: Connection, case_id: int, include_retracted: bool) -> list[Entry]:
    """The current version of every entry of a case, in chronological order."""
    where = "e.case_id = ?" + ("" if include_retracted else " AND v.retracted = 0")
    rows = conn.execute(f"SELECT v.data {_CURRENT} WHERE {where} ORDER BY {_ORDER}", (case_id,))
    return _parse(rows)


def history(conn: Connection, entry_id: int) -> list[Entry]:
    """Every version of an entry, oldest first."""
    rows = conn.execute(
        "SELECT data FROM entry_versions WHERE entry_id = ? ORDER BY version", (entry_id,)
    )
    return _parse(rows)


def withheld_sources(conn: Connection) -> dict[int, list[Source]]:
    """Every withheld source of every version of every entry, by case, each once.

    Read from the stored JSON in one pass without loading the entries: the leak check of an
    export needs the withheld sources of every *other* case in the vault.
    """
    rows = conn.execute(
        "SELECT DISTINCT case_id, json_extract(data, '$.source') FROM entry_versions"
        " WHERE json_extract(data, '$.source.withheld') = 1"
    )
    found: dict[int, list[Source]] = {}
    for case_id, source in rows:
        found.setdefault(int(case_id), []).append(Source.model_validate_json(str(source)))
    return found


def ids_linking(conn: Connection, link_id: int) -> list[int]:
    """Ids of entries whose current version links to a register item."""
    rows = conn.execute("SELECT entry_id FROM entry_links WHERE link_id = ?", (link_id,))
    return [int(r[0]) for r in rows]


def in_case(conn: Connection, case_id: int, entry_ids: Iterable[int]) -> set[int]:
    """Which of ``entry_ids`` are entries of the case."""
    ids = sorted(set(entry_ids))
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id FROM entries WHERE case_id = ? AND id IN ({marks})", [case_id, *chunk]
        )
        found.update(int(r[0]) for r in rows)
    return found
