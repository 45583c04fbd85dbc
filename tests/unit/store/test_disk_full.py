"""A full disk is named as such: never "damaged", never "Something went wrong"."""

from __future__ import annotations

from pathlib import Path

import pytest

from fftimeline.domain.errors import DiskFull
from fftimeline.services.vault import create_vault, open_vault
from tests.factories import make_case, make_entry, passphrase
from tests.small_disk import fill, small_disk

ACTOR = "Sam Key"


def test_a_write_refused_for_lack_of_space_says_the_disk_is_full(tmp_path: Path) -> None:
    """A real SQLite "database or disk is full", made with a page limit."""
    vault = create_vault(tmp_path / "work.fft", passphrase(), actor=ACTOR)
    case = vault.cases.add(make_case())
    with vault._store.read() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull) as caught:
        vault.entries.add_many(case.id, [make_entry(account="x" * 4000) for _ in range(50)])
    assert caught.value.message.startswith("The disk is full")
    with vault._store.read() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    assert vault.entries.entries(case.id) == []  # nothing half-saved
    vault.close(backup=False)


@pytest.mark.slow
def test_check_on_a_full_disk_says_so_and_the_vault_is_healthy(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "work.fft"
        vault = create_vault(path, passphrase(), actor=ACTOR)
        case = vault.cases.add(make_case())
        # Pages that live only in the -wal until a checkpoint copies them into the vault.
        vault.entries.add_many(case.id, [make_entry(account="y" * 3000) for _ in range(60)])
        filler = fill(disk)
        with pytest.raises(DiskFull):
            vault.check()
        filler.unlink()
        result = vault.check()
        assert result.ok, result.problems
        assert len(vault.entries.entries(case.id)) == 60
        vault.close(backup=False)
        again = open_vault(path, passphrase(), actor=ACTOR)
        assert again.check().ok
        again.close(backup=False)


@pytest.mark.slow
def test_creating_a_vault_on_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk, leave=4096)
        with pytest.raises(DiskFull):
            create_vault(disk / "work.fft", passphrase(), actor=ACTOR)
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]
