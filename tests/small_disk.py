"""A real, tiny file system for disk-full tests: tmpfs mounted under the test's folder.

Mounting needs root (CI and the development machine run as root). Where it cannot be
mounted the test is skipped, with the reason.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(where: Path, size_kb: int = 2048) -> Iterator[Path]:
    """A fresh tmpfs of ``size_kb`` KB mounted at ``where``; unmounted afterwards."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("a small file system can only be mounted as root on Linux")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system holding ``folder`` until at most ``leave`` bytes are free."""
    filler = folder / "filler.bin"
    with filler.open("ab") as fh:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                fh.write(b"\0" * min(65536, max(1, free - leave)))
                fh.flush()
            except OSError:
                break
    return filler
