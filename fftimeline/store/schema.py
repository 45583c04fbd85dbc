"""The vault's tables, version 1 (store layer).

Every table lives inside the one encrypted file. Entries are kept as versions: each
amendment or retraction inserts a new row of ``entry_versions`` and moves the small
``entries.current_version`` pointer; triggers forbid changing or deleting a version and
the audit log. The domain object is stored whole as JSON next to the indexed columns the
store needs for ordering, filtering and counting.
"""

from __future__ import annotations

SCHEMA_V1: tuple[str, ...] = (
    """CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        current_version INTEGER NOT NULL
    )""",
    "CREATE INDEX entries_by_case ON entries(case_id)",
    """CREATE TABLE entry_versions (
        entry_id INTEGER NOT NULL REFERENCES entries(id),
        version INTEGER NOT NULL,
        case_id INTEGER NOT NULL,
        sort_date TEXT NOT NULL,
        sort_rank INTEGER NOT NULL,
        sort_time TEXT NOT NULL,
        kind TEXT NOT NULL,
        nature TEXT NOT NULL,
        significance TEXT NOT NULL,
        retracted INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (entry_id, version)
    )""",
    """CREATE TRIGGER entry_versions_no_update BEFORE UPDATE ON entry_versions
        BEGIN SELECT RAISE(ABORT, 'entry versions are kept, never changed'); END""",
    """CREATE TRIGGER entry_versions_no_delete BEFORE DELETE ON entry_versions
        BEGIN SELECT RAISE(ABORT, 'entry versions are kept, never deleted'); END""",
    """CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'entries are retracted, never deleted'); END""",
    """CREATE TRIGGER entries_pointer_moves_forward BEFORE UPDATE ON entries
        WHEN NEW.id != OLD.id OR NEW.case_id != OLD.case_id
            OR NEW.current_version != OLD.current_version + 1
        BEGIN SELECT RAISE(ABORT, 'an entry only moves on to its next version'); END""",
    """CREATE TABLE entry_links (
        entry_id INTEGER NOT NULL REFERENCES entries(id),
        link_id INTEGER NOT NULL REFERENCES links(id),
        PRIMARY KEY (entry_id, link_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX entry_links_by_link ON entry_links(link_id)",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX links_by_case ON links(case_id)",
    """CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        status TEXT NOT NULL,
        due TEXT,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX tasks_by_case ON tasks(case_id)",
    """CREATE TABLE disclosures (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        at TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX disclosures_by_case ON disclosures(case_id)",
    """CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        saved_at TEXT NOT NULL,
        payload TEXT NOT NULL
    )""",
    """CREATE TABLE preferences (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id INTEGER,
        entry_id INTEGER,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX audit_by_case ON audit(case_id)",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE VIRTUAL TABLE entry_fts USING fts5(
        summary, account, family, source, links,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
)
"""Statements that build an empty version-1 vault, run in order in one transaction."""

_KEEP_EARLIER = """CREATE TRIGGER {table}_keep_earlier BEFORE UPDATE OF data ON {table}
        WHEN OLD.data IS NOT NEW.data
        BEGIN INSERT INTO earlier_details (kind, row_id, case_id, replaced_at, data)
            VALUES ('{kind}', OLD.id, {case_id}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.data);
        END"""

_NO_DELETE = """CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{what} are kept, never deleted'); END"""

SCHEMA_V2: tuple[str, ...] = (
    """CREATE TABLE earlier_details (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        case_id INTEGER NOT NULL,
        replaced_at TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX earlier_details_by_row ON earlier_details(kind, row_id)",
    _KEEP_EARLIER.format(table="cases", kind="case", case_id="OLD.id"),
    _KEEP_EARLIER.format(table="links", kind="link", case_id="OLD.case_id"),
    _KEEP_EARLIER.format(table="tasks", kind="task", case_id="OLD.case_id"),
    _NO_DELETE.format(table="earlier_details", what="earlier details"),
    """CREATE TRIGGER earlier_details_no_update BEFORE UPDATE ON earlier_details
        BEGIN SELECT RAISE(ABORT, 'earlier details are kept as they were'); END""",
    _NO_DELETE.format(table="cases", what="cases"),
    _NO_DELETE.format(table="links", what="people, places and vehicles"),
    _NO_DELETE.format(table="tasks", what="tasks"),
)
"""Version 2: changing a case, a register item or a task keeps its earlier details.

Entries already keep every version. From version 2 the database itself also copies the
previous details of a case, person/place/vehicle or task into ``earlier_details`` whenever
they change, and refuses to delete any of them, so nothing is overwritten silently.
"""
