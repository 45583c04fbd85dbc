"""The first page as SQLite will read it, when a crash has left a ``-wal`` (store layer).

After a crash the newest committed copy of a page may be in the ``-wal`` rather than in the
vault file: a passphrase change killed after its commit and before its checkpoint leaves
the vault file under the old key and the ``-wal`` under the new one. The passphrase check
before opening (`kdf`) must look at the page SQLite will read, so this reads the newest
*committed*, checksum-valid copy of page 1 from the ``-wal``, following SQLite's WAL
format (https://www.sqlite.org/fileformat2.html#walformat). It only reads; and it is only
called while this process holds no connection on the vault.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGICS = (0x377F0682, 0x377F0683)
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


def _checksum(order: str, data: bytes, start: tuple[int, int]) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes), continuing from ``start``."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    s1, s2 = start
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & _MASK
        s2 = (s2 + words[i + 1] + s1) & _MASK
    return s1, s2


def committed_first_page(wal: Path, page_size: int) -> bytes | None:
    """The newest committed copy of page 1 in ``wal``, or None (no -wal, or no such copy)."""
    try:
        data = wal.read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER:
        return None
    magic, _version, size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:_HEADER])
    if magic not in _MAGICS or size != page_size:
        return None
    order = ">" if magic & 1 else "<"
    running = _checksum(order, data[:24], (0, 0))
    if running != (c1, c2):
        return None
    return _scan_frames(data, order, running, (salt1, salt2), page_size)


def _scan_frames(
    data: bytes, order: str, running: tuple[int, int], salts: tuple[int, int], page_size: int
) -> bytes | None:
    """Walk the valid frames; page 1 as of the last commit frame."""
    latest: bytes | None = None
    pending: bytes | None = None
    frame = _FRAME_HEADER + page_size
    offset = _HEADER
    while offset + frame <= len(data):
        head = data[offset : offset + _FRAME_HEADER]
        page_no, commit, s1, s2, f1, f2 = struct.unpack(">6I", head)
        page = data[offset + _FRAME_HEADER : offset + frame]
        running = _checksum(order, page, _checksum(order, head[:8], running))
        if (s1, s2) != salts or running != (f1, f2):
            break  # the rest was never committed (or is from an earlier round of the -wal)
        if page_no == 1:
            pending = page
        if commit:
            latest, pending = (pending or latest), None
        offset += frame
    return latest
