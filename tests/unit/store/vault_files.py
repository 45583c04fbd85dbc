"""Helpers for store tests: file fingerprints and raw access to a vault's bytes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def fingerprint(path: Path) -> tuple[str, int, int]:
    """(sha256, size, mtime_ns) of a file, to prove a failed open changed nothing."""
    data = path.read_bytes()
    st = os.stat(path)
    return hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns


def folder_files(path: Path) -> list[Path]:
    """Every file in the vault's folder (the vault, its -wal, -journal or -shm)."""
    return sorted(p for p in path.parent.iterdir() if p.is_file())


def bytes_in_folder(path: Path) -> bytes:
    """All bytes of all files in the vault's folder, concatenated."""
    return b"".join(p.read_bytes() for p in folder_files(path))
