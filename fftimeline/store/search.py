"""Full-text search over entries, inside the encrypted file (store layer).

An FTS5 table holds, per entry (rowid = entry id), the current version's summary,
account, everyone's views (the child's wishes about sharing with them), source (with whose
opinion it is and why no source is recorded) and the names and nicknames of its linked
register items. User input is never passed to FTS5 as syntax: it is split into words and
each word is quoted; the last word matches as a prefix, so results update while typing.

Search also finds the words the table shows rather than the key worker typed ("withheld",
"serious", "disputes", "withdrawn", a kind or how we know): `shown_search` turns such a word
into a condition on the stored entry, and a word counts as found in an entry when either
its text or its shown words have it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked
from fftimeline.store.connection import Connection
from fftimeline.store.shown_search import shown_condition

_WORD = re.compile(r"\w+", re.UNICODE)


def link_text(item: Linked) -> str:
    """The searchable words of a register item: name and nicknames."""
    return " ".join((item.name, *item.nicknames))


def fts_row(entry: Entry, links: Mapping[int, Linked]) -> tuple[object, ...]:
    """The FTS row for an entry, given the case's register items by id."""
    src = entry.source
    source = " ".join((src.name, src.agency, src.role)) if src is not None else ""
    source = " ".join(p for p in (source, entry.opinion_of, entry.no_source_reason) if p)
    names = " ".join(link_text(links[i]) for i in sorted(entry.link_ids) if i in links)
    views = [f"{v.name} {v.text}".strip() for v in entry.views]
    if entry.child_wish is not None:
        views.append(entry.child_wish.text)
    return (entry.id, entry.summary, entry.account, " ".join(views), source, names)


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
    return match_expression_of(words, prefix=True)


# Column weights for "best first": a word in the summary counts most, then the source
# and linked names, then the longer account and family view texts.
_RANK = "bm25(entry_fts, 4.0, 1.0, 1.0, 2.0, 2.0), entry_fts.rowid"


def search(conn: Connection, query: str, case_id: int | None, limit: int) -> list[int]:
    """Entry ids matching the typed words, best first.

    Entries whose text holds every word come first, ranked; then those where some words
    are only among the words the table shows (in id order).
    """
    expression = match_expression(query)
    if expression is None or limit <= 0:
        return []
    ranked = _matching(conn, expression, case_id, limit)
    words = _WORD.findall(query)
    shown = [shown_condition(w, prefix=i == len(words) - 1) for i, w in enumerate(words)]
    if not any(shown):
        return ranked
    found: set[int] | None = None
    for i, word in enumerate(words):
        ids = set(_matching(conn, match_expression_of([word], i == len(words) - 1), case_id))
        condition = shown[i]
        if condition is not None:
            ids |= _shown(conn, condition, case_id)
        found = ids if found is None else found & ids
    extra = sorted((found or set()) - set(ranked))
    return (ranked + extra)[:limit]


def match_expression_of(words: list[str], prefix: bool) -> str:
    """The FTS5 expression for these words, the last one a prefix when ``prefix``."""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def _matching(conn: Connection, expression: str, case_id: int | None, limit: int = -1) -> list[int]:
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


def _shown(conn: Connection, condition: tuple[str, list[object]], case_id: int | None) -> set[int]:
    """Ids of entries whose current version meets a shown-words condition."""
    sql, params = condition
    where = f"({sql})" + ("" if case_id is None else " AND e.case_id = ?")
    args = [*params] + ([] if case_id is None else [case_id])
    rows = conn.execute(
        "SELECT e.id FROM entries AS e JOIN entry_versions AS v"
        f" ON v.entry_id = e.id AND v.version = e.current_version WHERE {where}",
        args,
    )
    return {int(r[0]) for r in rows}
