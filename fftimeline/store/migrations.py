"""Schema versions and the ordered list of migrations (store layer).

``PRAGMA user_version`` holds the schema version of a vault. Each migration runs in its
own transaction together with the new version number and an audit row, so a vault is
always at one whole version. A vault newer than this program knows is refused
(VaultTooNew) before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fftimeline.domain.errors import VaultTooNew
from fftimeline.domain.records import AuditAction
from fftimeline.store import audit
from fftimeline.store.connection import Connection
from fftimeline.store.schema import SCHEMA_V1, SCHEMA_V2
from fftimeline.store.schema_v3 import SCHEMA_V3
from fftimeline.store.schema_v4 import SCHEMA_V4


@dataclass(frozen=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def _run(statements: Sequence[str]) -> Callable[[Connection], None]:
    """A migration step that runs ``statements`` in order."""

    def apply(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create the vault tables", _run(SCHEMA_V1)),
    Migration(2, "keep earlier details of cases, register items and tasks", _run(SCHEMA_V2)),
    Migration(3, "close and purge cases, record exports first, take hand-overs", _run(SCHEMA_V3)),
    Migration(
        4, "safety plans with every version; meetings and support in entries", _run(SCHEMA_V4)
    ),
)
"""Every migration this program knows, oldest first."""


def schema_version(conn: Connection) -> int:
    """The vault's schema version (0 for a brand-new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def latest(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """The newest schema version in ``migrations``."""
    return migrations[-1].version if migrations else 0


def pending(conn: Connection, migrations: Sequence[Migration] = MIGRATIONS) -> bool:
    """Whether opening this vault will upgrade its schema (a backup is made first)."""
    return 0 < schema_version(conn) < latest(migrations)


def refuse_too_new(conn: Connection, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Raise VaultTooNew if the vault was written by a newer program."""
    if schema_version(conn) > latest(migrations):
        raise VaultTooNew()


def migrate(
    conn: Connection, actor: str, migrations: Sequence[Migration] = MIGRATIONS
) -> list[int]:
    """Bring the vault up to the newest version; return the versions applied."""
    refuse_too_new(conn, migrations)
    applied: list[int] = []
    for step in migrations:
        if step.version <= schema_version(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            event = audit.AuditEvent(AuditAction.MIGRATED, detail=f"schema={step.version}")
            audit.append(conn, actor, [event])
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # a failed COMMIT (disk full) has rolled back already
                conn.execute("ROLLBACK")
            raise
        applied.append(step.version)
    return applied
