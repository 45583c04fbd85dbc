"""Writing an output file in steps that a crash can never leave half-done (export layer).

The bytes go to a hidden part file (``.fft-<random>.part``) in the target folder, whose name
holds no personal data; it is flushed to the disk, then renamed over the target in one step,
and the folder itself is flushed. `services.disclosure_log` runs these steps one by one and
records the disclosure around them, so a crash at any point can be put right on the next open:
`part_files` finds what was left behind and `remove_part` clears it.

Files are opened in binary mode everywhere (``O_BINARY`` on Windows, where ``os.open``
otherwise opens in text mode and turns every newline byte into carriage return plus newline).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from pathlib import Path

from fftimeline.domain.errors import DomainError

PART_PATTERN = re.compile(r"^\.fft-[0-9a-f]{16}\.part$")
"""The name of a part file: nothing about the case or the audience is in it."""
_SIDE_FILES = ("-journal", "-wal", "-shm")
"""Files SQLite may leave beside a part file it was building (a hand-over)."""


class ExportNotWritten(DomainError):
    """The file could not be written where the user asked."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            "export_not_written",
            f"The file could not be saved there ({reason}). Choose another folder. "
            "Nothing was written.",
        )


def binary_flag() -> int:
    """``os.O_BINARY`` where it exists (Windows), else 0; read at call time."""
    return int(getattr(os, "O_BINARY", 0))


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hex digits, as recorded in the disclosure register."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks (a hand-over file can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def new_part(folder: Path) -> Path:
    """A fresh part-file path in ``folder`` (not created yet).

    Raises:
        ExportNotWritten: the folder does not exist.
    """
    if not folder.is_dir():
        raise ExportNotWritten("the folder does not exist")
    return folder / f".fft-{secrets.token_hex(8)}.part"


def write_part(part: Path, data: bytes) -> None:
    """Create ``part`` (it must not exist), write ``data`` and flush it to the disk.

    On failure the part file is removed and ExportNotWritten raised.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | binary_flag()
    try:
        fd = os.open(part, flags, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        remove_part(part)
        raise ExportNotWritten(exc.strerror or "the disk refused it") from exc


def sync_file(path: Path) -> None:
    """Flush a file some other writer made (SQLCipher building a hand-over) to the disk."""
    try:
        fd = os.open(path, os.O_RDONLY | binary_flag())
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ExportNotWritten(exc.strerror or "the disk refused it") from exc


def place(part: Path, target: Path) -> None:
    """Rename the finished part file over ``target`` in one step and make that durable."""
    try:
        os.replace(part, target)
    except OSError as exc:
        remove_part(part)
        raise ExportNotWritten(exc.strerror or "the disk refused it") from exc
    _fsync_folder(target.parent)


def remove_part(part: Path) -> bool:
    """Remove a part file and anything SQLite left beside it; True if the part file was there."""
    for suffix in _SIDE_FILES:
        with contextlib.suppress(OSError):
            Path(f"{part}{suffix}").unlink()
    try:
        part.unlink()
    except OSError:
        return False
    return True


def part_files(folder: Path) -> list[Path]:
    """Part files left in ``folder`` (none if the folder cannot be read)."""
    try:
        return sorted(p for p in folder.iterdir() if PART_PATTERN.match(p.name))
    except OSError:
        return []


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it appears whole or not at all."""
    part = new_part(path.parent)
    write_part(part, data)
    place(part, path)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
