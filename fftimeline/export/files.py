"""Writing an export to disk atomically (export layer).

The bytes go to a temporary file in the target folder whose random name holds no personal
data, are flushed to the disk, and then replace the target in one step. A crash leaves either
the old file or the new one, never half a file; the temporary file is removed on failure.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from pathlib import Path

from fftimeline.domain.errors import DomainError


class ExportNotWritten(DomainError):
    """The file could not be written where the user asked."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            "export_not_written",
            f"The file could not be saved there ({reason}). Choose another folder. "
            "Nothing was written.",
        )


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hex digits, as recorded in the disclosure register."""
    return hashlib.sha256(data).hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it appears whole or not at all."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportNotWritten("the folder does not exist")
    tmp = folder / f".fft-{secrets.token_hex(8)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportNotWritten(exc.strerror or "the disk refused it") from exc


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
