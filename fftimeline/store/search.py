"""Full-text search over entries, inside the encrypted file (store layer).

An FTS5 table holds, per entry (rowid = entry id), the current version's summary,
account (with a meeting's or support offer's details), family view, source and the names
and nicknames of its linked register items.
User input is never passed to FTS5 as syntax: it is split into words and each word is
quoted; the last word matches as a prefix, so results update while typing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked
from fftimeline.domain.wording import structured_words
from fftimeline.store.connection import Connection

_WORD = re.compile(r"\w+", re.UNICODE)


def link_text(item: Linked) -> str:
    """The searchable words of a register item: name and nicknames."""
    return " ".join((item.name, *item.nicknames))


def fts_row(entry: Entry, links: Mapping[int, Linked]) -> tuple[object, ...]:
    """The FTS row for an entry, given the case's register items by id."""
    src = entry.source
    source = " ".join((src.name, src.agency, src.role)) if src is not None else ""
    names = " ".join(link_text(links[i]) for i in sorted(entry.link_ids) if i in links)
    account = "\n".join(t for t in (entry.account, structured_words(entry)) if t)
    return (entry.id, entry.summary, account, entry.family_view.text, source, names)


_INSERT = (
    "INSERT INTO entry_fts (rowid, summary, account, family, source, links)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


def index(conn: Connection, entries: Iterable[Entry], links: Mapping[int, Linked]) -> None:
    """Add new entries to the index (inside the caller's transaction)."""
    conn.executemany(_INSERT, [fts_row(e, links) for e in entries])


def reindex(conn: Connection, entries: Iterable[Entry], links: Mapping[int, Linked]) -> None:
    """Replace the indexed text of existing entries (after amend, retract or a rename)."""
    rows = [fts_row(e, links) for e in entries]
    conn.executemany("DELETE FROM entry_fts WHERE rowid = ?", [(r[0],) for r in rows])
    conn.executemany(_INSERT, rows)


def match_expression(query: str) -> str | None:
    """Turn typed words into a safe FTS5 expression; None when there are no words.

    Every word is quoted (so ``AND``, ``NEAR``, ``*``, quotes and colons typed by the user
    are plain text) and the last one is a prefix match.
    """
    words = _WORD.findall(query)
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


# Column weights for "best first": a word in the summary counts most, then the source
# and linked names, then the longer account and family view texts.
_RANK = "bm25(entry_fts, 4.0, 1.0, 1.0, 2.0, 2.0), entry_fts.rowid"


def search(conn: Connection, query: str, case_id: int | None, limit: int) -> list[int]:
    """Entry ids matching the typed words, best first."""
    expression = match_expression(query)
    if expression is None or limit <= 0:
        return []
    if case_id is None:
        rows = conn.execute(
            f"SELECT rowid FROM entry_fts WHERE entry_fts MATCH ? ORDER BY {_RANK} LIMIT ?",
            (expression, limit),
        )
    else:
        rows = conn.execute(
            "SELECT entry_fts.rowid FROM entry_fts JOIN entries AS e ON e.id = entry_fts.rowid"
            f" WHERE entry_fts MATCH ? AND e.case_id = ? ORDER BY {_RANK} LIMIT ?",
            (expression, case_id, limit),
        )
    return [int(r[0]) for r in rows]
