"""Backups: encrypted, private, verified, rotated; restore into a new file; backups never change."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultExists, WrongPassphraseOrDamaged
from fftimeline.services.backups import (
    KEEP_LAST,
    BackupFile,
    Reason,
    default_folder,
    find_backups,
    rotate,
)
from fftimeline.services.restore import describe, restore
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.store.backup import BackupNotMade
from tests.factories import make_case, make_entry, passphrase
from tests.unit.store.vault_files import fingerprint

ACTOR = "Sam Key"
NEW = "a completely different passphrase"


def _filled(vault: OpenVault, entries: int = 30) -> int:
    case = vault.cases.add(make_case())
    vault.entries.add_many(case.id, [make_entry(summary=f"Entry {i}") for i in range(entries)])
    return case.id


def test_a_backup_is_encrypted_private_verified_and_opens_with_the_passphrase(
    vault: OpenVault,
) -> None:
    _filled(vault)
    made = vault.backups.make(Reason.MANUAL)
    assert made.path.parent == default_folder(vault.path)
    assert made.reason == "manual"
    if os.name == "posix":
        assert made.path.stat().st_mode & 0o777 == 0o600
    data = made.path.read_bytes()
    assert b"SQLite format 3" not in data and b"Entry 1" not in data and b"Okafor" not in data
    [summary] = describe([made], passphrase())
    assert summary.facts is not None
    assert (summary.facts.cases, summary.facts.entries) == (1, 30)
    actions = [r.action.value for r in vault.audit.records()]
    assert actions[-1] == "backup-made"


def test_looking_inside_a_backup_changes_nothing(vault: OpenVault) -> None:
    _filled(vault)
    made = vault.backups.make(Reason.MANUAL)
    before = fingerprint(made.path)
    describe([made], passphrase())
    describe([made], passphrase("not the passphrase at all"))
    assert fingerprint(made.path) == before
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]


def test_a_damaged_copy_is_never_kept_and_nothing_is_rotated(
    vault: OpenVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fftimeline.store import backup

    _filled(vault)
    first = vault.backups.make(Reason.MANUAL)
    real_copy = backup.copy_into

    def damaging_copy(conn: object, target: Path, progress: object = None) -> None:
        real_copy(conn, target, None)
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))

    monkeypatch.setattr(backup, "copy_into", damaging_copy)
    with pytest.raises(BackupNotMade):
        vault.backups.make(Reason.MANUAL)
    assert vault.backups.backups() == [first]


def test_rotation_keeps_the_newest_and_one_a_day(tmp_path: Path) -> None:
    now = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
    for hours in range(0, 24 * 40, 6):  # four a day for 40 days
        at = now - dt.timedelta(hours=hours)
        (tmp_path / f"work-{at:%Y%m%dT%H%M%SZ}-closing.fftbackup").write_bytes(b"x")
    (tmp_path / "other-20261202T120000Z-closing.fftbackup").write_bytes(b"x")
    rotate(tmp_path, "work", now)
    kept = find_backups(tmp_path, "work")
    assert kept[0].made_at == now
    assert len(kept) <= KEEP_LAST + 30
    days = [b.made_at.date() for b in kept[KEEP_LAST:]]
    assert len(days) == len(set(days))
    assert all((now - b.made_at).days < 30 for b in kept)
    assert (tmp_path / "other-20261202T120000Z-closing.fftbackup").exists()


def test_closing_backs_up_at_most_once_a_day(vault: OpenVault, vault_path: Path) -> None:
    _filled(vault)
    vault.close()
    assert len(find_backups(default_folder(vault_path), vault_path.stem)) == 1
    again = open_vault(vault_path, passphrase(), actor=ACTOR)
    again.entries.add(again.cases.summaries()[0].case.id, make_entry())
    again.close()
    [only] = find_backups(default_folder(vault_path), vault_path.stem)
    assert only.reason == "closing"


def test_passphrase_change_backs_up_before_under_the_old_and_after_under_the_new(
    vault: OpenVault,
) -> None:
    _filled(vault)
    vault.change_passphrase(passphrase(NEW), current=passphrase())
    found = {b.reason: b for b in vault.backups.backups()}
    before = found["before-passphrase-change"]
    after = found["after-passphrase-change"]
    assert describe([before], passphrase())[0].facts is not None
    assert describe([before], passphrase(NEW))[0].facts is None
    assert describe([after], passphrase(NEW))[0].facts is not None
    assert describe([after], passphrase())[0].facts is None  # the new passphrase only
    assert "before a passphrase change" in describe([after], passphrase())[0].problem


def test_restore_into_a_new_file_and_never_over_a_vault_without_asking(
    vault: OpenVault, tmp_path: Path
) -> None:
    case_id = _filled(vault, 12)
    made = vault.backups.make(Reason.MANUAL)
    vault.entries.add(case_id, make_entry(summary="after the backup"))
    target = tmp_path / "restored.fft"
    done = restore(made.path, passphrase(), target, actor=ACTOR)
    assert (done.facts.cases, done.facts.entries, done.kept_as) == (1, 12, None)
    back = open_vault(target, passphrase(), actor=ACTOR)
    try:
        assert len(back.entries.entries(case_id)) == 12
        assert back.check().ok
        actions = [r.action.value for r in back.audit.records()]
        assert "restored-from-backup" in actions[-3:]
    finally:
        back.close(backup=False)
    with pytest.raises(VaultExists):
        restore(made.path, passphrase(), target, actor=ACTOR)
    with pytest.raises(WrongPassphraseOrDamaged):
        restore(made.path, passphrase(NEW), tmp_path / "other.fft", actor=ACTOR)
    assert not (tmp_path / "other.fft").exists()


def test_restore_over_a_closed_vault_keeps_the_old_file(vault: OpenVault) -> None:
    case_id = _filled(vault, 5)
    made = vault.backups.make(Reason.MANUAL)
    vault.entries.add(case_id, make_entry(summary="only in the old file"))
    vault.close(backup=False)
    old = fingerprint(vault.path)
    done = restore(made.path, passphrase(), vault.path, actor=ACTOR, replace=True)
    assert done.kept_as is not None and fingerprint(done.kept_as)[:2] == old[:2]
    restored = open_vault(vault.path, passphrase(), actor=ACTOR)
    try:
        assert len(restored.entries.entries(case_id)) == 5
    finally:
        restored.close(backup=False)


def test_check_points_to_the_real_latest_backup(vault: OpenVault) -> None:
    _filled(vault)
    assert vault.check().backups.startswith("No backups of this vault were found in ")
    made = vault.backups.make(Reason.MANUAL)
    hint = vault.check().backups
    assert hint.startswith("Your latest backup is from ")
    assert str(made.path) in hint and "fftimeline restore" in hint


def test_a_chosen_folder_is_used_and_an_unreachable_one_falls_back(
    vault: OpenVault, tmp_path: Path
) -> None:
    _filled(vault)
    stick = tmp_path / "stick"
    vault.backups.set_folder(stick)
    assert vault.backups.make(Reason.MANUAL).path.parent == stick
    for p in stick.iterdir():
        p.unlink()
    stick.rmdir()
    stick.write_bytes(b"not a folder any more")
    made = vault.backups.make(Reason.MANUAL)
    assert vault.backups.fell_back and made.path.parent == default_folder(vault.path)
    assert BackupFile.from_path(made.path) == made


def test_an_upgrade_is_preceded_by_a_verified_backup_of_the_old_version(tmp_path: Path) -> None:
    import shutil

    from fftimeline.store import migrations
    from fftimeline.store.backup import read_facts
    from fftimeline.store.connection import close_connection, open_read_only
    from tests.fixtures.make_vault import PASSPHRASE as FIXTURE_PASSPHRASE
    from tests.fixtures.make_vault import fixtures

    oldest = min(fixtures(), key=lambda p: p.name)
    copy = tmp_path / "old.fft"
    shutil.copyfile(oldest, copy)  # the committed fixture itself is never opened
    secret = bytearray(FIXTURE_PASSPHRASE.encode())
    opened = open_vault(copy, secret, actor=ACTOR)
    opened.close(backup=False)
    [made] = find_backups(default_folder(copy), "old")
    assert made.reason == "before-upgrade"
    assert read_facts(made.path, secret).entries > 0
    conn = open_read_only(made.path, secret)
    try:
        assert migrations.schema_version(conn) < migrations.latest()
    finally:
        close_connection(conn)
    again = open_vault(copy, secret, actor=ACTOR)  # already upgraded: no second backup
    again.close(backup=False)
    assert len(find_backups(default_folder(copy), "old")) == 1


@pytest.mark.slow
def test_restore_never_replaces_a_vault_another_program_has_open(
    vault: OpenVault, tmp_path: Path
) -> None:
    from fftimeline.domain.errors import VaultInUse
    from tests.unit.store.test_crash import _kill, _Reader, _start_child

    case_id = _filled(vault, 3)
    made = vault.backups.make(Reason.MANUAL)
    vault.close(backup=False)
    child = _start_child(vault.path, case_id)
    reader = _Reader(child)
    reader.start()
    try:
        assert reader.ready.wait(timeout=30)
        inode = vault.path.stat().st_ino
        with pytest.raises(VaultInUse):
            restore(made.path, passphrase(), vault.path, actor=ACTOR, replace=True)
        assert vault.path.stat().st_ino == inode
        assert not list(tmp_path.rglob("*replaced*"))
    finally:
        _kill(child, reader)
