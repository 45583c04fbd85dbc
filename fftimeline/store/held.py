"""Which vault files this process holds open, checked before anything touches a file (store layer).

SQLite keeps one writer at a time with POSIX advisory locks, and those locks belong to the
whole process: closing *any* descriptor on the file drops every lock the process holds on
it (SQLite's "How To Corrupt An SQLite Database File", §2.2). So once a vault is open here,
no code of ours may open the file again by its path, not even to read its first bytes or
to be refused. This registry is asked first, by every open, create, restore and key
check: a file it holds is refused as "in use" before any descriptor is made.

Files are known by their device and inode (so another spelling of the path, a symlink or
a hard link is the same file); a file that does not exist yet is known by its full path.
A reservation is taken *before* the file is looked at and kept for the life of the
connection, so two threads opening the same vault cannot both get to the file.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fftimeline.domain.errors import VaultInUse

FileId = tuple[int, int] | str
"""(device, inode) of an existing file, else its absolute path."""

_lock = threading.Lock()
_held: dict[FileId, int] = {}


def file_id(path: Path) -> FileId:
    """How the registry knows ``path``: its (device, inode), read with ``stat`` (no descriptor)."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return (st.st_dev, st.st_ino)


class Hold:
    """One reservation of a vault file; `release` gives it back (safe to call twice)."""

    def __init__(self, key: FileId) -> None:
        self._key: FileId | None = key

    @property
    def key(self) -> FileId | None:
        """The file this hold is on, or None once released."""
        return self._key

    def move_to(self, path: Path) -> None:
        """Re-key the hold once the file exists (a vault being created)."""
        new = file_id(path)
        with _lock:
            if self._key is None or new == self._key:
                return
            if new in _held:
                raise VaultInUse()
            _held.pop(self._key, None)
            _held[new] = id(self)
            self._key = new

    def release(self) -> None:
        """Let the file be opened again by this process."""
        with _lock:
            if self._key is not None and _held.get(self._key) == id(self):
                del _held[self._key]
            self._key = None


def reserve(path: Path) -> Hold:
    """Reserve ``path`` for one connection, or raise VaultInUse if this process holds it.

    Raises:
        VaultInUse: this process already has the file open (or is opening it).
    """
    key = file_id(path)
    with _lock:
        if key in _held:
            raise VaultInUse()
        hold = Hold(key)
        _held[key] = id(hold)
    return hold


def is_held(path: Path) -> bool:
    """Whether this process holds ``path`` open (or is opening it)."""
    with _lock:
        return file_id(path) in _held


def refuse_if_held(path: Path) -> None:
    """Raise VaultInUse when this process holds ``path``: call before touching the file."""
    if is_held(path):
        raise VaultInUse()


_SHARED_FIRST = 0x40000000 + 2
_SHARED_SIZE = 510


def refuse_if_open_anywhere(path: Path) -> None:
    """Raise VaultInUse when this or another program has the vault at ``path`` open.

    For another process, asks for SQLite's shared-lock range the way SQLite does; a
    holder of the vault keeps a write lock there, so the request is refused. The probe
    descriptor is only opened after this process is known not to hold the file.
    """
    refuse_if_held(path)
    try:
        import fcntl
    except ImportError:  # Windows: an open vault cannot be renamed or replaced anyway
        return
    try:
        with path.open("rb") as fh:
            try:
                fcntl.lockf(fh, fcntl.LOCK_SH | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST)
            except OSError:
                raise VaultInUse() from None
    except FileNotFoundError:
        return
