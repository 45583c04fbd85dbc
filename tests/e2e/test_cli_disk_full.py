"""``init`` and ``demo`` on a full disk: the plain disk-full message, exit 24, nothing left."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli_helpers import PASSPHRASE, run, secret_file
from tests.small_disk import fill, small_disk

DISK_FULL = 24


@pytest.mark.e2e
@pytest.mark.parametrize("command", ["init", "demo"])
def test_a_full_disk_is_named_plainly(tmp_path: Path, command: str) -> None:
    secret = secret_file(tmp_path, PASSPHRASE)
    with small_disk(tmp_path / "disk", size_kb=1024) as disk:
        fill(disk, leave=8192 if command == "init" else 120_000)
        result = run(command, str(disk / "work.fft"), "--passphrase-file", str(secret))
        assert result.code == DISK_FULL, result.err
        assert result.err.startswith("The disk is full"), result.err
        assert "Something went wrong" not in result.err
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]
