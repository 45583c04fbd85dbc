"""Schema versions: the committed v1 fixture opens and upgrades; newer vaults are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultTooNew, WrongPassphraseOrDamaged
from fftimeline.services.vault import open_vault
from fftimeline.store import audit, migrations
from fftimeline.store.connection import Connection
from fftimeline.store.migrations import MIGRATIONS, Migration
from fftimeline.store.vault import VaultStore
from tests.fixtures.make_vault_v1 import FIXTURE, PASSPHRASE, SUMMARIES
from tests.unit.store.vault_files import fingerprint

ACTOR = "Sam Key"


def _key() -> bytearray:
    return bytearray(PASSPHRASE.encode())


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    """A copy of the committed schema-v1 fixture (the original is never opened)."""
    target = tmp_path / "v1.fft"
    shutil.copyfile(FIXTURE, target)
    return target


def _add_flags(conn: Connection) -> None:
    conn.execute("CREATE TABLE case_flags (case_id INTEGER NOT NULL, flag TEXT NOT NULL)")
    conn.execute("INSERT INTO case_flags SELECT id, 'migrated' FROM cases")


def _broken(conn: Connection) -> None:
    conn.execute("CREATE TABLE half_done (x)")
    raise RuntimeError("the migration failed half way")


FAKE_V2 = (*MIGRATIONS, Migration(2, "add case flags", _add_flags))


def _version(store: VaultStore) -> int:
    with store.read() as conn:
        return migrations.schema_version(conn)


def test_fixture_opens_today_with_its_entries(old_vault: Path) -> None:
    v = open_vault(old_vault, _key(), actor=ACTOR)
    try:
        case = v.cases.summaries()[0]
        assert case.entry_count == len(SUMMARIES)
        summaries = [e.summary for e in v.entries.entries(case.case.id)]
        assert summaries == [SUMMARIES[0] + " (amended)", *SUMMARIES[1:]]
        assert len(v.entries.history(v.entries.entries(case.case.id)[0].id)) == 2
        assert v.entries.search("bugsy") != []
        assert v.check().ok
    finally:
        v.close()


def test_fixture_upgrades_to_a_new_version_in_one_step(old_vault: Path) -> None:
    store = VaultStore.open(old_vault, _key(), ACTOR, FAKE_V2)
    try:
        assert _version(store) == 2
        with store.read() as conn:
            flags = conn.execute("SELECT flag FROM case_flags").fetchall()
        assert flags == [("migrated",)]
    finally:
        store.close()
    again = VaultStore.open(old_vault, _key(), ACTOR, FAKE_V2)
    try:
        with again.read() as conn:
            migrated = [r.detail for r in audit.records(conn) if r.action.value == "migrated"]
            assert migrated == ["schema=1", "schema=2"]
            assert audit.verify(conn) is None
    finally:
        again.close()


def test_failed_migration_rolls_back_whole(old_vault: Path) -> None:
    broken = (*MIGRATIONS, Migration(2, "broken", _broken))
    with pytest.raises(RuntimeError):
        VaultStore.open(old_vault, _key(), ACTOR, broken)
    store = VaultStore.open(old_vault, _key(), ACTOR)
    try:
        assert _version(store) == 1
        with store.read() as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names
    finally:
        store.close()


def test_newer_vault_is_refused_and_left_alone(old_vault: Path) -> None:
    VaultStore.open(old_vault, _key(), ACTOR, FAKE_V2).close()
    before = fingerprint(old_vault)
    with pytest.raises(VaultTooNew) as caught:
        open_vault(old_vault, _key(), actor=ACTOR)
    assert "newer version" in caught.value.message
    assert fingerprint(old_vault) == before


def test_fixture_needs_its_passphrase(old_vault: Path) -> None:
    with pytest.raises(WrongPassphraseOrDamaged):
        open_vault(old_vault, bytearray(b"not the fixture passphrase"), actor=ACTOR)
